package com.faceattend.spi;

/**
 * Stateless builder of {@link FaceDetector}s, registered as a service.
 *
 * @since 0.1
 */
public interface FaceDetectorProvider {
    ProviderInfo info();

    /** @throws ProviderException when the model is missing or unreadable */
    FaceDetector create(ProviderSettings settings);
}
