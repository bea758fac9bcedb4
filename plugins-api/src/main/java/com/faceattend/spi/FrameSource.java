package com.faceattend.spi;

/**
 * A stream of frames. Not thread-safe; close it to release the device or file.
 *
 * @since 0.1
 */
public interface FrameSource extends AutoCloseable {
    /**
     * Next frame, blocking until one is there.
     *
     * @return the frame, or {@code null} at the end of a file or folder
     * @throws ProviderException when the source fails (device unplugged, stream dropped); live
     *                           sources may be reopened by the caller
     */
    FrameImage next();

    SourceSpec spec();

    /** Frames per second the source reports, or 0 when unknown. */
    double frameRate();

    @Override
    void close();
}
