package com.faceattend.comparison;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Durations of each stage, in the order stages were first timed. Medians are what the table reports. */
final class StageTimes {
    private final Map<String, double[]> samples = new LinkedHashMap<>();
    private final Map<String, Integer> counts = new LinkedHashMap<>();

    void add(String stage, double millis) {
        double[] s = samples.computeIfAbsent(stage, k -> new double[64]);
        int n = counts.getOrDefault(stage, 0);
        if (n == s.length) {
            s = Arrays.copyOf(s, n * 2);
            samples.put(stage, s);
        }
        s[n] = millis;
        counts.put(stage, n + 1);
    }

    /** Times {@code work} as {@code stage}. */
    <T> T time(String stage, java.util.function.Supplier<T> work) {
        long start = System.nanoTime();
        T result = work.get();
        add(stage, (System.nanoTime() - start) / 1e6);
        return result;
    }

    /** Median of a stage, NaN when it never ran. */
    double median(String stage) {
        Integer n = counts.get(stage);
        if (n == null || n == 0) {
            return Double.NaN;
        }
        double[] sorted = Arrays.copyOf(samples.get(stage), n);
        Arrays.sort(sorted);
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    void clear() {
        samples.clear();
        counts.clear();
    }
}
