package com.faceattend.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hand-computed score sets. Scores are multiples of 1/16 so every midpoint is exact in binary.
 * Decision rule everywhere: accepted iff score > threshold.
 */
class VerificationMetricsTest {
    private static final double EPS = 1e-12;

    private static ScoredPair s(int fold, double score) {
        return new ScoredPair(fold, true, score);
    }

    private static ScoredPair d(int fold, double score) {
        return new ScoredPair(fold, false, score);
    }

    /*
     * fold 0: same 0.875, 0.625   different 0.5, 0.25
     * fold 1: same 0.75, 0.375    different 0.4375, 0.125, 0.0625
     */
    private static final List<ScoredPair> TWO_FOLDS = List.of(
            s(0, 0.875), s(0, 0.625), d(0, 0.5), d(0, 0.25),
            s(1, 0.75), s(1, 0.375), d(1, 0.4375), d(1, 0.125), d(1, 0.0625));

    @Test
    void twoFoldAccuracyWithSmallestThresholdOnTies() {
        /*
         * Threshold for fold 0, chosen on fold 1 (sorted 0.0625d 0.125d 0.375s 0.4375d 0.75s):
         *   accept all            -> 2 correct
         *   t=0.09375 (rej 0.0625) -> 3
         *   t=0.25    (rej 0.125)  -> 4   <- first maximum
         *   t=0.40625 (rej 0.375)  -> 3
         *   t=0.59375 (rej 0.4375) -> 4   (tie, larger: not taken)
         *   t=0.75    (reject all) -> 3
         * -> t0 = 0.25, train accuracy 4/5. On fold 0: 0.875 ok, 0.625 ok, 0.5d accepted (wrong),
         *    0.25d not > 0.25 so rejected (ok) -> 3/4 = 0.75.
         *    (Had the tie picked 0.59375, fold 0 would score 4/4: this pins the tie rule.)
         * Threshold for fold 1, chosen on fold 0 (0.25d 0.5d 0.625s 0.875s): separable, best
         *   t = midpoint(0.5, 0.625) = 0.5625, train accuracy 1. On fold 1: 0.75 ok, 0.375s rejected
         *   (wrong), 0.4375d ok, 0.125d ok, 0.0625d ok -> 4/5 = 0.8.
         * mean = 0.775, population std = 0.025, mean threshold = (0.25 + 0.5625) / 2 = 0.40625.
         */
        VerificationResult r = VerificationMetrics.evaluate(TWO_FOLDS);
        assertTrue(r.crossValidated());
        assertEquals(2, r.folds().size());
        FoldResult f0 = r.folds().get(0);
        FoldResult f1 = r.folds().get(1);
        assertEquals(0.25, f0.threshold(), EPS);
        assertEquals(0.8, f0.trainAccuracy(), EPS);
        assertEquals(0.75, f0.accuracy(), EPS);
        assertEquals(4, f0.pairs());
        assertEquals(0.5625, f1.threshold(), EPS);
        assertEquals(1.0, f1.trainAccuracy(), EPS);
        assertEquals(0.8, f1.accuracy(), EPS);
        assertEquals(5, f1.pairs());
        assertEquals(0.775, r.meanAccuracy(), EPS);
        assertEquals(0.025, r.stdAccuracy(), EPS);
        assertEquals(0.40625, r.meanThreshold(), EPS);
        assertEquals(9, r.pairs());
        assertEquals(4, r.samePairs());
        assertEquals(5, r.differentPairs());
        assertEquals(0, r.missingScores());
    }

    @Test
    void tarAtFarAndAuc() {
        /*
         * All 9 pairs. different (desc) 0.5, 0.4375, 0.25, 0.125, 0.0625 (N=5); same 0.875 0.75 0.625 0.375.
         * FAR 0.01: m = floor(0.05) = 0 -> t = 0.5 (highest different) -> TAR 3/4, FAR 0
         * FAR 0.2 : m = 1 -> t = 0.4375 -> TAR 3/4 (0.375 not above), FAR 1/5 (0.5)
         * FAR 0.4 : m = 2 -> t = 0.25 -> TAR 4/4, FAR 2/5
         * AUC: 0.875, 0.75, 0.625 beat all 5 differents (15); 0.375 beats 0.25, 0.125, 0.0625 (3) -> 18/20
         */
        TarAtFar a = VerificationMetrics.tarAtFar(TWO_FOLDS, 0.01);
        assertEquals(0.5, a.threshold(), EPS);
        assertEquals(0.75, a.tar(), EPS);
        assertEquals(0.0, a.far(), EPS);
        TarAtFar b = VerificationMetrics.tarAtFar(TWO_FOLDS, 0.2);
        assertEquals(0.4375, b.threshold(), EPS);
        assertEquals(0.75, b.tar(), EPS);
        assertEquals(0.2, b.far(), EPS);
        assertEquals(1, b.falseAccepts());
        TarAtFar c = VerificationMetrics.tarAtFar(TWO_FOLDS, 0.4);
        assertEquals(0.25, c.threshold(), EPS);
        assertEquals(1.0, c.tar(), EPS);
        assertEquals(0.4, c.far(), EPS);
        assertEquals(0.9, VerificationMetrics.rocAuc(TWO_FOLDS), EPS);

        VerificationResult r = VerificationMetrics.evaluate(TWO_FOLDS);
        assertEquals(List.of(1e-2, 1e-3), r.tarAtFar().stream().map(TarAtFar::targetFar).toList());
        assertEquals(0.9, r.auc(), EPS);
    }

