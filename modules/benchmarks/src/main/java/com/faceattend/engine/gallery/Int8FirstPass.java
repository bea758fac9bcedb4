package com.faceattend.engine.gallery;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The gallery's former first pass (int8 per-row max scaling, 8-bit lanes widened to 32-bit
 * multiplies), kept here only as the yardstick the 4-bit pass is benchmarked against.
 */
final class Int8FirstPass {
    private static final VectorSpecies<Byte> BYTES = ByteVector.SPECIES_64;
    private static final VectorSpecies<Integer> INTS = IntVector.SPECIES_256;

    private Int8FirstPass() {
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

    /**
     * Integer dot products of int8 rows with an int8 query: scores[r] = sum(rows[r][i] * query[i]).
     * A quarter of the memory traffic of floats, which is what bounds a 100,000-template scan.
     */
    static void dotRows(byte[] rows, byte[] query, int dim, int from, int to, int[] scores) {
        int bound = dim - dim % BYTES.length();
        for (int r = from; r < to; r++) {
            int o = r * dim;
            IntVector acc = IntVector.zero(INTS);
            for (int i = 0; i < bound; i += BYTES.length()) {
                IntVector x = (IntVector) ByteVector.fromArray(BYTES, rows, o + i).convertShape(VectorOperators.B2I, INTS, 0);
                IntVector y = (IntVector) ByteVector.fromArray(BYTES, query, i).convertShape(VectorOperators.B2I, INTS, 0);
                acc = acc.add(x.mul(y));
            }
            int s = acc.reduceLanes(VectorOperators.ADD);
            for (int i = bound; i < dim; i++) {
                s += rows[o + i] * query[i];
            }
            scores[r] = s;
        }
    }

}
