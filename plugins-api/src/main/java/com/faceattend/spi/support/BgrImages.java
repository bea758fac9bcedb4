package com.faceattend.spi.support;

import com.faceattend.spi.FaceBox;
import com.faceattend.spi.FrameImage;
import java.util.Arrays;

/**
 * Pixel operations on interleaved BGR frames in plain Java, so the engine and the ONNX providers
 * need no native image library on the hot path. Every method leaves its input untouched.
 *
 * <pre>{@code
 * FrameImage small = BgrImages.resize(frame, 320, 240);               // a detector's input size
 * FrameImage patch = BgrImages.cropResize(frame, face.box(), 56, 56);  // a landmark model's input
 * float[] grey = BgrImages.toGrey(patch);                             // luma, 0..255
 * }</pre>
 *
 * @since 0.3 (before: {@code com.faceattend.engine.image.BgrImages}, not part of the SDK)
 */
public final class BgrImages {
    private BgrImages() {
    }

    /**
     * Bilinear resize of {@code src} to {@code width x height} (no aspect preservation).
     * Pixel centres are aligned as in OpenCV's {@code INTER_LINEAR}.
     */
    public static FrameImage resize(FrameImage src, int width, int height) {
        if (src.width() == width && src.height() == height) {
            return src;
        }
        byte[] out = new byte[width * height * 3];
        resizeRegion(src, 0, 0, src.width(), src.height(), width, height, out);
        return new FrameImage(width, height, out, src.timestampMillis());
    }

    /** Resize keeping the aspect ratio so that the width is at most {@code maxWidth}. */
    public static FrameImage limitWidth(FrameImage src, int maxWidth) {
        if (maxWidth <= 0 || src.width() <= maxWidth) {
            return src;
        }
        int h = Math.max(1, Math.round(src.height() * (maxWidth / (float) src.width())));
        return resize(src, maxWidth, h);
    }

    /**
     * Bilinear resample of the region (x, y, w, h) of {@code src} (may reach outside the frame;
     * outside pixels replicate the border) into {@code out}, {@code outW x outH x 3} bytes.
     */
    public static void resizeRegion(FrameImage src, float x, float y, float w, float h, int outW, int outH, byte[] out) {
        double sx = (double) w / outW;
        double sy = (double) h / outH;
        int sw = src.width();
        int shh = src.height();
        byte[] p = src.bgr();
        // the column positions and weights are the same on every row: computed once, exactly as sampleBilinear does
        int[] left = new int[outW], right = new int[outW];
        float[] wxs = new float[outW];
        for (int ox = 0; ox < outW; ox++) {
            double fx = x + (ox + 0.5) * sx - 0.5;
            int x0 = (int) Math.floor(fx);
            wxs[ox] = (float) (fx - x0);
            left[ox] = clamp(x0, sw) * 3;
            right[ox] = clamp(x0 + 1, sw) * 3;
        }
        for (int oy = 0; oy < outH; oy++) {
            double fy = y + (oy + 0.5) * sy - 0.5;
            int y0 = (int) Math.floor(fy);
            float wy = (float) (fy - y0);
            int top = clamp(y0, shh) * sw * 3, bottom = clamp(y0 + 1, shh) * sw * 3;
            for (int ox = 0, o = oy * outW * 3; ox < outW; ox++, o += 3) {
                float wx = wxs[ox];
                int i00 = top + left[ox], i01 = top + right[ox], i10 = bottom + left[ox], i11 = bottom + right[ox];
                for (int c = 0; c < 3; c++) {
                    float t = (p[i00 + c] & 0xFF) * (1 - wx) + (p[i01 + c] & 0xFF) * wx;
                    float b = (p[i10 + c] & 0xFF) * (1 - wx) + (p[i11 + c] & 0xFF) * wx;
                    out[o + c] = (byte) (t * (1 - wy) + b * wy + 0.5f);
                }
            }
        }
    }

    /**
     * Writes the bilinear sample of image {@code p} ({@code w x h} BGR) at (fx, fy) into
     * {@code out[o..o+2]}; coordinates outside the image replicate its border.
     */
    public static void sampleBilinear(byte[] p, int w, int h, double fx, double fy, byte[] out, int o) {
        int x0 = (int) Math.floor(fx), y0 = (int) Math.floor(fy);
        float wx = (float) (fx - x0), wy = (float) (fy - y0);
        int xa = clamp(x0, w), xb = clamp(x0 + 1, w), ya = clamp(y0, h), yb = clamp(y0 + 1, h);
        int i00 = (ya * w + xa) * 3, i01 = (ya * w + xb) * 3, i10 = (yb * w + xa) * 3, i11 = (yb * w + xb) * 3;
        for (int c = 0; c < 3; c++) {
            float top = (p[i00 + c] & 0xFF) * (1 - wx) + (p[i01 + c] & 0xFF) * wx;
            float bottom = (p[i10 + c] & 0xFF) * (1 - wx) + (p[i11 + c] & 0xFF) * wx;
            out[o + c] = (byte) (top * (1 - wy) + bottom * wy + 0.5f);
        }
    }

