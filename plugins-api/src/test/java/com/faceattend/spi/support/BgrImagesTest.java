package com.faceattend.spi.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.faceattend.spi.FrameImage;
import org.junit.jupiter.api.Test;

class BgrImagesTest {

    @Test
    void downscalingByTwoAveragesPixelPairs() {
        byte[] bgr = new byte[4 * 2 * 3];
        int[] values = {0, 100, 200, 50, 10, 110, 210, 60};
        for (int i = 0; i < 8; i++) {
            bgr[i * 3] = bgr[i * 3 + 1] = bgr[i * 3 + 2] = (byte) values[i];
        }
        FrameImage half = BgrImages.resize(new FrameImage(4, 2, bgr, 0), 2, 1);
        assertEquals(55, half.bgr()[0] & 0xFF); // mean of 0, 100, 10, 110
        assertEquals(130, half.bgr()[3] & 0xFF); // mean of 200, 50, 210, 60
    }

    @Test
    void limitWidthKeepsTheAspectRatio() {
        FrameImage big = new FrameImage(1920, 1080, new byte[1920 * 1080 * 3], 5);
        FrameImage small = BgrImages.limitWidth(big, 640);
        assertEquals(640, small.width());
        assertEquals(360, small.height());
        assertEquals(5, small.timestampMillis());
        assertEquals(big, BgrImages.limitWidth(big, 0));
    }

    @Test
    void greyUsesLumaWeights() {
        byte[] bgr = {(byte) 255, 0, 0, 0, (byte) 255, 0, 0, 0, (byte) 255};
        float[] grey = BgrImages.toGrey(new FrameImage(3, 1, bgr, 0));
        assertEquals(0.114f * 255, grey[0], 1e-3);
        assertEquals(0.587f * 255, grey[1], 1e-3);
        assertEquals(0.299f * 255, grey[2], 1e-3);
    }
}
