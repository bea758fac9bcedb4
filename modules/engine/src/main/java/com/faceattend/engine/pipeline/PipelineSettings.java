package com.faceattend.engine.pipeline;

/**
 * How the recognition pipeline turns faces into embeddings.
 *
 * @param flipAverage     embed the face and its mirror image and average them (default true: it
 *                        costs one more embedder run per face and gains accuracy on LFW — see
 *                        README "Accuracy")
 * @param minFaceSize     faces whose box is smaller than this many pixels on its short side are
 *                        not embedded (default 24): below that the eyes are a few pixels apart and
 *                        the landmarks, hence the alignment, are unreliable
 * @param livenessEnabled run the liveness check on faces that are embedded (default true)
 */
public record PipelineSettings(boolean flipAverage, int minFaceSize, boolean livenessEnabled) {
    public PipelineSettings {
        if (minFaceSize < 8) {
            throw new IllegalArgumentException("minFaceSize must be at least 8 pixels, was " + minFaceSize);
        }
    }

    public static PipelineSettings defaults() {
        return new PipelineSettings(true, 24, true);
    }

    public PipelineSettings withLiveness(boolean enabled) {
        return new PipelineSettings(flipAverage, minFaceSize, enabled);
    }

    public PipelineSettings withFlipAverage(boolean enabled) {
        return new PipelineSettings(enabled, minFaceSize, livenessEnabled);
    }
}
