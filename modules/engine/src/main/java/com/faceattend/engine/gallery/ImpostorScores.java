package com.faceattend.engine.gallery;

/**
 * How templates of <em>different</em> people score against each other: the mean and standard deviation
 * of their cosines. {@link OpenSetDecision} reads the chance that a stranger beats a threshold off this
 * spread.
 *
 * @param mean  mean cosine between templates of different people
 * @param sd    their standard deviation (positive)
 * @param pairs how many pairs the figures rest on (0 for a prior that is not measured on this gallery)
 * @since 1.1
 */
public record ImpostorScores(double mean, double sd, long pairs) {
    /**
     * What a gallery too small to measure itself is assumed to look like. Fitted on the AT&amp;T faces
     * (40 people) with ArcFace: mean 0.08, sd 0.107; faces94 and LFW, on which the rule is reported,
     * measure 0.10-0.13 and 0.11-0.12, so the prior is neither tuned on them nor far from them.
     */
    public static final ImpostorScores PRIOR = new ImpostorScores(0.08, 0.11, 0);
    /** Weight of {@link #PRIOR} in pairs: with fewer measured pairs than this the prior dominates. */
    static final long PRIOR_PAIRS = 200;

    public ImpostorScores {
        if (!Double.isFinite(mean) || !(sd > 0) || !Double.isFinite(sd) || pairs < 0) {
            throw new IllegalArgumentException("impostor statistics need a finite mean and a positive sd, were "
                    + mean + " / " + sd);
        }
    }

    /**
     * Pools measured figures with {@link #PRIOR} (weighted {@link #PRIOR_PAIRS} pairs), so a gallery of a
     * handful of people does not set its threshold from a dozen pairs.
     *
     * @param mean  measured mean (ignored when {@code pairs} is 0)
     * @param sd    measured standard deviation
     * @param pairs number of measured pairs
     */
    public static ImpostorScores pooledWithPrior(double mean, double sd, long pairs) {
        if (pairs <= 0) {
            return PRIOR;
        }
        double w0 = PRIOR_PAIRS;
        double w1 = pairs;
        double m = (w0 * PRIOR.mean + w1 * mean) / (w0 + w1);
        double v = (w0 * (PRIOR.sd * PRIOR.sd + sq(PRIOR.mean - m)) + w1 * (sd * sd + sq(mean - m))) / (w0 + w1);
        return new ImpostorScores(m, Math.sqrt(v), pairs);
    }

    private static double sq(double x) {
        return x * x;
    }
}
