package com.faceattend.spi;

import java.util.Map;

/**
 * Settings handed to a provider when it creates a worker.
 *
 * @param intraOpThreads threads one inference may use (default 2, the size of the reference station)
 * @param options        provider-specific options, e.g. {@code scoreThreshold=0.7}; never null
 * @since 0.1
 */
public record ProviderSettings(int intraOpThreads, Map<String, String> options) {
    public ProviderSettings {
        if (intraOpThreads < 1) {
            throw new IllegalArgumentException("intraOpThreads must be at least 1, was " + intraOpThreads);
        }
        options = Map.copyOf(options);
    }

    /** Two threads, no options. */
    public static ProviderSettings defaults() {
        return new ProviderSettings(2, Map.of());
    }

    /** A float option, or {@code fallback} when absent. */
    public float floatOption(String key, float fallback) {
        String value = options.get(key);
        if (value == null) {
            return fallback;
        }
        try {
            return Float.parseFloat(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option " + key + " must be a number, was '" + value + "'", e);
        }
    }
}
