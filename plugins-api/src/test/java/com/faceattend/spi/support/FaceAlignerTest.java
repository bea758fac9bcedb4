package com.faceattend.spi.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.faceattend.spi.AlignedFace;
import com.faceattend.spi.FaceLandmarks;
import com.faceattend.spi.FrameImage;
import org.junit.jupiter.api.Test;

class FaceAlignerTest {
    private static final float[] REFERENCE = {
        38.2946f, 51.6963f, 73.5318f, 51.5014f, 56.0252f, 71.7366f, 41.5493f, 92.3655f, 70.7299f, 92.2041f};

    /** A frame whose pixel values encode their own coordinates, so a warp can be checked exactly. */
    private static FrameImage gradient(int w, int h) {
        byte[] bgr = new byte[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int o = (y * w + x) * 3;
                bgr[o] = (byte) x;
                bgr[o + 1] = (byte) y;
                bgr[o + 2] = (byte) 77;
            }
        }
        return new FrameImage(w, h, bgr, 0);
    }

    @Test
    void landmarksAlreadyOnTheTemplateGiveTheCropUnchanged() {
        FrameImage frame = gradient(200, 200);
        AlignedFace face = new FaceAligner().align(frame, new FaceLandmarks(REFERENCE));
        for (int y = 0; y < 112; y += 13) {
            for (int x = 0; x < 112; x += 11) {
                int o = (y * 112 + x) * 3;
                assertEquals(x, face.bgr()[o] & 0xFF, "x at " + x + "," + y);
                assertEquals(y, face.bgr()[o + 1] & 0xFF, "y at " + x + "," + y);
            }
        }
    }

    @Test
    void aFaceTwiceAsLargeAndShiftedIsSampledFromTheRightPlace() {
        float[] scaled = new float[10];
        for (int i = 0; i < 5; i++) {
            scaled[2 * i] = REFERENCE[2 * i] * 2 + 10;
            scaled[2 * i + 1] = REFERENCE[2 * i + 1] * 2 + 4;
        }
        AlignedFace face = new FaceAligner().align(gradient(250, 250), new FaceLandmarks(scaled));
        // Template pixel (50, 60) comes from frame (110, 124).
        int o = (60 * 112 + 50) * 3;
        assertEquals(110, face.bgr()[o] & 0xFF, 1);
        assertEquals(124, face.bgr()[o + 1] & 0xFF, 1);
    }

    @Test
    void mirroringTwiceRestoresTheFace() {
        AlignedFace face = new FaceAligner().align(gradient(200, 200), new FaceLandmarks(REFERENCE));
        AlignedFace mirror = face.mirrored();
        assertEquals(face.bgr()[0], mirror.bgr()[111 * 3]);
        assertEquals(java.util.Arrays.toString(face.bgr()), java.util.Arrays.toString(mirror.mirrored().bgr()));
    }
}