    /**
     * Shrinks an image by {@code factor} (0 < factor ≤ 1) the way a camera far away would see it:
     * box-filter averaging over whole source pixels first (no aliasing), then bilinear to the exact size.
     */
    public static FrameImage shrink(FrameImage src, float factor) {
        if (!(factor > 0f && factor <= 1f)) {
            throw new IllegalArgumentException("shrink factor must be in (0, 1], was " + factor);
        }
        int k = Math.max(1, (int) Math.floor(1f / factor));
        FrameImage averaged = src;
        if (k > 1) {
            int w = Math.max(1, src.width() / k), h = Math.max(1, src.height() / k);
            byte[] p = src.bgr();
            byte[] out = new byte[w * h * 3];
            int area = k * k;
            int stride = src.width() * 3;
            int used = w * k * 3; // the source columns the blocks cover
            // row by row: the k rows of a block band are first added column-wise (a straight loop over bytes), then
            // k columns at a time; integer sums, so the same values as adding each k x k block pixel by pixel
            int[] columns = new int[used];
            for (int y = 0; y < h; y++) {
                Arrays.fill(columns, 0);
                for (int dy = 0; dy < k; dy++) {
                    int row = (y * k + dy) * stride;
                    for (int i = 0; i < used; i++) {
                        columns[i] += p[row + i] & 0xFF;
                    }
                }
                for (int x = 0, o = y * w * 3; x < w; x++, o += 3) {
                    int b = 0, g = 0, r = 0;
                    for (int i = x * k * 3, end = i + k * 3; i < end; i += 3) {
                        b += columns[i];
                        g += columns[i + 1];
                        r += columns[i + 2];
                    }
                    out[o] = (byte) ((b + area / 2) / area);
                    out[o + 1] = (byte) ((g + area / 2) / area);
                    out[o + 2] = (byte) ((r + area / 2) / area);
                }
            }
            averaged = new FrameImage(w, h, out, src.timestampMillis());
        }
        return resize(averaged, Math.max(1, Math.round(src.width() * factor)), Math.max(1, Math.round(src.height() * factor)));
    }

    /** Crop and resize a box into a new {@code size x size} image. */
    public static FrameImage cropResize(FrameImage src, FaceBox box, int outW, int outH) {
        byte[] out = new byte[outW * outH * 3];
        resizeRegion(src, box.x(), box.y(), box.width(), box.height(), outW, outH, out);
        return new FrameImage(outW, outH, out, src.timestampMillis());
    }

    /**
     * Crop and resize like {@link #cropResize}, but each output pixel averages {@code n x n} bilinear
     * samples spread over its footprint in the source (n = how many source pixels one output pixel
     * spans, rounded up): an area filter. Plain bilinear sampling of a large face into a small model
     * input aliases, so the result would depend on the camera's resolution; averaging makes a 400 px
     * face and the same face at 200 px give nearly the same crop. Outside the frame the border repeats.
     */
    public static FrameImage cropResizeArea(FrameImage src, FaceBox box, int outW, int outH) {
        int n = (int) Math.ceil(Math.max(box.width() / outW, box.height() / outH) - 1e-6);
        if (n <= 1) {
            return cropResize(src, box, outW, outH);
        }
        byte[] out = new byte[outW * outH * 3];
        byte[] sample = new byte[3];
        double sx = (double) box.width() / outW, sy = (double) box.height() / outH;
        int[] sum = new int[3];
        int count = n * n;
        for (int oy = 0; oy < outH; oy++) {
            for (int ox = 0; ox < outW; ox++) {
                sum[0] = sum[1] = sum[2] = 0;
                for (int j = 0; j < n; j++) {
                    double fy = box.y() + oy * sy + (j + 0.5) * sy / n - 0.5;
                    for (int i = 0; i < n; i++) {
                        double fx = box.x() + ox * sx + (i + 0.5) * sx / n - 0.5;
                        sampleBilinear(src.bgr(), src.width(), src.height(), fx, fy, sample, 0);
                        sum[0] += sample[0] & 0xFF;
                        sum[1] += sample[1] & 0xFF;
                        sum[2] += sample[2] & 0xFF;
                    }
                }
                int o = (oy * outW + ox) * 3;
                for (int c = 0; c < 3; c++) {
                    out[o + c] = (byte) ((sum[c] + count / 2) / count);
                }
            }
        }
        return new FrameImage(outW, outH, out, src.timestampMillis());
    }

    /** ITU-R BT.601 luma of each pixel, 0..255. */
    public static float[] toGrey(FrameImage src) {
        byte[] p = src.bgr();
        float[] grey = new float[src.width() * src.height()];
        for (int i = 0, j = 0; i < grey.length; i++, j += 3) {
            grey[i] = 0.114f * (p[j] & 0xFF) + 0.587f * (p[j + 1] & 0xFF) + 0.299f * (p[j + 2] & 0xFF);
        }
        return grey;
    }

    /** A box clamped to lie inside the frame (may become empty). */
    public static FaceBox clampToFrame(FaceBox box, int width, int height) {
        float x1 = Math.max(0, box.x());
        float y1 = Math.max(0, box.y());
        float x2 = Math.min(width, box.x() + box.width());
        float y2 = Math.min(height, box.y() + box.height());
        return new FaceBox(x1, y1, Math.max(0, x2 - x1), Math.max(0, y2 - y1));
    }

    private static int clamp(int v, int size) {
        return v < 0 ? 0 : (v >= size ? size - 1 : v);
    }
}
