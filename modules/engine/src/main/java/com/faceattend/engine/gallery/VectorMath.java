package com.faceattend.engine.gallery;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * SIMD dot products over contiguous rows (Java's Vector API: AVX2 on the reference machine).
 * A 1:N scan of 100,000 512-d templates reads 200 MB, so the loops keep four rows in flight to
 * overlap memory loads.
 */
final class VectorMath {
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Byte> BYTES = ByteVector.SPECIES_64;
    private static final VectorSpecies<Integer> INTS = IntVector.SPECIES_256;

    private VectorMath() {
    }

    /** One dot product of {@code dim} floats at {@code ao} in {@code a} and {@code bo} in {@code b}. */
    static float dot(float[] a, int ao, float[] b, int bo, int dim) {
        int bound = SPECIES.loopBound(dim);
        FloatVector acc = FloatVector.zero(SPECIES);
        for (int i = 0; i < bound; i += SPECIES.length()) {
            acc = FloatVector.fromArray(SPECIES, a, ao + i).fma(FloatVector.fromArray(SPECIES, b, bo + i), acc);
        }
        float s = acc.reduceLanes(VectorOperators.ADD);
        for (int i = bound; i < dim; i++) {
            s += a[ao + i] * b[bo + i];
        }
        return s;
    }

    /** scores[r] = dot(rows[r], query) for rows {@code from..to-1}, each {@code dim} floats long. */
    static void dotRows(float[] rows, float[] query, int dim, int from, int to, float[] scores) {
        int bound = SPECIES.loopBound(dim);
        int r = from;
        for (; r + 3 < to; r += 4) {
            int o0 = r * dim, o1 = o0 + dim, o2 = o1 + dim, o3 = o2 + dim;
            FloatVector a0 = FloatVector.zero(SPECIES), a1 = a0, a2 = a0, a3 = a0;
            for (int i = 0; i < bound; i += SPECIES.length()) {
                FloatVector q = FloatVector.fromArray(SPECIES, query, i);
                a0 = FloatVector.fromArray(SPECIES, rows, o0 + i).fma(q, a0);
                a1 = FloatVector.fromArray(SPECIES, rows, o1 + i).fma(q, a1);
                a2 = FloatVector.fromArray(SPECIES, rows, o2 + i).fma(q, a2);
                a3 = FloatVector.fromArray(SPECIES, rows, o3 + i).fma(q, a3);
            }
            scores[r] = a0.reduceLanes(VectorOperators.ADD) + tail(rows, o0, query, bound, dim);
            scores[r + 1] = a1.reduceLanes(VectorOperators.ADD) + tail(rows, o1, query, bound, dim);
            scores[r + 2] = a2.reduceLanes(VectorOperators.ADD) + tail(rows, o2, query, bound, dim);
            scores[r + 3] = a3.reduceLanes(VectorOperators.ADD) + tail(rows, o3, query, bound, dim);
        }
        for (; r < to; r++) {
            int o = r * dim;
            FloatVector acc = FloatVector.zero(SPECIES);
            for (int i = 0; i < bound; i += SPECIES.length()) {
                acc = FloatVector.fromArray(SPECIES, rows, o + i).fma(FloatVector.fromArray(SPECIES, query, i), acc);
            }
            scores[r] = acc.reduceLanes(VectorOperators.ADD) + tail(rows, o, query, bound, dim);
        }
    }

    /**
     * Integer dot products of int8 rows with an int8 query: scores[r] = sum(rows[r][i] * query[i]).
     * A quarter of the memory traffic of floats, which is what bounds a 100,000-template scan.
     */
    static void dotRowsInt8(byte[] rows, byte[] query, int dim, int from, int to, int[] scores) {
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

    /** Plain scalar reference, used by tests and as the yardstick in benchmarks. */
    static void dotRowsScalar(float[] rows, float[] query, int dim, int from, int to, float[] scores) {
        for (int r = from; r < to; r++) {
            float s = 0;
            int o = r * dim;
            for (int i = 0; i < dim; i++) {
                s += rows[o + i] * query[i];
            }
            scores[r] = s;
        }
    }

    private static float tail(float[] rows, int offset, float[] query, int from, int dim) {
        float s = 0;
        for (int i = from; i < dim; i++) {
            s += rows[offset + i] * query[i];
        }
        return s;
    }
}
