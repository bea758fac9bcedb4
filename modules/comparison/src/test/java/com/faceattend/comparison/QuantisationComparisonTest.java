package com.faceattend.comparison;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.faceattend.engine.providers.ProviderRegistry;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 6: the int8 embedders' accuracy change, measured on all 3,000 LFW-dev pairs side by side with
 * the float models on the same aligned faces. Each figure of the README's int8 table is pinned at its
 * value less a stated margin, so a regression in the quantiser or the calibration fails here.
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
     * below the int8 loss the README reports for arcface (0.20 points), so a quantiser regression of that
     * size fails here.
     */
    private static final int MARGIN_PAIRS = 3;

    private static void assertPinned(String what, double measured, double readme) {
        double least = readme - MARGIN_PAIRS / 3000.0;
        assertTrue(measured >= least, String.format(Locale.ROOT, "%s: README states %.2f %%, measured %.3f %%, least accepted %.3f %%",
                what, 100 * readme, 100 * measured, 100 * least));
    }

    @Test
    void int8EmbeddersStayWithinAPointOfTheirFloatModelsOnAllOfLfwDev() {
        QuantisationComparison comparison = new QuantisationComparison(new ProviderRegistry(), TestData.dir().resolve("lfw-dev"),
                System.out::println);
        assertEquals(List.of("arcface-512", "mobilefacenet-192"), comparison.quantisedEmbedders());
        List<QuantisationComparison.Row> rows = comparison.run("ultraface-rfb320", 0);
        System.out.println(QuantisationComparison.markdown(rows));
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
}
