package com.faceattend.spi.support;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.faceattend.spi.FrameImage;
import java.util.Random;
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

    /**
     * The row-wise resampling (issue 22: MTCNN's pyramid and crops spent much of their time here) gives the same
     * bytes as sampling each pixel with {@link BgrImages#sampleBilinear}, also for regions reaching outside the frame.
     */
    @Test
    void resizeRegionGivesExactlyTheBilinearSampleOfEveryPixel() {
        Random random = new Random(22);
        for (int n = 0; n < 40; n++) {
            FrameImage src = noise(random, 1 + random.nextInt(90), 1 + random.nextInt(90));
            float x = random.nextFloat() * 120 - 20, y = random.nextFloat() * 120 - 20;
            float w = 1 + random.nextFloat() * 100, h = 1 + random.nextFloat() * 100;
            int outW = 1 + random.nextInt(60), outH = 1 + random.nextInt(60);
            byte[] fast = new byte[outW * outH * 3];
            BgrImages.resizeRegion(src, x, y, w, h, outW, outH, fast);
            byte[] reference = new byte[fast.length];
            double sx = (double) w / outW, sy = (double) h / outH;
            for (int oy = 0; oy < outH; oy++) {
                for (int ox = 0; ox < outW; ox++) {
                    BgrImages.sampleBilinear(src.bgr(), src.width(), src.height(), x + (ox + 0.5) * sx - 0.5, y + (oy + 0.5) * sy - 0.5,
                            reference, (oy * outW + ox) * 3);
                }
            }
            assertArrayEquals(reference, fast, "region " + x + "," + y + " " + w + "x" + h + " of " + src.width() + "x" + src.height());
        }
    }

    /** Shrinking averages whole k x k blocks of source pixels (rounded), then resamples to the exact size. */
    @Test
    void shrinkAveragesWholeBlocksBeforeResampling() {
        Random random = new Random(7);
        for (int n = 0; n < 30; n++) {
            FrameImage src = noise(random, 5 + random.nextInt(120), 5 + random.nextInt(120));
            float factor = 0.05f + random.nextFloat() * 0.95f;
            int k = Math.max(1, (int) Math.floor(1f / factor));
            int w = Math.max(1, src.width() / k), h = Math.max(1, src.height() / k);
            byte[] averaged = new byte[w * h * 3];
            for (int i = 0; i < averaged.length; i++) {
                int px = (i / 3) % w, py = (i / 3) / w, c = i % 3, sum = 0;
                for (int dy = 0; dy < k; dy++) {
                    for (int dx = 0; dx < k; dx++) {
                        sum += src.bgr()[((py * k + dy) * src.width() + px * k + dx) * 3 + c] & 0xFF;
                    }
                }
                averaged[i] = (byte) ((sum + k * k / 2) / (k * k));
            }
            FrameImage expected = BgrImages.resize(k > 1 ? new FrameImage(w, h, averaged, 0) : src,
                    Math.max(1, Math.round(src.width() * factor)), Math.max(1, Math.round(src.height() * factor)));
            assertArrayEquals(expected.bgr(), BgrImages.shrink(src, factor).bgr(), "factor " + factor);
        }
    }

    private static FrameImage noise(Random random, int width, int height) {
        byte[] bgr = new byte[width * height * 3];
        random.nextBytes(bgr);
        return new FrameImage(width, height, bgr, 0);
    }
}