    @Test
    void tiesAtTheFarThresholdAreRejected() {
        /*
         * different 0.5, 0.5, 0.25, 0.25 ; same 0.75, 0.5.
         * FAR 0.25: m = 1 -> t = 2nd highest different = 0.5. Both 0.5 differents are not above it, so
         * FAR = 0 (< 0.25); TAR = only 0.75 above -> 1/2.
         * AUC: 0.75 beats all 4 (4); 0.5 ties two 0.5s (0.5 + 0.5) and beats two 0.25s (2) -> 7/8.
         */
        List<ScoredPair> p = List.of(d(0, 0.5), d(0, 0.5), d(0, 0.25), d(0, 0.25), s(0, 0.75), s(0, 0.5));
        TarAtFar t = VerificationMetrics.tarAtFar(p, 0.25);
        assertEquals(0.5, t.threshold(), EPS);
        assertEquals(0.0, t.far(), EPS);
        assertEquals(0, t.falseAccepts());
        assertEquals(0.5, t.tar(), EPS);
        assertEquals(0.875, VerificationMetrics.rocAuc(p), EPS);
    }

    @Test
    void allowedFalseAcceptsSurviveFloatingPointRounding() {
        // 0.29 * 100 is 28.999999999999996 in doubles; the allowed count must still be 29
        java.util.ArrayList<ScoredPair> p = new java.util.ArrayList<>();
        for (int i = 0; i < 100; i++) {
            p.add(d(0, i / 1000.0)); // 0.000 .. 0.099
        }
        p.add(s(0, 0.0705));
        TarAtFar t = VerificationMetrics.tarAtFar(p, 0.29);
        assertEquals(0.070, t.threshold(), EPS); // 30th highest; 0.071 .. 0.099 (29) above it
        assertEquals(29, t.falseAccepts());
        assertEquals(1.0, t.tar(), EPS);
        // and FAR 1e-2 on 300 different pairs allows exactly 3
        p.clear();
        for (int i = 0; i < 300; i++) {
            p.add(d(0, i / 1000.0));
        }
        p.add(s(0, 0.2965));
        t = VerificationMetrics.tarAtFar(p, 0.01);
        assertEquals(0.296, t.threshold(), EPS);
        assertEquals(3, t.falseAccepts());
    }

    @Test
    void missingScoresAreNeverAccepted() {
        double nan = Double.NaN;
        /*
         * fold 0: same NaN, same 0.75, diff NaN, diff 0.25
         * fold 1: same 0.625, same 0.875, diff 0.5, diff NaN
         * Fold 0's threshold on fold 1: finite 0.5d 0.625s 0.875s (+ NaN diff, always right):
         *   accept all 2+1=3; t=0.5625 -> 3+1=4 (best); t=0.75 -> 2+1=3; reject all 1+1=2.
         *   On fold 0 at 0.5625: NaN same wrong, 0.75 ok, NaN diff ok, 0.25 ok -> 0.75.
         * Fold 1's threshold on fold 0: finite 0.25d 0.75s (+ NaN same always wrong, NaN diff always right):
         *   accept all 1+1=2; t=0.5 -> 2+1=3 (best); reject all 1+1=2. Train accuracy 3/4.
         *   On fold 1 at 0.5: 0.625 ok, 0.875 ok, 0.5d not above (ok), NaN diff ok -> 1.0.
         * mean 0.875, std 0.125, mean threshold 0.53125.
         */
        List<ScoredPair> p = List.of(s(0, nan), s(0, 0.75), d(0, nan), d(0, 0.25),
                s(1, 0.625), s(1, 0.875), d(1, 0.5), d(1, nan));
        VerificationResult r = VerificationMetrics.evaluate(p, 0.25, 0.5);
        assertEquals(1, r.missingSame());
        assertEquals(2, r.missingDifferent());
        assertEquals(3, r.missingScores());
        assertEquals(0.5625, r.folds().get(0).threshold(), EPS);
        assertEquals(1.0, r.folds().get(0).trainAccuracy(), EPS);
        assertEquals(0.75, r.folds().get(0).accuracy(), EPS);
        assertEquals(0.5, r.folds().get(1).threshold(), EPS);
        assertEquals(0.75, r.folds().get(1).trainAccuracy(), EPS);
        assertEquals(1.0, r.folds().get(1).accuracy(), EPS);
        assertEquals(0.875, r.meanAccuracy(), EPS);
        assertEquals(0.125, r.stdAccuracy(), EPS);
        assertEquals(0.53125, r.meanThreshold(), EPS);
        /*
         * TAR@FAR, N = 4 differents, desc 0.5, 0.25, NaN, NaN.
         * FAR 0.25: m=1 -> t=0.25: same above: 0.75 0.625 0.875 -> 3/4 (NaN same never); FA 0.5 -> 1/4
         * FAR 0.5 : m=2 -> 3rd highest is a NaN -> t=-Infinity: every scored pair accepted:
         *           TAR 3/4, FA 2/4 (the two NaN differents stay rejected)
         * AUC over 4x4: NaN same ties the 2 NaN differents (0.5 + 0.5) -> 1; the other 3 same beat all 4 -> 12;
         *           13/16
         */
        TarAtFar a = r.tarAtFar().get(0);
        assertEquals(0.25, a.threshold(), EPS);
        assertEquals(0.75, a.tar(), EPS);
        assertEquals(0.25, a.far(), EPS);
        TarAtFar b = r.tarAtFar().get(1);
        assertEquals(Double.NEGATIVE_INFINITY, b.threshold());
        assertEquals(0.75, b.tar(), EPS);
        assertEquals(0.5, b.far(), EPS);
        assertEquals(0.8125, r.auc(), EPS);

        String json = r.toJson();
        assertTrue(json.contains("\"missingScores\":3"), json);
        assertTrue(json.contains("\"threshold\":null"), json); // -Infinity is not JSON
        assertFalse(json.contains("Infinity") || json.contains("NaN"), json);
        assertTrue(r.summary().contains("no face found in 3 pair(s)"), r.summary());
    }

