package com.faceattend.spi;

/**
 * Stateless builder of {@link FaceEmbedder}s, registered as a service.
 *
 * @since 0.1
 */
public interface FaceEmbedderProvider {
    ProviderInfo info();

    FaceEmbedder create(ProviderSettings settings);
}
