package com.faceattend.spi;

import java.nio.file.Path;

/**
 * Turns image files (photos to enrol, images to identify, frames of an image folder) into 8-bit BGR
 * {@link FrameImage}s, registered as a service like the other providers. The engine, the command line
 * and the desktop suite decode through whichever decoder is installed, so none of them depends on a
 * particular image library.
 *
 * <p>What comes out is the picture as a person sees it: orientation metadata (EXIF) applied, grey
 * images as three equal channels, deeper images scaled to 8 bits, alpha dropped. Frames carry
 * timestamp 0. Implementations are stateless and thread-safe.
 *
 * <pre>{@code
 * @ServiceProvider(service = ImageDecoder.class)
 * public final class MyDecoder implements ImageDecoder {
 *     public ProviderInfo info() { return new ProviderInfo("my-decoder", "1.0.0", "My decoder", "none", "Me"); }
 *     public FrameImage decode(byte[] encoded, String name) {
 *         // ... or throw new ImageDecodeException("image " + name + " is corrupt", "copy it again");
 *     }
 *     public FrameImage decode(Path file) { ... }
 * }
 * }</pre>
 *
 * @since 0.3
 */
public interface ImageDecoder {
    ProviderInfo info();

    /**
     * Reads and decodes an image file.
     *
     * @throws ImageDecodeException naming the file, the problem and a fix (missing, unreadable, too
     *                              large, not an image, unsupported format, corrupt); never returns null
     */
    FrameImage decode(Path file);

    /**
     * Decodes an encoded image held in memory.
     *
     * @param nameForMessages what to call the image in error messages (a file name or URL)
     * @throws ImageDecodeException naming the image, the problem and a fix; never returns null
     */
    FrameImage decode(byte[] encoded, String nameForMessages);
}
