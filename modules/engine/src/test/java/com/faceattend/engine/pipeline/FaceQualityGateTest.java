package com.faceattend.engine.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.faceattend.spi.AlignedFace;
import com.faceattend.spi.DetectedFace;
import com.faceattend.spi.FaceBox;
import com.faceattend.spi.FaceLandmarks;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FaceQualityGateTest {
    private static final FaceQualityGate GATE = FaceQualityGate.defaults();
    /** The ArcFace reference points scaled into a 100 px box at (10, 10): a frontal face. */
    private static final float[] FRONTAL = {48.3f, 56.1f, 80.0f, 55.9f, 64.0f, 74.1f, 51.4f, 92.4f, 77.9f, 92.2f};

    private static DetectedFace face(float side, float[] landmarks) {
        return new DetectedFace(new FaceBox(10, 10, side, side), 0.99f, new FaceLandmarks(landmarks));
    }

    /** A 112 px crop of fine random texture (sharp) around {@code mean} grey, optionally box-blurred. */
    private static AlignedFace crop(int mean, int contrast, boolean blurred) {
        int n = AlignedFace.ARCFACE_SIZE;
        Random r = new Random(1);
        int[] grey = new int[n * n];
        for (int i = 0; i < grey.length; i++) {
            grey[i] = Math.max(0, Math.min(255, mean + (int) (r.nextGaussian() * contrast)));
        }
        if (blurred) {
            int[] out = grey.clone();
            for (int y = 0; y < n; y++) {
                for (int x = 0; x < n; x++) {
                    int s = 0; // 5x5 box blur, edges clamped
                    for (int dy = -2; dy <= 2; dy++) {
                        for (int dx = -2; dx <= 2; dx++) {
                            s += grey[Math.clamp(y + dy, 0, n - 1) * n + Math.clamp(x + dx, 0, n - 1)];
                        }
                    }
                    out[y * n + x] = s / 25;
                }
            }
            grey = out;
        }
        byte[] bgr = new byte[n * n * 3];
        for (int i = 0; i < grey.length; i++) {
            bgr[3 * i] = bgr[3 * i + 1] = bgr[3 * i + 2] = (byte) grey[i];
        }
        return new AlignedFace(n, bgr);
    }

    @Test
    void aLargeSharpFrontalWellLitFaceIsFit() {
        assertEquals(FaceQualityGate.Verdict.FIT, GATE.check(face(100, FRONTAL), crop(128, 40, false)));
        assertEquals(FaceQualityGate.FRONTAL_PITCH, FaceQualityGate.pitchRatio(new FaceLandmarks(FRONTAL)), 0.01f);
    }

    @Test
    void eachDefectIsNamed() {
        assertEquals(FaceQualityGate.Verdict.TOO_SMALL, GATE.check(face(30, FRONTAL), crop(128, 40, false)));
        assertEquals(FaceQualityGate.Verdict.BLURRED, GATE.check(face(100, FRONTAL), crop(128, 15, true)));
        assertEquals(FaceQualityGate.Verdict.TOO_DARK, GATE.check(face(100, FRONTAL), crop(20, 10, false)));
        assertEquals(FaceQualityGate.Verdict.TOO_BRIGHT, GATE.check(face(100, FRONTAL), crop(235, 10, false)));
        float[] turned = FRONTAL.clone();
        turned[4] = 80f; // nose under one eye
        assertEquals(FaceQualityGate.Verdict.TURNED, GATE.check(face(100, turned), crop(128, 40, false)));
        float[] lookingDown = FRONTAL.clone();
        lookingDown[5] = 90f; // nose down at the mouth line
        assertEquals(FaceQualityGate.Verdict.TURNED, GATE.check(face(100, lookingDown), crop(128, 40, false)));
    }

    @Test
    void theOpenGateLetsEverythingThroughAndBadSettingsAreRefused() {
        assertEquals(FaceQualityGate.Verdict.FIT, FaceQualityGate.open().check(face(9, FRONTAL), crop(5, 1, true)));
        assertThrows(IllegalArgumentException.class, () -> new FaceQualityGate(0, 60, 0.45f, 0.25f, 40, 215));
        assertThrows(IllegalArgumentException.class, () -> new FaceQualityGate(40, Double.NaN, 0.45f, 0.25f, 40, 215));
        assertThrows(IllegalArgumentException.class, () -> new FaceQualityGate(40, 60, 0.45f, 0.25f, 215, 40));
    }
}
