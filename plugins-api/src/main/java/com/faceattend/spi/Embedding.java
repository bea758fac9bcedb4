package com.faceattend.spi;

import java.util.Arrays;
import java.util.Objects;

/**
 * An L2-normalised face embedding, tagged with the id of the model that produced it.
 *
 * @since 0.1
 */
public record Embedding(String modelId, float[] vector) {
    public Embedding {
        Objects.requireNonNull(modelId, "modelId");
        Objects.requireNonNull(vector, "vector");
        if (vector.length == 0) {
            throw new IllegalArgumentException("empty embedding");
        }
    }

    /** Normalises {@code raw} to unit length (copying it) and tags it with {@code modelId}. */
    public static Embedding normalised(String modelId, float[] raw) {
        double sum = 0;
        for (float v : raw) {
            sum += (double) v * v;
        }
        if (!(sum > 0) || Double.isInfinite(sum)) {
            throw new IllegalArgumentException("embedding of model " + modelId + " has no direction (zero or non-finite)");
        }
        float inv = (float) (1.0 / Math.sqrt(sum));
        float[] out = new float[raw.length];
        for (int i = 0; i < raw.length; i++) {
            out[i] = raw[i] * inv;
        }
        return new Embedding(modelId, out);
    }

    public int dimension() {
        return vector.length;
    }

    /**
     * Cosine similarity, -1..1.
     *
     * @throws IncompatibleEmbeddingException when the two come from different models
     */
    public float cosine(Embedding other) {
        if (!modelId.equals(other.modelId) || vector.length != other.vector.length) {
            throw new IncompatibleEmbeddingException(modelId, other.modelId);
        }
        float dot = 0;
        for (int i = 0; i < vector.length; i++) {
            dot += vector[i] * other.vector[i];
        }
        return dot;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Embedding e && e.modelId.equals(modelId) && Arrays.equals(e.vector, vector);
    }

    @Override
    public int hashCode() {
        return 31 * modelId.hashCode() + Arrays.hashCode(vector);
    }

    @Override
    public String toString() {
        return "Embedding[" + modelId + ", " + vector.length + "-d]";
    }
}
