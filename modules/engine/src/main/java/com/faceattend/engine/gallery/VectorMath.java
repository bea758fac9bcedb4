package com.faceattend.engine.gallery;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.ShortVector;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * SIMD dot products over contiguous rows (Java's Vector API: AVX2 on the reference machine).
 * A 1:N scan of 100,000 512-d templates reads 200 MB, so the loops keep four rows in flight to
 * overlap memory loads.
 * <p>
 * Only HotSpot's optimising compiler (C2) turns vector operations into SIMD instructions. A JVM
 * without it (the desktop suite starts with {@code -XX:TieredStopAtLevel=1}, which makes it start a
 * third quicker on two cores; or {@code -Xint}) runs every vector operation as allocated objects,
 * 50 to 300 times slower than C2; there the plain loops below are used instead, which C1 compiles
 * well. {@code -Dfaceattend.search.simd=true|false} overrides the choice (benchmarks, tests).
 */
final class VectorMath {
    /** Whether the Vector API kernels are used: this JVM has C2, or the property says so. */
    static final boolean SIMD = simdCompiled();
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    /** The int4 kernel widens bytes to shorts: as many short lanes as the machine's widest vector holds. */
    private static final VectorSpecies<Short> SHORTS = ShortVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Byte> NIBBLE_BYTES =
            ByteVector.SPECIES_PREFERRED.withShape(VectorShape.forBitSize(SHORTS.vectorBitSize() / 2));
    /** Half the short lanes, so a 16-bit accumulator widens into exactly two int vectors. */
    private static final VectorSpecies<Integer> WIDE_INTS =
            IntVector.SPECIES_PREFERRED.withShape(VectorShape.forBitSize(SHORTS.vectorBitSize()));
    /**
     * Loop steps between widening the 16-bit sums: each step adds two products of at most 7 x 127 per
     * lane, so 16 steps stay below 32,767.
     */
    private static final int INT4_STEPS_PER_FLUSH = 16;

    private VectorMath() {
    }

    /** One dot product of {@code dim} floats at {@code ao} in {@code a} and {@code bo} in {@code b}. */
    static float dot(float[] a, int ao, float[] b, int bo, int dim) {
        return SIMD ? simdDot(a, ao, b, bo, dim) : plainDot(a, ao, b, bo, dim);
    }

    /** scores[r] = dot(rows[r], query) for rows {@code from..to-1}, each {@code dim} floats long. */
    static void dotRows(float[] rows, float[] query, int dim, int from, int to, float[] scores) {
        if (SIMD) {
            simdDotRows(rows, query, dim, from, to, scores);
        } else {
            plainDotRows(rows, query, dim, from, to, scores);
        }
    }

    private static float simdDot(float[] a, int ao, float[] b, int bo, int dim) {
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

    static void simdDotRows(float[] rows, float[] query, int dim, int from, int to, float[] scores) {
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

    /** The smallest padded row the int4 kernel works on: two vector widths of coordinates. */
    static int int4MinimumPadded() {
        return 2 * SHORTS.length();
    }

    /**
     * Integer dot products of 4-bit rows (layout of {@link Int4Codes}) with a 16-bit probe:
     * scores[r] = sum(code[r][i] * query[i]). Half the bytes of int8 and no 32-bit multiplies:
     * products are summed in 16-bit lanes, widened every {@value #INT4_STEPS_PER_FLUSH} steps. Two rows
     * share each probe load; the body is written out in one method so C2 keeps every vector in a
     * register (split into helpers it stopped inlining and boxed them: three times slower).
     */
    static void dotRowsInt4(byte[] rows, short[] query, int padded, int from, int to, int[] scores) {
        dotRowsInt4(rows, query, padded, from, to, scores, 0);
    }

    /** As {@link #dotRowsInt4(byte[], short[], int, int, int, int[])}, writing row {@code r}'s score to {@code out[r - from]}. */
    static void dotRowsInt4Into(byte[] rows, short[] query, int padded, int from, int to, int[] out) {
        dotRowsInt4(rows, query, padded, from, to, out, from);
    }

    private static void dotRowsInt4(byte[] rows, short[] query, int padded, int from, int to, int[] scores, int base) {
        if (SIMD) {
            simdDotRowsInt4(rows, query, padded, from, to, scores, base);
        } else {
            plainDotRowsInt4(rows, query, padded, from, to, scores, base);
        }
    }

    static void simdDotRowsInt4(byte[] rows, short[] query, int padded, int from, int to, int[] scores, int base) {
        int half = padded / 2;
        int step = NIBBLE_BYTES.length();
        int block = step * INT4_STEPS_PER_FLUSH;
        int r = from;
        for (; r + 1 < to; r += 2) {
            int o0 = r * half, o1 = o0 + half;
            IntVector w0 = IntVector.zero(WIDE_INTS), w1 = w0;
            for (int b = 0; b < half; b += block) {
                ShortVector a0 = ShortVector.zero(SHORTS), a1 = a0;
                int end = Math.min(half, b + block);
                for (int j = b; j < end; j += step) {
                    ShortVector qLo = ShortVector.fromArray(SHORTS, query, j);
                    ShortVector qHi = ShortVector.fromArray(SHORTS, query, j + half);
                    ShortVector p0 = (ShortVector) ByteVector.fromArray(NIBBLE_BYTES, rows, o0 + j)
                            .convertShape(VectorOperators.B2S, SHORTS, 0);
                    ShortVector p1 = (ShortVector) ByteVector.fromArray(NIBBLE_BYTES, rows, o1 + j)
                            .convertShape(VectorOperators.B2S, SHORTS, 0);
                    a0 = a0.add(p0.lanewise(VectorOperators.LSHL, 12).lanewise(VectorOperators.ASHR, 12).mul(qLo))
                            .add(p0.lanewise(VectorOperators.ASHR, 4).mul(qHi));
                    a1 = a1.add(p1.lanewise(VectorOperators.LSHL, 12).lanewise(VectorOperators.ASHR, 12).mul(qLo))
                            .add(p1.lanewise(VectorOperators.ASHR, 4).mul(qHi));
                }
                w0 = w0.add((IntVector) a0.convertShape(VectorOperators.S2I, WIDE_INTS, 0))
                        .add((IntVector) a0.convertShape(VectorOperators.S2I, WIDE_INTS, 1));
                w1 = w1.add((IntVector) a1.convertShape(VectorOperators.S2I, WIDE_INTS, 0))
                        .add((IntVector) a1.convertShape(VectorOperators.S2I, WIDE_INTS, 1));
            }
            scores[r - base] = w0.reduceLanes(VectorOperators.ADD);
            scores[r + 1 - base] = w1.reduceLanes(VectorOperators.ADD);
        }
        for (; r < to; r++) {
            int o = r * half;
            IntVector w = IntVector.zero(WIDE_INTS);
            for (int b = 0; b < half; b += block) {
                ShortVector a = ShortVector.zero(SHORTS);
                int end = Math.min(half, b + block);
                for (int j = b; j < end; j += step) {
                    ShortVector p = (ShortVector) ByteVector.fromArray(NIBBLE_BYTES, rows, o + j)
                            .convertShape(VectorOperators.B2S, SHORTS, 0);
                    a = a.add(p.lanewise(VectorOperators.LSHL, 12).lanewise(VectorOperators.ASHR, 12)
                                    .mul(ShortVector.fromArray(SHORTS, query, j)))
                            .add(p.lanewise(VectorOperators.ASHR, 4).mul(ShortVector.fromArray(SHORTS, query, j + half)));
                }
                w = w.add((IntVector) a.convertShape(VectorOperators.S2I, WIDE_INTS, 0))
                        .add((IntVector) a.convertShape(VectorOperators.S2I, WIDE_INTS, 1));
            }
            scores[r - base] = w.reduceLanes(VectorOperators.ADD);
        }
    }

    /**
     * The dot product without the Vector API, for a JVM without C2: four running sums, because C1
     * neither unrolls nor reorders, and one sum would make every add wait for the one before.
     */
    static float plainDot(float[] a, int ao, float[] b, int bo, int dim) {
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int i = 0;
        for (; i + 3 < dim; i += 4) {
            s0 += a[ao + i] * b[bo + i];
            s1 += a[ao + i + 1] * b[bo + i + 1];
            s2 += a[ao + i + 2] * b[bo + i + 2];
            s3 += a[ao + i + 3] * b[bo + i + 3];
        }
        for (; i < dim; i++) {
            s0 += a[ao + i] * b[bo + i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    static void plainDotRows(float[] rows, float[] query, int dim, int from, int to, float[] scores) {
        for (int r = from; r < to; r++) {
            scores[r] = plainDot(rows, r * dim, query, 0, dim);
        }
    }

    /** The int4 kernel without the Vector API: the same integer sums, so the same scores exactly. */
    static void plainDotRowsInt4(byte[] rows, short[] query, int padded, int from, int to, int[] scores, int base) {
        int half = padded / 2;
        for (int r = from; r < to; r++) {
            int o = r * half;
            int s = 0;
            for (int j = 0; j < half; j++) {
                byte b = rows[o + j];
                // low nibble: coordinate j, high nibble: coordinate j + half, both signed 4-bit
                s += ((b << 28) >> 28) * query[j] + (b >> 4) * query[j + half];
            }
            scores[r - base] = s;
        }
    }

    private static boolean simdCompiled() {
        String forced = System.getProperty("faceattend.search.simd");
        if (forced != null) {
            return Boolean.parseBoolean(forced);
        }
        try {
            HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            boolean compiles = Boolean.parseBoolean(vm.getVMOption("UseCompiler").getValue()); // false with -Xint
            boolean tiered = Boolean.parseBoolean(vm.getVMOption("TieredCompilation").getValue());
            int stopAt = Integer.parseInt(vm.getVMOption("TieredStopAtLevel").getValue());
            return compiles && (!tiered || stopAt >= 4);
        } catch (RuntimeException | LinkageError e) {
            return true; // not HotSpot, or no management: assume an optimising compiler
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
