package com.faceattend.onnx;

import com.faceattend.spi.ProviderSettings;

/**
 * Provider option {@value #KEY}: {@code true} (default) runs ONNX Runtime sessions without spinning
 * threads ({@link SessionThreads}) and resamples through precomputed tables ({@link Resampler});
 * {@code false} is the earlier set-up, kept so {@code bench --pacing-only} measures both side by side
 * in one process. Both give the same bytes to the models, so the same results.
 */
public final class LeanOption {
    /** The option's name. */
    public static final String KEY = "onnx.lean";

    private LeanOption() {
    }

    static boolean on(ProviderSettings settings) {
        String v = settings.options().getOrDefault(KEY, "true").trim();
        if (!v.equals("true") && !v.equals("false")) {
            throw new IllegalArgumentException("option " + KEY + " must be true or false, was '" + v + "'");
        }
        return v.equals("true");
    }
}
