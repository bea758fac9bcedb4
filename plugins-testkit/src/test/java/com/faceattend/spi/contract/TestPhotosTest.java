package com.faceattend.spi.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.faceattend.spi.AlignedFace;
import com.faceattend.spi.FrameImage;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The shipped photos decode to what their credits say, and the aligned crops differ as documented. */
class TestPhotosTest {
    @Test
    void photosDecodeToTheirSizesInBgrOrder() {
        FrameImage face = TestPhotos.oneFace();
        assertEquals(256, face.width());
        assertEquals(256, face.height());
        FrameImage cup = TestPhotos.noFace();
        assertEquals(300, cup.width());
        assertEquals(200, cup.height());
        // the astronaut's suit (lower left quarter) is orange: red above blue in BGR order
        assertTrue(face.sample(60, 200, 2) > face.sample(60, 200, 0) + 60, "orange suit: red channel last");
    }

    @Test
    void alignedCropsAreTheTemplateSizeAndNotCopiesOfEachOther() {
        AlignedFace a = TestPhotos.alignedFace();
        AlignedFace again = TestPhotos.alignedFaceAgain();
        AlignedFace other = TestPhotos.alignedSomeoneElse();
        assertEquals(AlignedFace.ARCFACE_SIZE, a.size());
        assertFalse(Arrays.equals(a.bgr(), again.bgr()));
        assertFalse(Arrays.equals(a.bgr(), other.bgr()));
        assertEquals(a.size(), TestPhotos.alignedFace().size());
        assertTrue(Arrays.equals(a.bgr(), TestPhotos.alignedFace().bgr()), "deterministic");
    }
}
