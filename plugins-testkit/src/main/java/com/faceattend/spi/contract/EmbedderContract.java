package com.faceattend.spi.contract;

import com.faceattend.spi.AlignedFace;
import com.faceattend.spi.Embedding;
import com.faceattend.spi.FaceEmbedder;
import com.faceattend.spi.FaceEmbedderProvider;
import com.faceattend.spi.ProviderSettings;

/**
 * What every {@link FaceEmbedderProvider} must do.
 *
 * @since 0.1
 */
public final class EmbedderContract {
    private EmbedderContract() {
    }

    /**
     * @param personA      an aligned face of one person
     * @param personAAgain another aligned photo of the same person
     * @param personB      an aligned face of someone else
     */
    public static void verify(FaceEmbedderProvider provider, AlignedFace personA, AlignedFace personAAgain, AlignedFace personB) {
        String id = InfoContract.verify(provider.info());
        try (FaceEmbedder embedder = provider.create(ProviderSettings.defaults())) {
            Embedding a = embedder.embed(personA);
            Check.that(a.modelId().equals(embedder.modelId()), id, "embeddings must carry the embedder's model id");
            Check.that(a.dimension() == embedder.dimension(), id, "embedding length must equal dimension()");
            double norm = 0;
            for (float v : a.vector()) {
                Check.that(Float.isFinite(v), id, "embedding values must be finite");
                norm += v * v;
            }
            Check.that(Math.abs(Math.sqrt(norm) - 1) < 1e-3, id, "embeddings must be L2-normalised, norm was " + Math.sqrt(norm));
            Check.that(embedder.embed(personA).cosine(a) > 0.9999f, id, "the same face must give the same embedding");
            float same = a.cosine(embedder.embed(personAAgain));
            float different = a.cosine(embedder.embed(personB));
            Check.that(same > different, id, "the same person must score higher (" + same + ") than someone else (" + different + ")");
        }
    }
}
