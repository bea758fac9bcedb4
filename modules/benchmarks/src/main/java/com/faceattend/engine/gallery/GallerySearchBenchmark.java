package com.faceattend.engine.gallery;

import com.faceattend.spi.Embedding;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * 1:N search over 512-d templates: plain scalar loop vs the float and int8 Vector API kernels (one
 * thread), and the gallery's full search (int8 first pass + exact rescoring and parallel for large
 * galleries, per-person best, top-1). Side by side in one
 * run, so the ratios hold even where absolute times drift.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class GallerySearchBenchmark {
    private static final int DIM = 512;

    @Param({"1000", "10000", "100000"})
    int templates;

    float[] rows;
    float[] scores;
    byte[] rowsInt8;
    byte[] probeInt8;
    int[] intScores;
    Embedding probe;
    GalleryIndex gallery;

    @Setup(Level.Trial)
    public void setUp() {
        Random random = new Random(42);
        gallery = new GalleryIndex("bench", DIM);
        for (int i = 0; i < templates; i++) {
            gallery.add("P" + i / 5, "P" + i / 5, unit(random));
        }
        rows = new float[templates * DIM];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = (float) random.nextGaussian() / 22.6f;
        }
        scores = new float[templates];
        probe = unit(random);
        rowsInt8 = new byte[rows.length];
        for (int r = 0; r < templates; r++) {
            Int8Quantizer.quantize(rows, r * DIM, DIM, rowsInt8, r * DIM);
        }
        probeInt8 = new byte[DIM];
        Int8Quantizer.quantize(probe.vector(), 0, DIM, probeInt8, 0);
        intScores = new int[templates];
    }

    private static Embedding unit(Random random) {
        float[] v = new float[DIM];
        for (int i = 0; i < DIM; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return Embedding.normalised("bench", v);
    }

    @Benchmark
    public float[] scalarOneThread() {
        VectorMath.dotRowsScalar(rows, probe.vector(), DIM, 0, templates, scores);
        return scores;
    }

    @Benchmark
    public float[] simdOneThread() {
        VectorMath.dotRows(rows, probe.vector(), DIM, 0, templates, scores);
        return scores;
    }

    @Benchmark
    public int[] int8OneThread() {
        VectorMath.dotRowsInt8(rowsInt8, probeInt8, DIM, 0, templates, intScores);
        return intScores;
    }

    @Benchmark
    public Object gallerySearchTop1() {
        return gallery.search(probe, 1);
    }
}
