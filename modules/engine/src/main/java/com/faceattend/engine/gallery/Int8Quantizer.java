package com.faceattend.engine.gallery;

/**
 * Symmetric int8 quantisation of one vector with its own scale (largest magnitude maps to 127).
 * For unit 512-d embeddings the error of a dot product is about 1e-3, far below the gaps the
 * exact float rescoring then settles.
 */
final class Int8Quantizer {
    private Int8Quantizer() {
    }

    /** Writes the quantised {@code v} into {@code out} at {@code offset}; returns the factor that undoes it. */
    static float quantize(float[] v, int from, int dim, byte[] out, int offset) {
        float max = 0f;
        for (int i = 0; i < dim; i++) {
            max = Math.max(max, Math.abs(v[from + i]));
        }
        if (max == 0f) {
            java.util.Arrays.fill(out, offset, offset + dim, (byte) 0);
            return 0f;
        }
        float scale = 127f / max;
        for (int i = 0; i < dim; i++) {
            out[offset + i] = (byte) Math.round(v[from + i] * scale);
        }
        return max / 127f;
    }
}
