package com.faceattend.spi;

import java.util.Objects;

/**
 * A face warped so that its five landmarks sit on the standard 112x112 ArcFace template,
 * BGR interleaved.
 *
 * @since 0.1
 */
public record AlignedFace(int size, byte[] bgr) {
    public static final int ARCFACE_SIZE = 112;

    public AlignedFace {
        Objects.requireNonNull(bgr, "bgr");
        if (size <= 0 || bgr.length != size * size * 3) {
            throw new IllegalArgumentException("aligned face must be size*size*3 bytes");
        }
    }

    /** The same face mirrored left-right (for flip-averaged embeddings). */
    public AlignedFace mirrored() {
        byte[] out = new byte[bgr.length];
        for (int y = 0; y < size; y++) {
            int row = y * size * 3;
            for (int x = 0; x < size; x++) {
                System.arraycopy(bgr, row + x * 3, out, row + (size - 1 - x) * 3, 3);
            }
        }
        return new AlignedFace(size, out);
    }
}
