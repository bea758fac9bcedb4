package com.faceattend.evaluation;

/**
 * One operating point of a liveness check: the threshold that holds one error rate at or below a
 * target, and both error rates there. The intervals cover the counting error only, not the error of
 * choosing the threshold on the same data (see {@link LivenessMetrics#subjectCrossValidated} for that).
 *
 * @param fixedRate "APCER" or "BPCER": the rate held at or below {@code target}
 * @param target    the target, 0..1
 * @param threshold live iff score &gt;= threshold
 * @param apcer     attacks accepted at the threshold
 * @param bpcer     live presentations rejected at the threshold
 */
public record PadOperatingPoint(String fixedRate, double target, double threshold, Proportion apcer, Proportion bpcer) {
    void writeJson(Json j) {
        j.beginObject().field("fixed", fixedRate).field("target", target).field("threshold", threshold);
        j.name("apcer");
        apcer.writeJson(j);
        j.name("bpcer");
        bpcer.writeJson(j);
        j.endObject();
    }
}
