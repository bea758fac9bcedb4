package com.faceattend.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Presentation-attack detection error rates after ISO/IEC 30107-3.
 * <ul>
 *   <li>A presentation is judged live iff its score is <strong>at or above</strong> the threshold
 *       (the station's rule, {@code LivenessResult.isLive}).</li>
 *   <li>APCER: attacks judged live / attacks scored, per attack type and pooled. BPCER: live
 *       presentations judged attacks / live presentations scored.</li>
 *   <li>Presentations in which no face was found (NaN score) are counted apart and left out of both
 *       rates: the station never judges a face it did not find.</li>
 *   <li>Intervals are 95 % Wilson score intervals ({@link Proportion}).</li>
 * </ul>
 */
public final class LivenessMetrics {
    /** BPCER is reported where APCER is held at or below each of these (BPCER100, BPCER20, BPCER10). */
    public static final double[] APCER_TARGETS = {0.01, 0.05, 0.10};
    /** APCER is reported where BPCER is held at or below this: at most 1 live person in 20 asked to look again. */
    public static final double BPCER_TARGET = 0.05;

    private LivenessMetrics() {
    }

    /** Every figure at {@code threshold}, plus the operating points at the standard targets. */
    public static LivenessEvaluation evaluate(List<PresentationScore> samples, double threshold) {
        List<PresentationScore> scored = samples.stream().filter(PresentationScore::faceFound).toList();
        int liveNoFace = (int) samples.stream().filter(s -> !s.attack() && !s.faceFound()).count();
        int attackNoFace = (int) samples.stream().filter(s -> s.attack() && !s.faceFound()).count();
        int live = (int) samples.stream().filter(s -> !s.attack()).count();
        List<PadOperatingPoint> atApcer = new ArrayList<>();
        for (double target : APCER_TARGETS) {
            atApcer.add(at("APCER", target, thresholdForApcer(scores(scored, true), target), scored));
        }
        PadOperatingPoint atBpcer = at("BPCER", BPCER_TARGET, thresholdForBpcer(scores(scored, false), BPCER_TARGET), scored);
        return new LivenessEvaluation(threshold, live, samples.size() - live, liveNoFace, attackNoFace,
                apcerByType(scored, threshold), apcer(scored, threshold), bpcer(scored, threshold), atApcer, atBpcer);
    }

    /**
     * Subject-disjoint figures: subjects are sorted by name and dealt alternately into two halves; each
     * half is judged at the threshold that holds BPCER at or below {@code targetBpcer} on the
     * <em>other</em> half's live presentations, and the errors of both halves are pooled. So no one's
     * threshold is tuned on their own face.
     */
    public static SubjectSplitResult subjectCrossValidated(List<PresentationScore> samples, double targetBpcer) {
        List<String> subjects = new ArrayList<>(new TreeSet<>(samples.stream().map(PresentationScore::subject).toList()));
        List<List<PresentationScore>> halves = List.of(new ArrayList<>(), new ArrayList<>());
        for (PresentationScore s : samples) {
            if (s.faceFound()) {
                halves.get(subjects.indexOf(s.subject()) % 2).add(s);
            }
        }
        double[] thresholds = new double[2];
        Map<String, int[]> byType = new TreeMap<>();
        int[] apcer = new int[2], bpcer = new int[2];
        for (int h = 0; h < 2; h++) {
            thresholds[h] = thresholdForBpcer(scores(halves.get(1 - h), false), targetBpcer);
            for (PresentationScore s : halves.get(h)) {
                boolean judgedLive = s.liveScore() >= thresholds[h];
                if (s.attack()) {
                    int[] t = byType.computeIfAbsent(s.attackType(), k -> new int[2]);
                    t[0] += judgedLive ? 1 : 0;
                    t[1]++;
                    apcer[0] += judgedLive ? 1 : 0;
                    apcer[1]++;
                } else {
                    bpcer[0] += judgedLive ? 0 : 1;
                    bpcer[1]++;
                }
            }
        }
        Map<String, Proportion> types = new TreeMap<>();
        byType.forEach((k, v) -> types.put(k, new Proportion(v[0], v[1])));
        return new SubjectSplitResult(targetBpcer, thresholds, types, new Proportion(apcer[0], apcer[1]),
                new Proportion(bpcer[0], bpcer[1]));
    }

    /**
     * The lowest threshold at which at most {@code floor(target x attacks)} attacks score at or above
     * it: just above the (k+1)-th highest attack score. NaN when there are no attacks.
     */
    public static double thresholdForApcer(double[] attackScores, double target) {
        if (attackScores.length == 0) {
            return Double.NaN;
        }
        double[] a = attackScores.clone();
        Arrays.sort(a);
        int allowed = (int) Math.floor(target * a.length + 1e-9);
        if (allowed >= a.length) {
            return a[0];
        }
        return Math.nextUp(a[a.length - 1 - allowed]);
    }

    /**
     * The highest threshold at which at most {@code floor(target x live)} live presentations score
     * below it: the (k+1)-th lowest live score. NaN when there are no live presentations.
     */
    public static double thresholdForBpcer(double[] liveScores, double target) {
        if (liveScores.length == 0) {
            return Double.NaN;
        }
        double[] l = liveScores.clone();
        Arrays.sort(l);
        int allowed = (int) Math.floor(target * l.length + 1e-9);
        return allowed >= l.length ? Math.nextUp(l[l.length - 1]) : l[allowed];
    }

    private static PadOperatingPoint at(String fixed, double target, double threshold, List<PresentationScore> scored) {
        return new PadOperatingPoint(fixed, target, threshold, apcer(scored, threshold), bpcer(scored, threshold));
    }

    private static double[] scores(List<PresentationScore> scored, boolean attack) {
        return scored.stream().filter(s -> s.attack() == attack).mapToDouble(PresentationScore::liveScore).toArray();
    }

    private static Map<String, Proportion> apcerByType(List<PresentationScore> scored, double threshold) {
        Map<String, List<PresentationScore>> byType = new TreeMap<>();
        scored.stream().filter(PresentationScore::attack)
                .forEach(s -> byType.computeIfAbsent(s.attackType(), k -> new ArrayList<>()).add(s));
        Map<String, Proportion> out = new TreeMap<>();
        byType.forEach((type, list) -> out.put(type, apcer(list, threshold)));
        return out;
    }

    private static Proportion apcer(List<PresentationScore> scored, double threshold) {
        int n = 0, accepted = 0;
        for (PresentationScore s : scored) {
            if (s.attack()) {
                n++;
                accepted += s.liveScore() >= threshold ? 1 : 0;
            }
        }
        return new Proportion(accepted, n);
    }

    private static Proportion bpcer(List<PresentationScore> scored, double threshold) {
        int n = 0, rejected = 0;
        for (PresentationScore s : scored) {
            if (!s.attack()) {
                n++;
                rejected += s.liveScore() < threshold ? 1 : 0;
            }
        }
        return new Proportion(rejected, n);
    }
}
