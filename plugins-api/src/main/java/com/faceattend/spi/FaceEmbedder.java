package com.faceattend.spi;

/**
 * Turns an aligned face into an L2-normalised embedding. Stateful; close it.
 *
 * @since 0.1
 */
public interface FaceEmbedder extends AutoCloseable {
    /** Id recorded with every template; templates of another model id are never compared. */
    String modelId();

    /** Length of the vectors this embedder returns. */
    int dimension();

    /** @return a unit-length embedding tagged with {@link #modelId()} */
    Embedding embed(AlignedFace face);

    @Override
    void close();
}
