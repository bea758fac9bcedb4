package com.faceattend.spi;

/**
 * Stateless builder of {@link LivenessCheck}s, registered as a service.
 *
 * @since 0.1
 */
public interface LivenessCheckProvider {
    ProviderInfo info();

    /** Threshold on {@link LivenessResult#liveScore()} this provider recommends. */
    float defaultThreshold();

    LivenessCheck create(ProviderSettings settings);
}
