package com.faceattend.spi;

/**
 * Stateless builder of {@link FrameSource}s, registered as a service.
 *
 * @since 0.1
 */
public interface FrameSourceProvider {
    ProviderInfo info();

    boolean supports(SourceSpec spec);

    /** @throws ProviderException when the source cannot be opened, with what to check */
    FrameSource open(SourceSpec spec);
}
