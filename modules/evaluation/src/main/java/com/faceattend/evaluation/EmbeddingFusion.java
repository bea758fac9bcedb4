package com.faceattend.evaluation;

import com.faceattend.spi.Embedding;

/**
 * Feature-level fusion of two embedders' templates of one face: {@code [sqrt(w) a, sqrt(1-w) b]}.
 * Both parts are unit vectors, so the result is one too, and the cosine of two fused templates is
 * {@code w cos(a, a') + (1 - w) cos(b, b')}: score-level fusion (a weighted mean of the two cosines),
 * which any gallery, metric or accept rule can use unchanged. Per-model normalisation enters through
 * {@code w}: weighting each model by the inverse spread of its impostor cosines puts both on one scale.
 */
public final class EmbeddingFusion {
    private EmbeddingFusion() {
    }

    /**
     * @param weightA the first model's share of the fused cosine, in (0, 1)
     */
    public static Embedding fuse(Embedding a, Embedding b, double weightA) {
        if (!(weightA > 0 && weightA < 1)) {
            throw new IllegalArgumentException("the first model's weight must be between 0 and 1, was " + weightA);
        }
        float sa = (float) Math.sqrt(weightA), sb = (float) Math.sqrt(1 - weightA);
        float[] out = new float[a.dimension() + b.dimension()];
        for (int i = 0; i < a.dimension(); i++) {
            out[i] = sa * a.vector()[i];
        }
        for (int i = 0; i < b.dimension(); i++) {
            out[a.dimension() + i] = sb * b.vector()[i];
        }
        return new Embedding(a.modelId() + "+" + b.modelId(), out);
    }
}
