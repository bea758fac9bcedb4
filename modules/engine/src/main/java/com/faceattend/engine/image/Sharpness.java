package com.faceattend.engine.image;

import com.faceattend.spi.AlignedFace;

/**
 * How sharp an aligned face is: the variance of its 4-neighbour Laplacian on grey levels. Motion or
 * focus blur removes the fine edges the Laplacian responds to, so the variance drops. Measured on
 * the aligned 112×112 crop, so the value does not depend on how large the face was in the frame.
 */
public final class Sharpness {
    /**
     * Below this a capture is "blurred". Calibrated in {@code SharpnessTest}: sharp faces94 and
     * LFW crops score well above it and the same crops after a 5×5 box blur well below.
     */
    public static final double BLURRED_BELOW = 60.0;

    private Sharpness() {
    }

    public static double laplacianVariance(AlignedFace face) {
        int n = face.size();
        byte[] bgr = face.bgr();
        float[] grey = new float[n * n];
        for (int i = 0, p = 0; i < grey.length; i++, p += 3) {
            grey[i] = 0.114f * (bgr[p] & 0xFF) + 0.587f * (bgr[p + 1] & 0xFF) + 0.299f * (bgr[p + 2] & 0xFF);
        }
        double sum = 0, sumSq = 0;
        int count = 0;
        for (int y = 1; y < n - 1; y++) {
            for (int x = 1; x < n - 1; x++) {
                int i = y * n + x;
                double lap = grey[i - 1] + grey[i + 1] + grey[i - n] + grey[i + n] - 4 * grey[i];
                sum += lap;
                sumSq += lap * lap;
                count++;
            }
        }
        double mean = sum / count;
        return sumSq / count - mean * mean;
    }
}
