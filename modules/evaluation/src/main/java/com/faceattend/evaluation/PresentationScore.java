package com.faceattend.evaluation;

import java.util.Objects;

/**
 * One presentation to a liveness check and the check's live score.
 *
 * @param id         the image (or sequence) it came from, for reports
 * @param attack     true for a presentation attack, false for a bona fide (live) presentation
 * @param attackType the attack instrument species ("print", "screen replay", ...); ignored for live ones
 * @param subject    whose face it is: samples of one subject are never split between tuning and
 *                   testing (see {@link LivenessMetrics#subjectCrossValidated})
 * @param liveScore  0..1, higher = more live; NaN when no face was found (counted apart, never scored)
 */
public record PresentationScore(String id, boolean attack, String attackType, String subject, double liveScore) {
    public PresentationScore {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(subject, "subject");
        attackType = attack ? Objects.requireNonNull(attackType, "attackType") : "none";
    }

    public boolean faceFound() {
        return !Double.isNaN(liveScore);
    }

    public static PresentationScore live(String id, String subject, double liveScore) {
        return new PresentationScore(id, false, "none", subject, liveScore);
    }

    public static PresentationScore attack(String id, String attackType, String subject, double liveScore) {
        return new PresentationScore(id, true, attackType, subject, liveScore);
    }
}
