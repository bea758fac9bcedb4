package com.faceattend.evaluation;

import java.util.Locale;
import java.util.Map;

/**
 * Figures from {@link LivenessMetrics#subjectCrossValidated}: each half of the subjects judged at a
 * threshold set on the other half.
 *
 * @param targetBpcer the BPCER each threshold was set for, on the other half
 * @param thresholds  the threshold used on half 0 and on half 1
 * @param apcerByType attacks accepted per attack type, both halves pooled
 * @param apcer       attacks accepted, all types and both halves pooled
 * @param bpcer       live presentations rejected, both halves pooled
 */
public record SubjectSplitResult(double targetBpcer, double[] thresholds, Map<String, Proportion> apcerByType,
                                 Proportion apcer, Proportion bpcer) {
    public SubjectSplitResult {
        thresholds = thresholds.clone();
        apcerByType = Map.copyOf(apcerByType);
    }

    /** Machine-readable form; non-finite numbers are {@code null}. */
    public String toJson() {
        Json j = new Json();
        writeJson(j);
        return j.toString();
    }

    /** A few lines for a person. */
    public String summary() {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                "Subject-disjoint (threshold for BPCER <= %.0f %% set on the other half of the subjects: %.3f / %.3f):%n",
                100 * targetBpcer, thresholds[0], thresholds[1]));
        new java.util.TreeMap<>(apcerByType).forEach((type, p) ->
                s.append(String.format(Locale.ROOT, "  APCER %-40s %s%n", type, p.describe())));
        s.append(String.format(Locale.ROOT, "  APCER %-40s %s%n", "all attacks", apcer.describe()));
        s.append(String.format(Locale.ROOT, "  BPCER %-40s %s%n", "", bpcer.describe()));
        return s.toString();
    }

    void writeJson(Json j) {
        j.beginObject().field("targetBpcer", targetBpcer);
        j.name("thresholds").beginArray().value(thresholds[0]).value(thresholds[1]).endArray();
        LivenessEvaluation.writeTypes(j, new java.util.TreeMap<>(apcerByType));
        j.name("apcer");
        apcer.writeJson(j);
        j.name("bpcer");
        bpcer.writeJson(j);
        j.endObject();
    }
}
