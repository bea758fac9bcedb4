package com.faceattend.engine.gallery;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The two-step search (4-bit first pass, exact rescoring) must return the exact scan's best person on
 * ArcFace-like vectors ({@link FaceLikeVectors}), for returning people and for strangers alike: a
 * stranger's true best score is what the open-set rule compares with its threshold.
 */
class GallerySearchRecallTest {
    @Test
    void theTwoStepSearchKeepsTheExactBestPerson() {
        FaceLikeGallery gallery = new FaceLikeGallery(2 * GalleryIndex.COARSE_THRESHOLD, 2, 11);
        double enrolled = gallery.recallAtOne(gallery.enrolledProbes(200));
        double strangers = gallery.recallAtOne(gallery.strangerProbes(200));
        assertTrue(enrolled >= 0.999, "recall@1 of enrolled probes " + enrolled);
        assertTrue(strangers >= 0.999, "recall@1 of stranger probes " + strangers);
    }
}
