package com.faceattend.evaluation;

import java.util.List;
import java.util.Locale;

/**
 * Result of {@link VerificationMetrics#evaluate}. Definitions are in {@link VerificationMetrics}.
 *
 * @param pairs            all pairs
 * @param samePairs        same-person pairs
 * @param differentPairs   different-person pairs
 * @param missingSame      same pairs with no score (no face found) - always counted as rejected
 * @param missingDifferent different pairs with no score - always counted as rejected
 * @param crossValidated   false when there was a single fold, so thresholds were chosen on the test data
 * @param folds            per held-out fold, in fold order
 * @param meanAccuracy     mean of the fold accuracies
 * @param stdAccuracy      population standard deviation of the fold accuracies
 * @param meanThreshold    mean of the per-fold thresholds (a sensible operating threshold)
 * @param tarAtFar         TAR at each requested FAR, over all pairs
 * @param auc              ROC AUC over all pairs
 */
public record VerificationResult(int pairs, int samePairs, int differentPairs, int missingSame, int missingDifferent,
                                 boolean crossValidated, List<FoldResult> folds, double meanAccuracy,
                                 double stdAccuracy, double meanThreshold, List<TarAtFar> tarAtFar, double auc) {
    public VerificationResult {
        folds = List.copyOf(folds);
        tarAtFar = List.copyOf(tarAtFar);
    }

    /** Pairs without a score. */
    public int missingScores() {
        return missingSame + missingDifferent;
    }

    /** Machine-readable form; non-finite numbers are {@code null}. */
    public String toJson() {
        Json j = new Json().beginObject()
                .field("pairs", pairs).field("samePairs", samePairs).field("differentPairs", differentPairs)
                .field("missingScores", missingScores()).field("missingSame", missingSame)
                .field("missingDifferent", missingDifferent)
                .field("decisionRule", "accept iff score > threshold; missing score never accepted")
                .field("crossValidated", crossValidated)
                .field("meanAccuracy", meanAccuracy).field("stdAccuracy", stdAccuracy)
                .field("meanThreshold", meanThreshold)
                .field("auc", auc);
        j.name("folds").beginArray();
        for (FoldResult f : folds) {
            j.beginObject().field("fold", f.fold()).field("pairs", f.pairs()).field("threshold", f.threshold())
                    .field("trainAccuracy", f.trainAccuracy()).field("accuracy", f.accuracy()).endObject();
        }
        j.endArray();
        j.name("tarAtFar").beginArray();
        for (TarAtFar t : tarAtFar) {
            j.beginObject().field("targetFar", t.targetFar()).field("threshold", t.threshold())
                    .field("tar", t.tar()).field("far", t.far())
                    .field("acceptedSame", t.acceptedSame()).field("samePairs", t.samePairs())
                    .field("falseAccepts", t.falseAccepts()).field("differentPairs", t.differentPairs())
                    .endObject();
        }
        j.endArray();
        return j.endObject().toString();
    }

    /** A few lines for a person. */
    public String summary() {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "Verification: %d pairs (%d same, %d different) in %d fold(s)%n",
                pairs, samePairs, differentPairs, folds.size()));
        if (missingScores() > 0) {
            s.append(String.format(Locale.ROOT,
                    "  no face found in %d pair(s) (%d same, %d different): counted as rejected%n",
                    missingScores(), missingSame, missingDifferent));
        }
        s.append(String.format(Locale.ROOT, "  accuracy %.2f%% +- %.2f%% (%s), mean threshold %.4f%n",
                100 * meanAccuracy, 100 * stdAccuracy,
                crossValidated ? folds.size() + "-fold, threshold chosen on the other folds"
                        : "single fold: threshold chosen on the test data, optimistic",
                meanThreshold));
        for (FoldResult f : folds) {
            s.append(String.format(Locale.ROOT, "    fold %d: %.2f%% at threshold %.4f (%d pairs)%n",
                    f.fold(), 100 * f.accuracy(), f.threshold(), f.pairs()));
        }
        for (TarAtFar t : tarAtFar) {
            s.append(String.format(Locale.ROOT, "  TAR %.2f%% at FAR %s (threshold %.4f, %d/%d false accepts)%n",
                    100 * t.tar(), Double.toString(t.targetFar()), t.threshold(), t.falseAccepts(),
                    t.differentPairs()));
        }
        s.append(String.format(Locale.ROOT, "  ROC AUC %.4f%n", auc));
        return s.toString();
    }
}
