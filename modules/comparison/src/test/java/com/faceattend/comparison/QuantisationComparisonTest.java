package com.faceattend.comparison;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.faceattend.engine.pipeline.FacePipeline;
import com.faceattend.engine.pipeline.PipelineSettings;
import com.faceattend.engine.providers.ProviderRegistry;
import com.faceattend.evaluation.FacePair;
import com.faceattend.evaluation.ScoredPair;
import com.faceattend.evaluation.TarAtFar;
import com.faceattend.evaluation.VerificationMetrics;
import com.faceattend.evaluation.VerificationResult;
import com.faceattend.spi.AlignedFace;
import com.faceattend.spi.Embedding;
import com.faceattend.spi.FaceEmbedder;
import com.faceattend.spi.ProviderSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every README figure measured on all 3,000 LFW-dev pairs with UltraFace, from one detection, alignment and
 * embedding pass over the 3,811 photos (issue 22: this pass used to run twice, here and in the cli module's
 * {@code LfwVerificationTest}):
 * <ul>
 * <li>the int8 embedders' table (README "Int8 embedders"), float and int8 side by side on the same aligned faces;</li>
 * <li>the default pipeline (README "Accuracy", {@code faceattend eval verify}): UltraFace, ArcFace int8,
 * flip-averaged by {@link FacePipeline} itself. Its unmirrored embeddings are the int8 row's, so only the
 * mirrored faces are embedded again. The faces are picked and aligned as {@code eval verify} does (central
 * face, the pipeline's FaceAligner, the same decoder), so the figures are the command's; the command's
 * wiring is checked on a subset in {@code LfwVerificationTest}.</li>
 * </ul>
 */
class QuantisationComparisonTest {
    /** README "Int8 embedders" table: float, int8, float template vs int8 probe, mean cosine float-int8. */
    private record Readme(double floatAccuracy, double int8Accuracy, double mixedAccuracy, double meanCosine) {
    }

    private static final Map<String, Readme> README = Map.of(
            "arcface-512", new Readme(0.9893, 0.9873, 0.9867, 0.987),
            "mobilefacenet-192", new Readme(0.9920, 0.9857, 0.9877, 0.979));

    /**
     * The comparison is deterministic on these 3,000 fixed pairs, so the figure's binomial standard error
     * (0.16-0.23 points, the uncertainty about faces in general) is not what a rerun moves; floating point
     * between CPUs flips at most a pair or two on a fold threshold. Margin: 3 pairs of 3,000 (0.1 points),
     * below the int8 loss the README reports for arcface (0.20 points) and the smallest pipeline regression
     * it lists (no flip-averaging, -0.14 points), so a regression of that size fails here.
     */
    private static final int MARGIN_PAIRS = 3;
    private static final String DETECTOR = "ultraface-rfb320";

    static final ProviderRegistry registry = new ProviderRegistry();
    static List<FacePair> pairs;
    static Map<Path, AlignedFace> faces;
    static List<QuantisationComparison.Row> rows = new ArrayList<>();
    /** Unmirrored int8 embeddings per float embedder id. */
    static Map<String, Map<Path, Embedding>> int8 = new LinkedHashMap<>();

    @BeforeAll
    static void embedLfwDevOnce() {
        QuantisationComparison comparison = new QuantisationComparison(registry, TestData.dir().resolve("lfw-dev"), System.out::println);
        assertEquals(List.of("arcface-512", "mobilefacenet-192"), comparison.quantisedEmbedders());
        pairs = comparison.pairs(0);
        faces = comparison.alignedFaces(DETECTOR, pairs);
        for (String id : comparison.quantisedEmbedders()) {
            Map<Path, Embedding> vectors = new LinkedHashMap<>();
            rows.add(comparison.compare(id, id + QuantisationComparison.INT8_SUFFIX, pairs, faces, vectors));
            int8.put(id, vectors);
        }
        System.out.println(QuantisationComparison.markdown(rows));
    }

    private static void assertPinned(String what, double measured, double readme) {
        double least = readme - MARGIN_PAIRS / 3000.0;
        assertTrue(measured >= least, String.format(Locale.ROOT, "%s: README states %.2f %%, measured %.3f %%, least accepted %.3f %%",
                what, 100 * readme, 100 * measured, 100 * least));
    }

    @Test
    void int8EmbeddersPinTheReadmeInt8Table() {
        assertEquals(2, rows.size());
        for (QuantisationComparison.Row r : rows) {
            assertEquals(3000, r.pairs());
            Readme readme = README.get(r.floatEmbedder());
            assertPinned(r.floatEmbedder() + " float", r.floatResult().meanAccuracy(), readme.floatAccuracy());
            assertPinned(r.floatEmbedder() + " int8", r.int8Result().meanAccuracy(), readme.int8Accuracy());
            // a station switched to int8 matches templates enrolled with the float model
            assertPinned(r.floatEmbedder() + " float template vs int8 probe", r.mixedResult().meanAccuracy(), readme.mixedAccuracy());
            assertTrue(r.accuracyChangePoints() > -1.0, r.floatEmbedder() + ": int8 changes accuracy by " + r.accuracyChangePoints() + " points");
            // mean over ~3,800 faces: each face moves it by 1/3,800 of its own change, so 0.002 is far beyond
            // CPU floating-point spread and well inside what a calibration or quantiser change does (README: 0.987 / 0.979)
            assertTrue(r.meanCosine() >= readme.meanCosine() - 0.002,
                    r.floatEmbedder() + ": README mean cosine float-int8 " + readme.meanCosine() + ", measured " + r.meanCosine());
            assertTrue(r.floatMillis() > 0 && r.int8Millis() > 0);
        }
    }

    /**
     * README "Accuracy", LFW-dev verification of the default pipeline: 98.97 % +- 0.46, AUC 0.9987, TAR 97.7 %
     * at FAR 1e-3 (ultraface-rfb320 + arcface-512-int8, flip-averaged), pinned at 3 pairs of 3,000 below.
     */
    @Test
    void defaultPipelinePinsTheReadmeAccuracyFigures() {
        Map<Path, Embedding> unmirrored = int8.get("arcface-512");
        Map<Path, Embedding> flipAveraged = new LinkedHashMap<>();
        try (FaceEmbedder real = registry.embedder("arcface-512-int8").create(ProviderSettings.defaults());
             FacePipeline pipeline = new FacePipeline(registry.detector(DETECTOR).create(ProviderSettings.defaults()),
                     new KnownFirst(real, faces, unmirrored), null, PipelineSettings.defaults().withLiveness(false).withFlipAverage(true))) {
            faces.forEach((photo, face) -> flipAveraged.put(photo, pipeline.embedAligned(face)));
        }
        // scored as eval verify scores: a photo without a face leaves its pairs unscored
        List<ScoredPair> scored = new ArrayList<>();
        for (FacePair p : pairs) {
            Embedding a = flipAveraged.get(p.first()), b = flipAveraged.get(p.second());
            scored.add(p.scored(a != null && b != null ? a.cosine(b) : Double.NaN));
        }
        VerificationResult result = VerificationMetrics.evaluate(scored);
        System.out.println("LFW-dev, default pipeline (as eval verify): " + result.summary());
        assertEquals(3000, result.pairs());
        assertTrue(result.crossValidated());
        assertPinned("LFW-dev, default pipeline", result.meanAccuracy(), 0.9897);
        TarAtFar tar = result.tarAtFar().stream().filter(t -> Math.abs(t.targetFar() - 1e-3) < 1e-9).findFirst().orElseThrow();
        double leastTar = 0.977 - MARGIN_PAIRS / (double) tar.samePairs();
        assertTrue(tar.tar() >= leastTar, "README: TAR 97.7 % at FAR 1e-3; measured " + tar.tar() + ", least accepted " + leastTar);
        // AUC 0.9987: 0.001 allows the same few borderline pairs to swap rank with up to ~2,000 of the other class
        assertTrue(result.auc() >= 0.9987 - 0.001, "README: AUC 0.9987; measured " + result.auc());
    }

    /**
     * The real int8 embedder, answering for the aligned faces it already embedded in the int8 row (the same
     * model on the same pixels gives the same vector) and embedding everything else, the mirrored faces.
     */
    private static final class KnownFirst implements FaceEmbedder {
        private final FaceEmbedder real;
        private final Map<AlignedFace, Embedding> byFace = new IdentityHashMap<>();

        KnownFirst(FaceEmbedder real, Map<Path, AlignedFace> faces, Map<Path, Embedding> known) {
            this.real = real;
            faces.forEach((photo, face) -> byFace.put(face, known.get(photo)));
        }

        @Override
        public String modelId() {
            return real.modelId();
        }

        @Override
        public int dimension() {
            return real.dimension();
        }

        @Override
        public Embedding embed(AlignedFace face) {
            Embedding e = byFace.get(face);
            return e != null ? e : real.embed(face);
        }

        @Override
        public void close() {
            // the real embedder is closed by its owner
        }
    }
}
