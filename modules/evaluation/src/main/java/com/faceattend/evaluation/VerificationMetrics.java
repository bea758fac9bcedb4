package com.faceattend.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Verification (1:1) metrics over scored pairs: k-fold accuracy, TAR at fixed FAR, ROC AUC.
 *
 * <h2>Definitions</h2>
 * <ul>
 *   <li><b>Decision rule:</b> a pair is accepted ("same person") iff {@code score > threshold}
 *       ({@link #accepted}). A NaN score (no face found) is never accepted: it counts as wrong for a
 *       same pair and right for a different pair, at every threshold.</li>
 *   <li><b>Threshold search</b> ({@link #bestThreshold}): over the distinct finite scores
 *       {@code v1 < v2 < ... < vn} of the training pairs the candidates are {@code nextDown(v1)}
 *       (accept all), the midpoints {@code (vi + vi+1) / 2} and {@code vn} (accept none). The candidate
 *       with the most correct pairs wins; on a tie the <em>smallest</em> threshold wins (as the usual
 *       "argmax over ascending thresholds" LFW scripts do). No finite score at all: {@code +Infinity}.</li>
 *   <li><b>k-fold accuracy:</b> for each fold the threshold is chosen on all other folds and tested on
 *       it; mean and population standard deviation (divide by k, like numpy's {@code std}) of the fold
 *       accuracies; mean of the per-fold thresholds. With a single fold the threshold is chosen on that
 *       fold itself and the result says {@code crossValidated = false} (optimistic).</li>
 *   <li><b>TAR at FAR</b> ({@link #tarAtFar}): over all pairs, with {@code N} different pairs and
 *       {@code m = floor(far * N)} false accepts allowed, the threshold is the {@code (m+1)}-th highest
 *       different-pair score (NaN ranking lowest; if that is a NaN or {@code m >= N} the threshold is
 *       {@code -Infinity}, accepting every pair that has a score). Since acceptance is strictly above,
 *       different pairs tied with that score are all rejected, so the achieved FAR is {@code <= far},
 *       lower than {@code m/N} when there are ties at the threshold.</li>
 *   <li><b>ROC AUC</b> ({@link #rocAuc}): probability that a random same pair scores higher than a
 *       random different pair, ties counting one half (Mann-Whitney U); NaN scores rank lowest, tied
 *       with each other.</li>
 * </ul>
 */
public final class VerificationMetrics {
    /** The FARs reported by {@link #evaluate(List)}. */
    public static final double[] DEFAULT_FARS = {1e-2, 1e-3};

    private VerificationMetrics() {
    }

    /** The one decision rule: accepted iff the score exists and is strictly above the threshold. */
    public static boolean accepted(double score, double threshold) {
        return score > threshold; // false for NaN score
    }

    /** All metrics, with TAR at FAR 1e-2 and 1e-3. */
    public static VerificationResult evaluate(List<ScoredPair> pairs) {
        return evaluate(pairs, DEFAULT_FARS);
    }

    /** All metrics, with TAR at each of {@code fars}. */
    public static VerificationResult evaluate(List<ScoredPair> pairs, double... fars) {
        Objects.requireNonNull(pairs, "pairs");
        if (pairs.isEmpty()) {
            throw new IllegalArgumentException("no pairs to evaluate");
        }
        TreeSet<Integer> foldIds = new TreeSet<>();
        int same = 0;
        int missingSame = 0;
        int missingDifferent = 0;
        for (ScoredPair p : pairs) {
            foldIds.add(p.fold());
            if (p.same()) {
                same++;
            }
            if (p.missing()) {
                if (p.same()) {
                    missingSame++;
                } else {
                    missingDifferent++;
                }
            }
        }
        boolean crossValidated = foldIds.size() > 1;
        List<FoldResult> folds = new ArrayList<>();
        for (int fold : foldIds) {
            List<ScoredPair> test = new ArrayList<>();
            List<ScoredPair> train = new ArrayList<>();
            for (ScoredPair p : pairs) {
                (p.fold() == fold ? test : train).add(p);
            }
            if (!crossValidated) {
                train = test;
            }
            double t = bestThreshold(train);
            folds.add(new FoldResult(fold, test.size(), t, accuracy(train, t), accuracy(test, t)));
        }
        double[] acc = folds.stream().mapToDouble(FoldResult::accuracy).toArray();
        double mean = mean(acc);
        double var = 0;
        for (double a : acc) {
            var += (a - mean) * (a - mean);
        }
        double std = Math.sqrt(var / acc.length);
        double meanThreshold = mean(folds.stream().mapToDouble(FoldResult::threshold).toArray());
        List<TarAtFar> tars = new ArrayList<>();
        for (double far : fars) {
            tars.add(tarAtFar(pairs, far));
        }
        return new VerificationResult(pairs.size(), same, pairs.size() - same, missingSame, missingDifferent,
                crossValidated, folds, mean, std, meanThreshold, tars, rocAuc(pairs));
    }

    /** Fraction of pairs decided correctly at {@code threshold}; NaN for no pairs. */
    public static double accuracy(List<ScoredPair> pairs, double threshold) {
        if (pairs.isEmpty()) {
            return Double.NaN;
        }
        int correct = 0;
        for (ScoredPair p : pairs) {
            if (accepted(p.score(), threshold) == p.same()) {
                correct++;
            }
        }
        return (double) correct / pairs.size();
    }

    /** The accuracy-maximising threshold on {@code training} (rules in the class comment). */
    public static double bestThreshold(List<ScoredPair> training) {
        int n = 0;
        for (ScoredPair p : training) {
            if (!p.missing()) {
                n++;
            }
        }
        if (n == 0) {
            return Double.POSITIVE_INFINITY;
        }
        // sort finite scores ascending; encode the label in a parallel array via an index sort
        double[] scores = new double[n];
        boolean[] same = new boolean[n];
        Integer[] order = new Integer[n];
        int k = 0;
        for (ScoredPair p : training) {
            if (!p.missing()) {
                scores[k] = p.score();
                same[k] = p.same();
                order[k] = k;
                k++;
            }
        }
        Arrays.sort(order, (a, b) -> Double.compare(scores[a], scores[b]));
        int finiteSame = 0;
        for (boolean s : same) {
            if (s) {
                finiteSame++;
            }
        }
        // Missing-score pairs add a constant (their different pairs are always right), so they do not
        // move the arg max; count only finite pairs. Start: threshold below everything, all accepted.
        int correct = finiteSame;
        int best = correct;
        double bestT = Math.nextDown(scores[order[0]]);
        int i = 0;
        while (i < n) {
            double v = scores[order[i]];
            // move the whole group of equal scores to the rejected side
            while (i < n && scores[order[i]] == v) {
                correct += same[order[i]] ? -1 : 1;
                i++;
            }
            if (correct > best) { // strictly: ties keep the smaller threshold
                best = correct;
                bestT = i < n ? midpoint(v, scores[order[i]]) : v;
            }
        }
        return bestT;
    }

    /**
     * A value m with a &lt;= m &lt; b, so that "score &gt; m" accepts b and rejects a even when a and b are
     * adjacent doubles (where the rounded midpoint could land on b).
     */
    static double midpoint(double a, double b) {
        double m = a / 2 + b / 2;
        return m < b && m >= a ? m : a;
    }

    /** TAR at a target FAR over all pairs (rules in the class comment). */
    public static TarAtFar tarAtFar(List<ScoredPair> pairs, double far) {
        if (!(far >= 0 && far <= 1)) {
            throw new IllegalArgumentException("FAR must be in [0, 1], was " + far);
        }
        int nSame = 0;
        int nDiff = 0;
        for (ScoredPair p : pairs) {
            if (p.same()) {
                nSame++;
            } else {
                nDiff++;
            }
        }
        if (nDiff == 0) {
            return new TarAtFar(far, Double.NaN, Double.NaN, Double.NaN, 0, nSame, 0, 0);
        }
        double[] diff = new double[nDiff];
        int k = 0;
        for (ScoredPair p : pairs) {
            if (!p.same()) {
                // NaN ranks lowest: map to -Infinity for sorting only
                diff[k++] = p.missing() ? Double.NEGATIVE_INFINITY : p.score();
            }
        }
        Arrays.sort(diff); // ascending; the (m+1)-th highest is diff[nDiff - 1 - m]
        // the epsilon turns e.g. 0.29 * 100 = 28.999999999999996 into 29, not 28
        int m = (int) Math.floor(far * nDiff + 1e-9);
        double t = m >= nDiff ? Double.NEGATIVE_INFINITY : diff[nDiff - 1 - m];
        int falseAccepts = 0;
        int acceptedSame = 0;
        for (ScoredPair p : pairs) {
            if (accepted(p.score(), t)) {
                if (p.same()) {
                    acceptedSame++;
                } else {
                    falseAccepts++;
                }
            }
        }
        double tar = nSame == 0 ? Double.NaN : (double) acceptedSame / nSame;
        return new TarAtFar(far, t, tar, (double) falseAccepts / nDiff, acceptedSame, nSame, falseAccepts, nDiff);
    }

    /** ROC AUC (Mann-Whitney, ties = 1/2); NaN when either class is empty. */
    public static double rocAuc(List<ScoredPair> pairs) {
        int n = pairs.size();
        double[] s = new double[n];
        boolean[] same = new boolean[n];
        Integer[] order = new Integer[n];
        long nSame = 0;
        for (int i = 0; i < n; i++) {
            ScoredPair p = pairs.get(i);
            s[i] = p.missing() ? Double.NEGATIVE_INFINITY : p.score();
            same[i] = p.same();
            order[i] = i;
            if (p.same()) {
                nSame++;
            }
        }
        long nDiff = n - nSame;
        if (nSame == 0 || nDiff == 0) {
            return Double.NaN;
        }
        Arrays.sort(order, (a, b) -> Double.compare(s[a], s[b]));
        // sum of (1-based, tie-averaged) ranks of the same pairs
        double rankSum = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j < n && s[order[j]] == s[order[i]]) {
                j++;
            }
            double avgRank = (i + 1 + j) / 2.0; // ranks i+1 .. j
            for (int q = i; q < j; q++) {
                if (same[order[q]]) {
                    rankSum += avgRank;
                }
            }
            i = j;
        }
        double u = rankSum - nSame * (nSame + 1) / 2.0;
        return u / ((double) nSame * nDiff);
    }

    private static double mean(double[] v) {
        double sum = 0;
        for (double x : v) {
            sum += x;
        }
        return sum / v.length;
    }
}
