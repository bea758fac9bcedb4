package com.faceattend.evaluation;

/**
 * 95 % Wilson score interval of a proportion: unlike the normal approximation it stays inside [0, 1]
 * and is honest at 0 errors (0 of 189 strangers is still up to 2 %).
 *
 * @param low  lower bound
 * @param high upper bound
 */
public record Wilson(double low, double high) {
    private static final double Z = 1.959963984540054;

    /** The interval for {@code k} events in {@code n} trials; NaN bounds when {@code n} is 0. */
    public static Wilson of(int k, int n) {
        if (n <= 0) {
            return new Wilson(Double.NaN, Double.NaN);
        }
        double p = (double) k / n;
        double z2 = Z * Z;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = Z / (1 + z2 / n) * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        // at 0 (or n) events the bound is exactly 0 (or 1); the formula's rounding would leave 1e-17
        return new Wilson(k == 0 ? 0 : Math.max(0, centre - half), k == n ? 1 : Math.min(1, centre + half));
    }
}
