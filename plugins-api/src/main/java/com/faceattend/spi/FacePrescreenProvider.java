package com.faceattend.spi;

/**
 * Stateless builder of {@link FacePrescreen}s, registered as a service.
 *
 * @since 0.1
 */
public interface FacePrescreenProvider {
    ProviderInfo info();

    FacePrescreen create(ProviderSettings settings);
}
