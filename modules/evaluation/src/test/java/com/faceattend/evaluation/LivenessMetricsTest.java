package com.faceattend.evaluation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hand-worked score sets (multiples of 1/16, exact in binary). Rule: live iff score >= threshold;
 * no face (NaN) is counted apart.
 */
class LivenessMetricsTest {
    private static final double EPS = 1e-4;

    /*
     * live:   0.25 0.5 0.625 0.75 0.875, one without a face
     * print:  0.0625 0.125 0.5625, one without a face;  screen: 0.0 0.75
     */
    private static final List<PresentationScore> SET = List.of(
            PresentationScore.live("l1", "s1", 0.25), PresentationScore.live("l2", "s1", 0.5),
            PresentationScore.live("l3", "s2", 0.625), PresentationScore.live("l4", "s2", 0.75),
            PresentationScore.live("l5", "s3", 0.875), PresentationScore.live("l6", "s3", Double.NaN),
            PresentationScore.attack("p1", "print", "s1", 0.0625), PresentationScore.attack("p2", "print", "s2", 0.125),
            PresentationScore.attack("p3", "print", "s3", 0.5625), PresentationScore.attack("p4", "print", "s3", Double.NaN),
            PresentationScore.attack("r1", "screen", "s1", 0.0), PresentationScore.attack("r2", "screen", "s2", 0.75));

    @Test
    void ratesAtTheThresholdPerAttackTypeWithNoFaceCountedApart() {
        LivenessEvaluation e = LivenessMetrics.evaluate(SET, 0.5);
        assertEquals(6, e.live());
        assertEquals(6, e.attacks());
        assertEquals(1, e.liveNoFace());
        assertEquals(1, e.attackNoFace());
        assertEquals(new Proportion(1, 3), e.apcerByType().get("print")); // 0.5625 >= 0.5
        assertEquals(new Proportion(1, 2), e.apcerByType().get("screen")); // 0.75
        assertEquals(new Proportion(2, 5), e.apcer());
        assertEquals(new Proportion(1, 5), e.bpcer()); // 0.25 < 0.5; a score equal to the threshold is live
        assertEquals("screen", e.worstType().getKey());
    }

    @Test
    void thresholdsForTargetRatesCountTies() {
        double[] attacks = {0.0, 0.0625, 0.125, 0.5625, 0.75};
        // 1 % of 5 attacks allows none: just above the highest attack
        assertEquals(Math.nextUp(0.75), LivenessMetrics.thresholdForApcer(attacks, 0.01));
        // 20 % allows one: just above the second highest, so 0.75 alone is accepted
        assertEquals(Math.nextUp(0.5625), LivenessMetrics.thresholdForApcer(attacks, 0.2));
        double[] live = {0.875, 0.25, 0.625, 0.5, 0.75};
        assertEquals(0.25, LivenessMetrics.thresholdForBpcer(live, 0.05)); // none may be rejected
        assertEquals(0.5, LivenessMetrics.thresholdForBpcer(live, 0.2)); // 0.25 may be rejected
        assertTrue(Double.isNaN(LivenessMetrics.thresholdForApcer(new double[0], 0.05)));
    }

    @Test
    void operatingPointsAtTheStandardTargets() {
        LivenessEvaluation e = LivenessMetrics.evaluate(SET, 0.5);
        // 5 scored attacks: 1, 5 and 10 % all allow none, so all three sit just above 0.75
        for (PadOperatingPoint p : e.bpcerAtApcer()) {
            assertEquals(Math.nextUp(0.75), p.threshold());
            assertEquals(new Proportion(0, 5), p.apcer());
            assertEquals(new Proportion(4, 5), p.bpcer()); // only 0.875 passes
        }
        assertEquals(0.25, e.apcerAtBpcer().threshold());
        assertEquals(new Proportion(0, 5), e.apcerAtBpcer().bpcer());
        assertEquals(new Proportion(2, 5), e.apcerAtBpcer().apcer()); // 0.5625 and 0.75
    }

    @Test
    void wilsonIntervalsMatchHandWorkedValues() {
        // 1/5: centre (0.2 + z²/10) / (1 + z²/5) = 0.33035, half-width 0.29412
        Proportion p = new Proportion(1, 5);
        assertEquals(0.0362, p.lower(), EPS);
        assertEquals(0.6245, p.upper(), EPS);
        // 0/10: upper = (z²/10) / (1 + z²/10) = 0.27753
        assertEquals(0.0, new Proportion(0, 10).lower(), 0.0);
        assertEquals(0.2775, new Proportion(0, 10).upper(), EPS);
        assertEquals(0.2366, new Proportion(5, 10).lower(), EPS);
        assertEquals(0.7634, new Proportion(5, 10).upper(), EPS);
        assertTrue(Double.isNaN(new Proportion(0, 0).rate()));
    }

    @Test
    void subjectSplitSetsEachHalfsThresholdOnTheOtherHalf() {
        // subjects a, c -> half 0; b, d -> half 1
        List<PresentationScore> set = List.of(
                PresentationScore.live("a1", "a", 0.5), PresentationScore.live("c1", "c", 0.875),
                PresentationScore.attack("a2", "print", "a", 0.25), PresentationScore.attack("c2", "screen", "c", 0.75),
                PresentationScore.live("b1", "b", 0.25), PresentationScore.live("d1", "d", 0.625),
                PresentationScore.attack("b2", "print", "b", 0.5), PresentationScore.attack("d2", "screen", "d", 0.0625));
        SubjectSplitResult r = LivenessMetrics.subjectCrossValidated(set, 0.05);
        // half 0 judged at the lowest live score of half 1 (0.25), half 1 at that of half 0 (0.5)
        assertArrayEquals(new double[] {0.25, 0.5}, r.thresholds());
        assertEquals(new Proportion(2, 2), r.apcerByType().get("print")); // 0.25 >= 0.25, 0.5 >= 0.5
        assertEquals(new Proportion(1, 2), r.apcerByType().get("screen")); // 0.75 at 0.25
        assertEquals(new Proportion(3, 4), r.apcer());
        assertEquals(new Proportion(1, 4), r.bpcer()); // 0.25 < 0.5
    }

    @Test
    void jsonCarriesEveryFigure() {
        String json = LivenessMetrics.evaluate(SET, 0.5).toJson();
        assertTrue(json.contains("\"apcerByType\":{\"print\":{\"errors\":1,\"trials\":3"), json);
        assertTrue(json.contains("\"liveNoFace\":1"), json);
        assertTrue(json.contains("\"bpcerAtApcer\":[{\"fixed\":\"APCER\",\"target\":0.01"), json);
    }
}
