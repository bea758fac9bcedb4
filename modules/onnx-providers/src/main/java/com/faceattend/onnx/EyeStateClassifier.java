package com.faceattend.onnx;

import com.faceattend.spi.FaceBox;
import com.faceattend.spi.FaceLandmarks;
import com.faceattend.spi.FrameImage;
import com.faceattend.spi.ProviderSettings;
import com.faceattend.spi.support.BgrImages;
import java.nio.FloatBuffer;

/**
 * Open or closed eye with {@code fr_eye}: a square grey crop around each eye centre, 24x24, values
 * p/255 (as the model package's JavaScript prepares it); softmax over two classes. The package
 * crops 1.6x the eye's corner-to-corner width from 68 landmarks; from the five alignment points we
 * take 0.72x the interocular distance, the same size for an average face (eye width is about 0.45x
 * the interocular distance). Which class is "open" was established on faces94 (see
 * {@link #OPEN_CLASS}).
 */
final class EyeStateClassifier implements AutoCloseable {
    /**
     * Class index for "open": on the 360 faces94 photos (frontal, every eye open) class 1 wins on
     * 333 (92.5 %, mean probability 0.88); read the other way round, 92.5 % of open eyes would be
     * "closed". See {@code EyeBlinkLivenessCheckTest} and modules/alerts/README.md "Blink".
     */
    static final int OPEN_CLASS = 1;
    static final int SIZE = 24;
    static final float CROP_OF_INTEROCULAR = 0.72f;

    private final OnnxModel model;

    EyeStateClassifier(ProviderSettings settings) {
        this.model = new OnnxModel("fr_eye", new long[] {1, 1, SIZE, SIZE}, "eye-state model", settings);
    }

    /** Probability that the eyes are open: the mean over both eyes. */
    float openProbability(FrameImage frame, FaceLandmarks landmarks) {
        float side = Math.max(4f, landmarks.interocularDistance() * CROP_OF_INTEROCULAR);
        float sum = 0;
        for (int eye = 0; eye < 2; eye++) {
            sum += classProbabilities(frame, landmarks.x(eye), landmarks.y(eye), side)[OPEN_CLASS];
        }
        return sum / 2;
    }

    float[] classProbabilities(FrameImage frame, float cx, float cy, float side) {
        FaceBox box = BgrImages.clampToFrame(new FaceBox(cx - side / 2, cy - side / 2, side, side), frame.width(), frame.height());
        byte[] bgr = BgrImages.cropResize(frame, box, SIZE, SIZE).bgr();
        FloatBuffer in = model.input();
        for (int i = 0; i < SIZE * SIZE; i++) {
            int b = bgr[i * 3] & 0xFF;
            int g = bgr[i * 3 + 1] & 0xFF;
            int r = bgr[i * 3 + 2] & 0xFF;
            in.put((0.114f * b + 0.587f * g + 0.299f * r) / 255f);
        }
        return SilentLivenessCheck.softmax(model.run()[0]);
    }

    @Override
    public void close() {
        model.close();
    }
}
