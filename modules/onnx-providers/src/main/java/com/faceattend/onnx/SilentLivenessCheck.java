package com.faceattend.onnx;

import com.faceattend.spi.DetectedFace;
import com.faceattend.spi.FaceBox;
import com.faceattend.spi.FrameImage;
import com.faceattend.spi.LivenessCheck;
import com.faceattend.spi.LivenessResult;
import com.faceattend.spi.ProviderSettings;
import com.faceattend.spi.support.BgrImages;
import java.nio.FloatBuffer;

/**
 * Silent (single-frame) anti-spoofing with {@code fr_liveness}: the face box enlarged 2.7x, area-averaged
 * to 128x128, raw 0..255 values in B, G, R planes; softmax over three classes, class 0 = live. Error
 * rates on 590 images and the options measured: README "Liveness" ({@code faceattend eval liveness}).
 */
public final class SilentLivenessCheck implements LivenessCheck {
    static final float CROP_SCALE = 2.7f;
    private static final int SIZE = 128;

    /** Provider option: {@value #FIT} (default) or {@value #FIXED} (see {@link #crop}). */
    public static final String CROP_OPTION = "crop";
    /** Provider option: {@value #AREA} (default) or {@value #BILINEAR} (see {@link #patch}). */
    public static final String RESAMPLE_OPTION = "resample";
    static final String FIT = "fit", FIXED = "fixed", AREA = "area", BILINEAR = "bilinear";

    private final OnnxModel model;
    private final boolean fixedScale;
    private final boolean areaResample;
    private final boolean lean;

    SilentLivenessCheck(ProviderSettings settings) {
        this.fixedScale = !choice(settings, CROP_OPTION, FIT, FIXED);
        this.areaResample = choice(settings, RESAMPLE_OPTION, AREA, BILINEAR);
        this.lean = LeanOption.on(settings);
        this.model = new OnnxModel("fr_liveness", new long[] {1, 3, SIZE, SIZE}, "liveness model", settings);
    }

    /** True when the option is absent or names the first choice, false for the second. */
    private static boolean choice(ProviderSettings settings, String key, String first, String second) {
        String v = settings.options().getOrDefault(key, first).trim();
        if (!v.equals(first) && !v.equals(second)) {
            throw new IllegalArgumentException("option " + key + " must be " + first + " or " + second + ", was '" + v + "'");
        }
        return v.equals(first);
    }

    /**
     * The region the model sees. {@value #FIT} (default): the model's own recipe, the box enlarged
     * 2.7x about its centre, the enlargement reduced until the window fits the frame, then shifted
     * inside it. {@value #FIXED}: always 2.7x, the border repeated where the window leaves the frame,
     * so the face fills the same share of the input however tightly the picture is framed.
     * Measured on the shared liveness set (README "Liveness"), {@value #FIXED} helps tight face crops
     * but lets 30 % of the CelebA-Spoof attacks through instead of none: the model reads the
     * surroundings of the face (a print's edge, a screen's bezel), which repeated borders wipe out.
     */
    FaceBox crop(FrameImage frame, DetectedFace face) {
        if (!fixedScale) {
            return CropWindow.around(face.box(), CROP_SCALE, frame.width(), frame.height());
        }
        FaceBox b = face.box();
        float w = b.width() * CROP_SCALE, h = b.height() * CROP_SCALE;
        return new FaceBox(b.centerX() - w / 2, b.centerY() - h / 2, w, h);
    }

    /** The 128x128 BGR input: area-averaged by default, so the camera's resolution does not change it. */
    byte[] patch(FrameImage frame, DetectedFace face) {
        FaceBox crop = crop(frame, face);
        if (lean && areaResample) {
            byte[] out = new byte[SIZE * SIZE * 3];
            Resampler.cropResizeArea(frame, crop, SIZE, SIZE, out);
            return out;
        }
        return (areaResample ? BgrImages.cropResizeArea(frame, crop, SIZE, SIZE) : BgrImages.cropResize(frame, crop, SIZE, SIZE)).bgr();
    }

    @Override
    public LivenessResult check(FrameImage frame, DetectedFace face) {
        byte[] patch = patch(frame, face);
        FloatBuffer in = model.input();
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < SIZE * SIZE; i++) {
                in.put(patch[i * 3 + c] & 0xFF);
            }
        }
        float[] logits = model.run()[0];
        return new LivenessResult(softmax(logits)[0]);
    }

    static float[] softmax(float[] logits) {
        float max = Float.NEGATIVE_INFINITY;
        for (float l : logits) {
            max = Math.max(max, l);
        }
        float sum = 0;
        float[] p = new float[logits.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = (float) Math.exp(logits[i] - max);
            sum += p[i];
        }
        for (int i = 0; i < p.length; i++) {
            p[i] = Math.min(1f, p[i] / sum);
        }
        return p;
    }

    @Override
    public void close() {
        model.close();
    }
}
