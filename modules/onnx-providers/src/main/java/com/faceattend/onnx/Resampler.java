package com.faceattend.onnx;

import com.faceattend.spi.FaceBox;
import com.faceattend.spi.FrameImage;
import com.faceattend.spi.support.BgrImages;

/**
 * The SDK's bilinear and area resamplers ({@link BgrImages#resizeRegion}, {@link BgrImages#cropResizeArea})
 * with the same arithmetic in the same order, so the bytes are identical (a test compares them), but
 * with each column's and row's sample positions and weights worked out once instead of per pixel
 * and per channel. They were the station's largest Java cost per frame: the detector's resize of
 * every frame and the liveness crop (up to 9 samples per pixel), about 40 % of the Java samples in a
 * profile of {@code bench --pacing-only}.
 */
final class Resampler {
    /** One axis of sample positions: the two neighbours and the weight of the second. */
    private record Axis(int[] lo, int[] hi, float[] weight) {
        /** Samples {@code start + (o + 0.5) * step - 0.5} for o in 0..count-1, as BgrImages.resizeRegion. */
        static Axis bilinear(float start, float length, int count, int size) {
            double step = (double) length / count;
            Axis a = new Axis(new int[count], new int[count], new float[count]);
            for (int o = 0; o < count; o++) {
                a.set(o, start + (o + 0.5) * step - 0.5, size);
            }
            return a;
        }

        /** n samples per output pixel, as BgrImages.cropResizeArea spreads them. */
        static Axis area(float start, float length, int count, int n, int size) {
            double step = (double) length / count;
            Axis a = new Axis(new int[count * n], new int[count * n], new float[count * n]);
            for (int o = 0; o < count; o++) {
                for (int k = 0; k < n; k++) {
                    a.set(o * n + k, start + o * step + (k + 0.5) * step / n - 0.5, size);
                }
            }
            return a;
        }

        private void set(int i, double f, int size) {
            int f0 = (int) Math.floor(f);
            weight[i] = (float) (f - f0);
            lo[i] = clamp(f0, size);
            hi[i] = clamp(f0 + 1, size);
        }
    }

    private final int outW;
    private final int outH;
    private int tableW = -1;
    private int tableH = -1;
    private Axis columns;
    private Axis rows;

    /** A resizer of whole frames to {@code outW x outH}; it keeps its tables while the frame size stays. */
    Resampler(int outW, int outH) {
        this.outW = outW;
        this.outH = outH;
    }

    /**
     * The whole frame resized to this resampler's size, as {@code BgrImages.resize}, written straight
     * into planar R, G, B floats {@code (v - 127) / 128} (UltraFace's input).
     */
    void resizeToNormalisedRgb(FrameImage src, float[] planar) {
        if (src.width() != tableW || src.height() != tableH) {
            columns = Axis.bilinear(0, src.width(), outW, src.width());
            rows = Axis.bilinear(0, src.height(), outH, src.height());
            tableW = src.width();
            tableH = src.height();
        }
        byte[] p = src.bgr();
        int plane = outW * outH;
        if (src.width() == outW && src.height() == outH) { // BgrImages.resize returns such a frame as it is
            for (int i = 0; i < plane; i++) {
                for (int c = 0; c < 3; c++) {
                    planar[(2 - c) * plane + i] = ((p[i * 3 + c] & 0xFF) - 127f) / 128f;
                }
            }
            return;
        }
        int w = src.width();
        for (int oy = 0; oy < outH; oy++) {
            int rowA = rows.lo[oy] * w, rowB = rows.hi[oy] * w;
            float wy = rows.weight[oy];
            for (int ox = 0; ox < outW; ox++) {
                int xa = columns.lo[ox], xb = columns.hi[ox];
                float wx = columns.weight[ox];
                int i00 = (rowA + xa) * 3, i01 = (rowA + xb) * 3, i10 = (rowB + xa) * 3, i11 = (rowB + xb) * 3;
                int o = oy * outW + ox;
                for (int c = 0; c < 3; c++) {
                    int v = bilinear(p, i00 + c, i01 + c, i10 + c, i11 + c, wx, wy);
                    planar[(2 - c) * plane + o] = (v - 127f) / 128f;
                }
            }
        }
    }

    /** As {@link BgrImages#cropResizeArea}, into {@code out} ({@code outW x outH x 3} bytes). */
    static void cropResizeArea(FrameImage src, FaceBox box, int outW, int outH, byte[] out) {
        int n = (int) Math.ceil(Math.max(box.width() / outW, box.height() / outH) - 1e-6);
        Axis cols, rws;
        if (n <= 1) { // BgrImages falls back to one bilinear sample per pixel
            n = 1;
            cols = Axis.bilinear(box.x(), box.width(), outW, src.width());
            rws = Axis.bilinear(box.y(), box.height(), outH, src.height());
        } else {
            cols = Axis.area(box.x(), box.width(), outW, n, src.width());
            rws = Axis.area(box.y(), box.height(), outH, n, src.height());
        }
        byte[] p = src.bgr();
        int w = src.width();
        int count = n * n;
        for (int oy = 0; oy < outH; oy++) {
            for (int ox = 0; ox < outW; ox++) {
                int s0 = 0, s1 = 0, s2 = 0;
                for (int j = 0; j < n; j++) {
                    int ry = oy * n + j;
                    int rowA = rws.lo[ry] * w, rowB = rws.hi[ry] * w;
                    float wy = rws.weight[ry];
                    for (int i = 0; i < n; i++) {
                        int cx = ox * n + i;
                        int xa = cols.lo[cx], xb = cols.hi[cx];
                        float wx = cols.weight[cx];
                        int i00 = (rowA + xa) * 3, i01 = (rowA + xb) * 3, i10 = (rowB + xa) * 3, i11 = (rowB + xb) * 3;
                        s0 += bilinear(p, i00, i01, i10, i11, wx, wy);
                        s1 += bilinear(p, i00 + 1, i01 + 1, i10 + 1, i11 + 1, wx, wy);
                        s2 += bilinear(p, i00 + 2, i01 + 2, i10 + 2, i11 + 2, wx, wy);
                    }
                }
                int o = (oy * outW + ox) * 3;
                if (count == 1) {
                    out[o] = (byte) s0;
                    out[o + 1] = (byte) s1;
                    out[o + 2] = (byte) s2;
                } else {
                    out[o] = (byte) ((s0 + count / 2) / count);
                    out[o + 1] = (byte) ((s1 + count / 2) / count);
                    out[o + 2] = (byte) ((s2 + count / 2) / count);
                }
            }
        }
    }

    /** BgrImages.sampleBilinear for one channel, as an unsigned byte value. */
    private static int bilinear(byte[] p, int i00, int i01, int i10, int i11, float wx, float wy) {
        float top = (p[i00] & 0xFF) * (1 - wx) + (p[i01] & 0xFF) * wx;
        float bottom = (p[i10] & 0xFF) * (1 - wx) + (p[i11] & 0xFF) * wx;
        return ((byte) (top * (1 - wy) + bottom * wy + 0.5f)) & 0xFF;
    }

    private static int clamp(int v, int size) {
        return v < 0 ? 0 : (v >= size ? size - 1 : v);
    }
}
