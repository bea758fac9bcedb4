package com.faceattend.comparison;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RankingTest {
    private static ComparisonRow row(String det, String emb, boolean installed, double lfw, double fps) {
        return new ComparisonRow(det, emb, installed, 1, 1, lfw, 0.9, 3000, 1, 1, 5, 20, fps, 100, 10, "cosine", null);
    }

    @Test
    void accuracyDecidesBeyondTheTieMargin() {
        ComparisonRow accurate = row("a", "x", true, 0.99, 5);
        ComparisonRow fast = row("b", "x", true, 0.97, 50);
        assertEquals(List.of(accurate, fast), Ranking.rank(List.of(fast, accurate)));
    }

    @Test
    void withinTheTieMarginTheFasterWins() {
        ComparisonRow slow = row("a", "x", true, 0.990, 5);
        ComparisonRow fast = row("b", "x", true, 0.987, 50);
        assertEquals(List.of(fast, slow), Ranking.rank(List.of(slow, fast)));
        assertTrue(Ranking.explain(List.of(slow, fast), "a", "x").contains("NOT this combination"));
        assertTrue(Ranking.explain(List.of(slow, fast), "b", "x").contains("is this combination"));
    }

    @Test
    void referencesAreRankedButNeverTheDefaultAndUnmeasuredRowsGoLast() {
        ComparisonRow reference = row("haar", "lbph", false, 0.995, 100);
        ComparisonRow ours = row("a", "x", true, 0.99, 10);
        ComparisonRow broken = ComparisonRow.failed("n", "m", false, "node missing");
        List<ComparisonRow> ranked = Ranking.rank(List.of(broken, ours, reference));
        assertEquals(List.of(reference, ours, broken), ranked);
        assertEquals(ours, Ranking.bestInstalled(ranked).orElseThrow());
    }
}
