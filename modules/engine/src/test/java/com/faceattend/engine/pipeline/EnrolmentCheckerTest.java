package com.faceattend.engine.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.faceattend.spi.FaceBox;
import com.faceattend.spi.FaceLandmarks;
import org.junit.jupiter.api.Test;

class EnrolmentCheckerTest {

    @Test
    void aStrayBoxOnTheSameHeadOverlapsItAndTwoPeopleSideBySideDoNot() {
        // Measured on faces94 drbost.1.jpg: the detector also boxes the hat above the face.
        FaceBox face = new FaceBox(50, 75, 77, 99);
        FaceBox hat = new FaceBox(66, 29, 55, 68);
        assertTrue(EnrolmentChecker.overlapShare(hat, face) >= EnrolmentChecker.SAME_FACE_OVERLAP);
        FaceBox neighbour = new FaceBox(140, 80, 70, 90);
        assertEquals(0f, EnrolmentChecker.overlapShare(neighbour, face));
    }

    @Test
    void yawIsZeroForAFrontalFaceAndGrowsAsTheNoseMovesSideways() {
        float[] frontal = {40, 50, 72, 50, 56, 70, 42, 90, 70, 90};
        assertEquals(0f, EnrolmentChecker.yawRatio(new FaceLandmarks(frontal)), 1e-6f);
        float[] turned = frontal.clone();
        turned[4] = 72; // nose under the right eye
        assertEquals(0.5f, EnrolmentChecker.yawRatio(new FaceLandmarks(turned)), 1e-6f);
    }
}
