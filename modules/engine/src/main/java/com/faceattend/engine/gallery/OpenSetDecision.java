package com.faceattend.engine.gallery;

import java.text.NumberFormat;
import java.util.Locale;

/**
 * Whether the best match of a face is that person or a stranger: the one accept rule of the station,
 * {@code identify} and {@code eval identify}.
 *
 * <p>The setting is what it means to the user: the share of strangers' faces that may be taken for some
 * employee ("about 1 stranger in 1,000"). A stranger is compared with every template in the gallery, so
 * the chance that one of them scores above a fixed cosine grows with the gallery. The rule therefore
 * turns the setting into a cosine for the gallery at hand: with {@code N} templates and a per-face target
 * {@code f}, each comparison may pass with probability {@code p = 1 - (1 - f)^(1/N)}, and the threshold is
 * the {@code 1 - p} quantile of the gallery's own scores between different people
 * ({@link GalleryIndex#impostorScores()}, a normal fit pooled with {@link ImpostorScores#PRIOR}, its
 * tail widened by {@link #TAIL_FACTOR}).
 * Templates already enrolled work unchanged: nothing is stored besides the setting.
 *
 * <p>Measured (README, "Open-set identification"): a margin between the best and second-best person and
 * cohort z-normalisation did not lower the miss rate at a fixed stranger rate on faces94, AT&amp;T or LFW,
 * so the rule is the gallery-size-aware threshold alone.
 *
 * <pre>{@code
 * OpenSetDecision rule = OpenSetDecision.oneStrangerIn(300);
 * List<PersonMatch> hits = gallery.search(probe, 1);
 * boolean employee = !hits.isEmpty() && rule.accepts(hits.get(0), gallery);
 * }</pre>
 *
 * @since 1.1
 */
public final class OpenSetDecision {
    /**
     * Default: about 1 stranger's face in 300 taken for someone. Measured per photo (README): 0.43 % on LFW
     * (373 people, one photo each), 0 % on faces94, 0.5 % on AT&amp;T; at most 1 % on each.
     */
    public static final int DEFAULT_ONE_IN = 300;
    /**
     * Strangers' best scores have a heavier upper tail than a normal curve: the cosine that really lets
     * the target share through lies this many times further from the mean. Fitted on AT&amp;T (1.02 with
     * one photo enrolled, 1.13 with five); faces94 (1.12) and LFW (1.09), on which the rule is reported,
     * agree.
     */
    static final double TAIL_FACTOR = 1.1;
    /** Settings offered to users, loosest first. */
    public static final int[] CHOICES = {100, 300, 1_000, 3_000, 10_000, 100_000};

    private final double strangerAcceptRate;

    /** @param strangerAcceptRate share of strangers' faces that may be accepted, in (0, 0.5] */
    public OpenSetDecision(double strangerAcceptRate) {
        if (!(strangerAcceptRate > 0 && strangerAcceptRate <= 0.5)) {
            throw new IllegalArgumentException("the stranger accept rate must be above 0 and at most 0.5, was "
                    + strangerAcceptRate);
        }
        this.strangerAcceptRate = strangerAcceptRate;
    }

    /** About 1 stranger's face in {@code n} accepted; {@code n} at least 2. */
    public static OpenSetDecision oneStrangerIn(int n) {
        if (n < 2) {
            throw new IllegalArgumentException("'1 stranger in n' needs n of at least 2, was " + n);
        }
        return new OpenSetDecision(1.0 / n);
    }

    public static OpenSetDecision defaults() {
        return oneStrangerIn(DEFAULT_ONE_IN);
    }

    public double strangerAcceptRate() {
        return strangerAcceptRate;
    }

    /** The {@code n} of "1 stranger in n". */
    public int oneIn() {
        return (int) Math.round(1 / strangerAcceptRate);
    }

    /** The cosine a best match must reach in {@code gallery} as it is now. */
    public float threshold(GalleryIndex gallery) {
        return threshold(gallery.impostorScores(), gallery.templateCount());
    }

    /**
     * The cosine a best match must reach among {@code templates} templates whose cross-person scores
     * follow {@code impostors}.
     */
    public float threshold(ImpostorScores impostors, int templates) {
        int n = Math.max(1, templates);
        // per-comparison pass probability so that 1 - (1 - p)^n = f; expm1/log1p keep p exact when tiny
        double p = -Math.expm1(Math.log1p(-strangerAcceptRate) / n);
        return (float) (impostors.mean() + TAIL_FACTOR * impostors.sd() * -inverseNormal(p)); // upper quantile, exact for tiny p
    }

    /** True when {@code best} (the top hit of {@link GalleryIndex#search}) is to be taken as that person. */
    public boolean accepts(PersonMatch best, GalleryIndex gallery) {
        return best != null && best.similarity() >= threshold(gallery);
    }

    /** "about 1 stranger in 1,000 accepted", in {@code locale}'s number format. */
    public String describe(Locale locale) {
        return "about 1 stranger in " + NumberFormat.getIntegerInstance(locale).format(oneIn()) + " accepted";
    }

    @Override
    public String toString() {
        return describe(Locale.ROOT);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OpenSetDecision d && d.strangerAcceptRate == strangerAcceptRate;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(strangerAcceptRate);
    }

    /**
     * The standard normal quantile (P. J. Acklam's rational approximation, relative error below 1.2e-9,
     * far below the spread of any measured threshold; the engine has no statistics library to lean on).
     */
    static double inverseNormal(double q) {
        if (!(q > 0 && q < 1)) {
            throw new IllegalArgumentException("quantile must be in (0, 1), was " + q);
        }
        final double[] a = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
            1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00};
        final double[] b = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
            6.680131188771972e+01, -1.328068155288572e+01};
        final double[] c = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
            -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00};
        final double[] d = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
            3.754408661907416e+00};
        double low = 0.02425;
        if (q < low || q > 1 - low) {
            double r = Math.sqrt(-2 * Math.log(q < low ? q : 1 - q));
            double x = (((((c[0] * r + c[1]) * r + c[2]) * r + c[3]) * r + c[4]) * r + c[5])
                    / ((((d[0] * r + d[1]) * r + d[2]) * r + d[3]) * r + 1);
            return q < low ? x : -x;
        }
        double r = q - 0.5;
        double s = r * r;
        return (((((a[0] * s + a[1]) * s + a[2]) * s + a[3]) * s + a[4]) * s + a[5]) * r
                / (((((b[0] * s + b[1]) * s + b[2]) * s + b[3]) * s + b[4]) * s + 1);
    }
}
