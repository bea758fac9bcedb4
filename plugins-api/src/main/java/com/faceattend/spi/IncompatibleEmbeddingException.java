package com.faceattend.spi;

/**
 * Two embeddings from different models were about to be compared. Their similarity would be
 * meaningless, so FaceAttend refuses.
 *
 * @since 0.1
 */
public class IncompatibleEmbeddingException extends ProviderException {
    private static final long serialVersionUID = 1L;

    public IncompatibleEmbeddingException(String modelA, String modelB) {
        super("embeddings of model '" + modelA + "' and model '" + modelB + "' cannot be compared",
                "re-enrol the people with the embedder now selected, or select the embedder they were enrolled with");
    }
}
