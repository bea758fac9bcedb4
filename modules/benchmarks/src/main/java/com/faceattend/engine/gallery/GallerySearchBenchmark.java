package com.faceattend.engine.gallery;

import com.faceattend.spi.Embedding;
import java.util.List;
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
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * 1:N search over 512-d ArcFace-like templates ({@link FaceLikeVectors}, five per person), side by
 * side in one run so the ratios hold where absolute times drift:
 *
 * <ul>
 *   <li>{@code exactScanTop1}: every template scored in float (the yardstick for recall), 2 threads;</li>
 *   <li>{@code gallerySearchTop1}: the gallery's search (4-bit first pass, exact rescoring of the best
 *       rows, per-person best, top-1), 2 threads;</li>
 *   <li>{@code int8PassOneThread} / {@code int4PassOneThread}: the former and the new first-pass
 *       kernels alone, one thread.</li>
 * </ul>
 *
 * The gallery search's setup prints, for each gallery size, recall@1 of the search against the exact scan (probes of
 * enrolled people and of strangers) and the memory per template.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Xmx6g")
public class GallerySearchBenchmark {
    private static final int DIM = FaceLikeVectors.DIM;
    private static final int THREADS = 2;
    private static final int PROBES = 64;

    @Param({"100000", "1000000"})
    int templates;

    FaceLikeGallery gallery;
    List<Embedding> probes;
    int next;
    byte[] rowsInt8;
    byte[] probeInt8;
    byte[] rowsInt4;
    short[] probeInt4;
    Int4Codes codes;
    int[] intScores;

    /** Each benchmark runs in its own JVM: build only what it measures (a 1M gallery takes a while). */
    @Setup(Level.Trial)
    public void setUp(BenchmarkParams params) {
        codes = new Int4Codes(DIM, VectorMath.int4MinimumPadded());
        if (params.getBenchmark().endsWith("PassOneThread")) {
            kernelRows();
            return;
        }
        gallery = new FaceLikeGallery(templates, THREADS, 42);
        probes = gallery.enrolledProbes(PROBES);
        if (params.getBenchmark().endsWith("gallerySearchTop1")) {
            // Recall needs an exact scan per probe: fewer probes at 1M keep setup to a minute.
            int recallProbes = templates >= 1_000_000 ? 100 : 500;
            double enrolled = gallery.recallAtOne(gallery.enrolledProbes(recallProbes));
            double strangers = gallery.recallAtOne(gallery.strangerProbes(recallProbes));
            long bytesPerTemplate = 4L * DIM + codes.rowBytes() + Float.BYTES + Integer.BYTES;
            System.out.printf("%n[gallery %,d templates] recall@1 vs exact scan: enrolled probes %.4f (%d), strangers %.4f (%d);"
                    + " memory per template %,d B (%,d MB in all)%n", templates, enrolled, recallProbes, strangers, recallProbes,
                    bytesPerTemplate, bytesPerTemplate * templates >> 20);
        }
    }

    private void kernelRows() {
        FaceLikeVectors rows = new FaceLikeVectors(7);
        rowsInt8 = new byte[templates * DIM];
        rowsInt4 = new byte[templates * codes.rowBytes()];
        double[] centre = rows.person();
        for (int r = 0; r < templates; r++) {
            float[] v = rows.photo(r % 5 == 0 ? (centre = rows.person()) : centre, "x").vector();
            Int8FirstPass.quantize(v, 0, DIM, rowsInt8, r * DIM);
            codes.encodeRow(v, rowsInt4, r * codes.rowBytes());
        }
        float[] probe = rows.photo(centre, "x").vector();
        probeInt8 = new byte[DIM];
        Int8FirstPass.quantize(probe, 0, DIM, probeInt8, 0);
        probeInt4 = new short[codes.paddedDimension()];
        codes.queryCodes(probe, probeInt4);
        intScores = new int[templates];
    }

    private Embedding nextProbe() {
        next = (next + 1) % PROBES;
        return probes.get(next);
    }

    @Benchmark
    public Object exactScanTop1() {
        return gallery.index.searchExact(nextProbe(), 1);
    }

    @Benchmark
    public Object gallerySearchTop1() {
        return gallery.index.search(nextProbe(), 1);
    }

    @Benchmark
    public int[] int8PassOneThread() {
        Int8FirstPass.dotRows(rowsInt8, probeInt8, DIM, 0, templates, intScores);
        return intScores;
    }

    @Benchmark
    public int[] int4PassOneThread() {
        VectorMath.dotRowsInt4(rowsInt4, probeInt4, codes.paddedDimension(), 0, templates, intScores);
        return intScores;
    }
}
