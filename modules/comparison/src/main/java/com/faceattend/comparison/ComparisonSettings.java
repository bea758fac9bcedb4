package com.faceattend.comparison;

import java.nio.file.Path;

/**
 * How much of each dataset the comparison runs.
 *
 * @param limit                 0 = everything; otherwise at most this many LFW pairs per fold (half same, half
 *                              different), faces94 people and video frames for every row (the detection set is
 *                              always run whole: it has 11 photos)
 * @param faceApiPairsPerFold   LFW pairs per fold for face-api.js, whose WASM backend takes about 0.6 s a photo
 *                              on a laptop core (default 60 = 300 pairs; the table marks the subset); 0 = as
 *                              the other rows
 * @param faceApiVideoFrames    video frames for face-api.js (default 100); 0 = as the other rows
 * @param faceApi               run the face-api.js reference (needs Node.js and npm's registry on first run)
 * @param faceApiCache          where face-api.js is installed (default {@code ~/.cache/faceattend/faceapi})
 */
public record ComparisonSettings(int limit, int faceApiPairsPerFold, int faceApiVideoFrames, boolean faceApi, Path faceApiCache) {
    public static final int QUICK_LIMIT = 4;
    /** face-api.js's LFW pairs per fold in a full run (60 = 300 pairs), also the command line's default. */
    public static final int FACE_API_PAIRS_PER_FOLD = 60;

    public ComparisonSettings {
        if (limit < 0 || faceApiPairsPerFold < 0 || faceApiVideoFrames < 0) {
            throw new IllegalArgumentException("limits must not be negative");
        }
        faceApiCache = faceApiCache == null ? FaceApiInstall.defaultCache() : faceApiCache;
    }

    /** Everything, face-api.js on its default subset. */
    public static ComparisonSettings full() {
        return new ComparisonSettings(0, FACE_API_PAIRS_PER_FOLD, 100, true, null);
    }

    /** A smoke run: {@value #QUICK_LIMIT} items of each dataset. */
    public static ComparisonSettings quick() {
        return new ComparisonSettings(QUICK_LIMIT, 0, 0, true, null);
    }

    public ComparisonSettings withLimit(int n) {
        return new ComparisonSettings(n, faceApiPairsPerFold, faceApiVideoFrames, faceApi, faceApiCache);
    }

    public ComparisonSettings withFaceApi(boolean run) {
        return new ComparisonSettings(limit, faceApiPairsPerFold, faceApiVideoFrames, run, faceApiCache);
    }

    public ComparisonSettings withFaceApiCache(Path dir) {
        return new ComparisonSettings(limit, faceApiPairsPerFold, faceApiVideoFrames, faceApi, dir);
    }

    /** The smaller of two caps, 0 meaning "no cap". */
    static int cap(int a, int b) {
        if (a == 0) {
            return b;
        }
        return b == 0 ? a : Math.min(a, b);
    }
}