    @Test
    void singleFoldIsMarkedNotCrossValidated() {
        // one fold: 0.25d 0.5d 0.625s 0.875s -> threshold 0.5625 on itself, accuracy 1
        List<ScoredPair> p = List.of(d(3, 0.25), d(3, 0.5), s(3, 0.625), s(3, 0.875));
        VerificationResult r = VerificationMetrics.evaluate(p);
        assertFalse(r.crossValidated());
        assertEquals(1, r.folds().size());
        assertEquals(3, r.folds().get(0).fold());
        assertEquals(0.5625, r.folds().get(0).threshold(), EPS);
        assertEquals(1.0, r.meanAccuracy(), EPS);
        assertEquals(0.0, r.stdAccuracy(), EPS);
        assertTrue(r.summary().contains("optimistic"));
    }

    @Test
    void thresholdSearchEdges() {
        // all same: best is accept-all, just below the lowest score
        List<ScoredPair> allSame = List.of(s(0, 0.5), s(0, 0.75));
        double t = VerificationMetrics.bestThreshold(allSame);
        assertEquals(Math.nextDown(0.5), t);
        assertEquals(1.0, VerificationMetrics.accuracy(allSame, t), EPS);
        // all different: reject all, the highest score itself (not above itself)
        List<ScoredPair> allDiff = List.of(d(0, 0.5), d(0, 0.75));
        assertEquals(0.75, VerificationMetrics.bestThreshold(allDiff));
        // no score at all: +Infinity, rejects everything
        assertEquals(Double.POSITIVE_INFINITY, VerificationMetrics.bestThreshold(List.of(s(0, Double.NaN))));
        // adjacent doubles: the midpoint must still separate them
        double a = 1.0;
        double b = Math.nextUp(1.0);
        double m = VerificationMetrics.bestThreshold(List.of(d(0, a), s(0, b)));
        assertFalse(VerificationMetrics.accepted(a, m));
        assertTrue(VerificationMetrics.accepted(b, m));
        assertFalse(VerificationMetrics.accepted(Double.NaN, Double.NEGATIVE_INFINITY));
    }

    @Test
    void rejectsBadInput() {
        assertThrows(IllegalArgumentException.class, () -> new ScoredPair(0, true, Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> new ScoredPair(-1, true, 0.5));
        assertThrows(IllegalArgumentException.class, () -> VerificationMetrics.evaluate(List.of()));
        assertThrows(IllegalArgumentException.class, () -> VerificationMetrics.tarAtFar(TWO_FOLDS, 1.5));
    }

    @Test
    void jsonIsWellFormedAndSummaryReadable() {
        VerificationResult r = VerificationMetrics.evaluate(TWO_FOLDS);
        String json = r.toJson();
        assertTrue(json.startsWith("{\"pairs\":9,"), json);
        assertTrue(json.contains("\"meanAccuracy\":0.775"), json);
        assertTrue(json.contains("\"folds\":[{\"fold\":0,\"pairs\":4,\"threshold\":0.25,"), json);
        assertTrue(json.contains("\"targetFar\":0.001"), json);
        assertEquals(JsonTest.balance(json), 0);
        assertTrue(r.summary().contains("accuracy 77.50% +- 2.50%"), r.summary());
    }
}
