package com.faceattend.spi.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SimilarityTransformTest {

    @Test
    void recoversAKnownRotationScaleAndShiftFromFivePoints() {
        SimilarityTransform truth = new SimilarityTransform(1.5 * Math.cos(Math.toRadians(20)), 1.5 * Math.sin(Math.toRadians(20)), 12, -7);
        float[] src = {10, 20, 50, 22, 31, 45, 15, 70, 48, 71};
        float[] dst = new float[src.length];
        for (int i = 0; i < 5; i++) {
            dst[2 * i] = (float) truth.mapX(src[2 * i], src[2 * i + 1]);
            dst[2 * i + 1] = (float) truth.mapY(src[2 * i], src[2 * i + 1]);
        }
        SimilarityTransform fit = SimilarityTransform.fit(src, dst);
        assertEquals(1.5, fit.scale(), 1e-4);
        assertEquals(20, fit.rotationDegrees(), 1e-3);
        assertEquals(12, fit.tx(), 1e-3);
        assertEquals(-7, fit.ty(), 1e-3);
    }

    @Test
    void inverseUndoesTheTransform() {
        SimilarityTransform t = new SimilarityTransform(0.8, -0.3, 5, 9);
        SimilarityTransform inv = t.inverse();
        double x = 33, y = -14;
        assertEquals(x, inv.mapX(t.mapX(x, y), t.mapY(x, y)), 1e-9);
        assertEquals(y, inv.mapY(t.mapX(x, y), t.mapY(x, y)), 1e-9);
    }

    @Test
    void noisyPointsGiveTheLeastSquaresCompromise() {
        // Two points pulled apart symmetrically: the fit stays centred between them.
        float[] src = {0, 0, 10, 0};
        float[] dst = {-1, 0, 11, 0};
        SimilarityTransform fit = SimilarityTransform.fit(src, dst);
        assertEquals(1.2, fit.scale(), 1e-9);
        assertEquals(5, fit.mapX(5, 0), 1e-9);
    }

    @Test
    void coincidentPointsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> SimilarityTransform.fit(new float[] {1, 1, 1, 1}, new float[] {0, 0, 1, 1}));
    }
}
