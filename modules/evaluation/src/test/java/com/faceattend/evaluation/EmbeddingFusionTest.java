package com.faceattend.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.faceattend.spi.Embedding;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Issue 16: fused templates score the weighted mean of the two models' cosines. */
class EmbeddingFusionTest {

    @Test
    void cosineOfFusedTemplatesIsTheWeightedMeanOfTheTwoCosines() {
        Random r = new Random(16);
        Embedding a1 = random("arc", 512, r), a2 = random("arc", 512, r), b1 = random("mfn", 192, r), b2 = random("mfn", 192, r);
        for (double w : new double[] {0.3, 0.5, 0.7}) {
            Embedding f1 = EmbeddingFusion.fuse(a1, b1, w), f2 = EmbeddingFusion.fuse(a2, b2, w);
            assertEquals(704, f1.dimension());
            assertEquals("arc+mfn", f1.modelId());
            assertEquals(1.0, f1.cosine(f1), 1e-5, "still a unit vector");
            assertEquals(w * a1.cosine(a2) + (1 - w) * b1.cosine(b2), f1.cosine(f2), 1e-5);
        }
        assertThrows(IllegalArgumentException.class, () -> EmbeddingFusion.fuse(a1, b1, 1.0));
    }

    private static Embedding random(String model, int dim, Random r) {
        float[] v = new float[dim];
        for (int i = 0; i < dim; i++) {
            v[i] = (float) r.nextGaussian();
        }
        return Embedding.normalised(model, v);
    }
}
