package com.faceattend.desktop.support;

import com.faceattend.spi.FrameImage;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

/** Engine frames (packed BGR bytes) as Swing images. */
public final class FrameImages {
    private FrameImages() {
    }

    /**
     * Copies {@code frame} into {@code reuse} when it has the right size (one allocation per
     * video, not per frame), else into a new image. TYPE_3BYTE_BGR has the engine's byte order,
     * so this is a single array copy.
     */
    public static BufferedImage toImage(FrameImage frame, BufferedImage reuse) {
        BufferedImage img = reuse != null && reuse.getWidth() == frame.width() && reuse.getHeight() == frame.height()
                ? reuse : new BufferedImage(frame.width(), frame.height(), BufferedImage.TYPE_3BYTE_BGR);
        byte[] target = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
        System.arraycopy(frame.bgr(), 0, target, 0, target.length);
        return img;
    }
}
