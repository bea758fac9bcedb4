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
 * Silent (single-frame) anti-spoofing with {@code fr_liveness}: the face box enlarged 2.7x, 128x128,
 * raw 0..255 values in B, G, R planes; softmax over three classes, class 0 = live (established on
 * the shared liveness samples: see README "Liveness").
 */
public final class SilentLivenessCheck implements LivenessCheck {
    static final float CROP_SCALE = 2.7f;
    private static final int SIZE = 128;

    private final OnnxModel model;

    SilentLivenessCheck(ProviderSettings settings) {
        this.model = new OnnxModel("fr_liveness", new long[] {1, 3, SIZE, SIZE}, "liveness model", settings);
    }

    @Override
    public LivenessResult check(FrameImage frame, DetectedFace face) {
        FaceBox crop = CropWindow.around(face.box(), CROP_SCALE, frame.width(), frame.height());
        byte[] patch = BgrImages.cropResize(frame, crop, SIZE, SIZE).bgr();
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
