package com.faceattend.engine.gallery;

import java.util.SplittableRandom;

/**
 * The compact copy of the gallery that the first search pass streams: each template turned by one
 * fixed random orthogonal rotation (random signs, then a normalised Walsh-Hadamard transform), then
 * quantised to 4 bits per coordinate, two coordinates per byte.
 *
 * <p>Why the rotation: it keeps every dot product, but spreads each vector's energy evenly over the
 * coordinates, so they are close to Gaussian with the same spread whatever the embedder's axes look
 * like. A uniform 15-level quantiser with step {@value #STEP_IN_SD} standard deviations (about the
 * mean-square-error optimum for a Gaussian, Max 1960) then errs by about 0.005 on a 512-d cosine,
 * far below the gaps exact rescoring settles. 256 bytes per 512-d template: an eighth of the floats.
 *
 * <p>Layout of one row of {@link #paddedDimension()} coordinates: byte {@code j} holds coordinate
 * {@code j} in its low nibble and coordinate {@code j + padded/2} in its high nibble, so one load of
 * consecutive bytes feeds two vectors of consecutive coordinates. Probes stay at 8-bit precision
 * ({@link #queryCodes}); rows are the side that is streamed.
 */
final class Int4Codes {
    /** Quantiser step in standard deviations of a rotated coordinate. */
    static final float STEP_IN_SD = 0.34f;
    private static final int LEVEL = 7;

    private final int dimension;
    private final int padded;
    private final float[] signs;

    /** @param minimumPadded the kernel's smallest workable row (two vector widths of coordinates) */
    Int4Codes(int dimension, int minimumPadded) {
        this.dimension = dimension;
        this.padded = Math.max(Integer.highestOneBit(Math.max(1, dimension - 1)) << 1, minimumPadded);
        // Fixed seed: the rotation must be the same for every row and every probe of this index.
        SplittableRandom random = new SplittableRandom(0x4A11E5L);
        this.signs = new float[padded];
        for (int i = 0; i < padded; i++) {
            signs[i] = random.nextBoolean() ? 1f : -1f;
        }
    }

    /** Coordinates per row after padding to a power of two. */
    int paddedDimension() {
        return padded;
    }

    /** Bytes per row. */
    int rowBytes() {
        return padded / 2;
    }

    /**
     * Writes the 4-bit codes of {@code v} into {@code out} at {@code offset} ({@link #rowBytes()} bytes);
     * returns the factor that turns code dot products back into cosine units.
     */
    float encodeRow(float[] v, byte[] out, int offset) {
        float[] x = rotate(v);
        double energy = 0;
        for (float c : x) {
            energy += c * c;
        }
        float step = (float) (STEP_IN_SD * Math.sqrt(energy / padded));
        int half = padded / 2;
        if (step == 0f) {
            java.util.Arrays.fill(out, offset, offset + half, (byte) 0);
            return 0f;
        }
        for (int j = 0; j < half; j++) {
            int lo = level(x[j], step);
            int hi = level(x[j + half], step);
            out[offset + j] = (byte) ((hi << 4) | (lo & 0xF));
        }
        return step;
    }

    /** The rotated probe at 8-bit precision, one short per coordinate; returns its scale like {@link #encodeRow}. */
    float queryCodes(float[] v, short[] out) {
        float[] x = rotate(v);
        float max = 0f;
        for (float c : x) {
            max = Math.max(max, Math.abs(c));
        }
        if (max == 0f) {
            java.util.Arrays.fill(out, (short) 0);
            return 0f;
        }
        float scale = 127f / max;
        for (int i = 0; i < padded; i++) {
            out[i] = (short) Math.round(x[i] * scale);
        }
        return max / 127f;
    }

    private static int level(float value, float step) {
        return Math.max(-LEVEL, Math.min(LEVEL, Math.round(value / step)));
    }

    /** Random signs, then the orthonormal fast Walsh-Hadamard transform. */
    private float[] rotate(float[] v) {
        float[] x = new float[padded];
        for (int i = 0; i < dimension; i++) {
            x[i] = v[i] * signs[i];
        }
        for (int len = 1; len < padded; len <<= 1) {
            for (int i = 0; i < padded; i += len << 1) {
                for (int j = i; j < i + len; j++) {
                    float a = x[j], b = x[j + len];
                    x[j] = a + b;
                    x[j + len] = a - b;
                }
            }
        }
        float norm = (float) (1 / Math.sqrt(padded));
        for (int i = 0; i < padded; i++) {
            x[i] *= norm;
        }
        return x;
    }
}
