package com.faceattend.onnx;

import com.faceattend.spi.FaceBox;
import com.faceattend.spi.FaceLandmarks;

/**
 * Reduces the iBUG 68-point layout to the five ArcFace alignment points: eye centres as the mean
 * of four eyelid points, the nose tip, and mouth corners as the mean of outer and inner lip corners.
 */
final class Landmarks68 {
    private static final int[] LEFT_EYE = {37, 38, 40, 41};
    private static final int[] RIGHT_EYE = {43, 44, 46, 47};
    private static final int NOSE = 30;
    private static final int[] MOUTH_LEFT = {48, 60};
    private static final int[] MOUTH_RIGHT = {54, 64};

    private Landmarks68() {
    }

    /** @param fractions 136 values, (x, y) of 68 points as fractions of {@code crop} */
    static FaceLandmarks toFivePoints(float[] fractions, FaceBox crop) {
        float[] xy = new float[10];
        mean(fractions, LEFT_EYE, crop, xy, 0);
        mean(fractions, RIGHT_EYE, crop, xy, 1);
        mean(fractions, new int[] {NOSE}, crop, xy, 2);
        mean(fractions, MOUTH_LEFT, crop, xy, 3);
        mean(fractions, MOUTH_RIGHT, crop, xy, 4);
        return new FaceLandmarks(xy);
    }

    private static void mean(float[] f, int[] points, FaceBox crop, float[] out, int slot) {
        float x = 0, y = 0;
        for (int p : points) {
            x += f[2 * p];
            y += f[2 * p + 1];
        }
        out[2 * slot] = crop.x() + x / points.length * crop.width();
        out[2 * slot + 1] = crop.y() + y / points.length * crop.height();
    }
}
