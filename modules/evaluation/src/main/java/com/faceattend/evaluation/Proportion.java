package com.faceattend.evaluation;

/**
 * An error count out of a number of trials, with its 95 % Wilson score interval. Wilson rather than
 * the normal approximation because liveness error counts are often 0 or a handful, where the normal
 * interval collapses to zero width or leaves 0..1; Wilson stays inside 0..1 and is close to the exact
 * Clopper-Pearson interval while a little narrower.
 *
 * @param errors errors (attacks accepted, or live people rejected)
 * @param trials presentations that were scored
 */
public record Proportion(int errors, int trials) {
    /** Two-sided 95 %: the standard normal quantile 0.975. */
    static final double Z95 = 1.959963984540054;

    public Proportion {
        if (trials < 0 || errors < 0 || errors > trials) {
            throw new IllegalArgumentException("need 0 <= errors <= trials, was " + errors + " of " + trials);
        }
    }

    /** errors / trials; NaN when there were no trials. */
    public double rate() {
        return trials == 0 ? Double.NaN : errors / (double) trials;
    }

    /** Lower end of the 95 % Wilson interval; NaN when there were no trials. */
    public double lower() {
        return wilson(-1);
    }

    /** Upper end of the 95 % Wilson interval; NaN when there were no trials. */
    public double upper() {
        return wilson(+1);
    }

    private double wilson(int sign) {
        if (trials == 0) {
            return Double.NaN;
        }
        double n = trials, p = errors / n, z2 = Z95 * Z95;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = Z95 / (1 + z2 / n) * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        if (sign < 0 && errors == 0 || sign > 0 && errors == trials) {
            return sign < 0 ? 0 : 1; // the formula's rounding leaves 1e-17 where the bound is exactly 0 (or 1)
        }
        return Math.max(0, Math.min(1, centre + sign * half));
    }

    /** "12.5 % (4/32, 95 % CI 5.0-28.1 %)". */
    public String describe() {
        if (trials == 0) {
            return "n/a (0 scored)";
        }
        return String.format(java.util.Locale.ROOT, "%.1f %% (%d/%d, 95 %% CI %.1f-%.1f %%)",
                100 * rate(), errors, trials, 100 * lower(), 100 * upper());
    }

    void writeJson(Json j) {
        j.beginObject().field("errors", errors).field("trials", trials).field("rate", rate())
                .field("ci95Low", lower()).field("ci95High", upper()).endObject();
    }
}
