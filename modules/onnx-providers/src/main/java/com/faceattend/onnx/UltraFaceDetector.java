package com.faceattend.onnx;

import com.faceattend.spi.DetectedFace;
import com.faceattend.spi.FaceBox;
import com.faceattend.spi.TwoStageFaceDetector;
import com.faceattend.spi.FaceLandmarks;
import com.faceattend.spi.FrameImage;
import com.faceattend.spi.ProviderSettings;
import com.faceattend.spi.support.BgrImages;
import com.faceattend.spi.support.NonMaxSuppression;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * UltraFace RFB-320 boxes ({@code fr_detect}) refined by the 68-point landmark model
 * ({@code fr_landmark}) into the five alignment points.
 *
 * <p>The stages are public so the benchmark can time them apart.
 */
public final class UltraFaceDetector implements TwoStageFaceDetector {
    static final int IN_W = 320;
    static final int IN_H = 240;
    private static final int LM_SIZE = 64;

    private final OnnxModel boxes;
    private final OnnxModel landmarks;
    private final float scoreThreshold;
    private final float nmsIou;
    /** Lean: the frame resized straight into the model's planar floats (null: the earlier path). */
    private final Resampler resampler;
    private final float[] planar;

    UltraFaceDetector(ProviderSettings settings) {
        boolean lean = LeanOption.on(settings);
        this.resampler = lean ? new Resampler(IN_W, IN_H) : null;
        this.planar = lean ? new float[3 * IN_W * IN_H] : null;
        this.scoreThreshold = settings.floatOption("scoreThreshold", 0.7f);
        this.nmsIou = settings.floatOption("nmsIou", 0.4f);
        this.boxes = new OnnxModel("fr_detect", new long[] {1, 3, IN_H, IN_W}, "face detector", settings);
        OnnxModel lm;
        try {
            lm = new OnnxModel("fr_landmark", new long[] {1, 1, LM_SIZE, LM_SIZE}, "landmark model", settings);
        } catch (RuntimeException e) {
            boxes.close();
            throw e;
        }
        this.landmarks = lm;
    }

    @Override
    public List<DetectedFace> detect(FrameImage frame) {
        List<ScoredBox> found = detectBoxes(frame);
        List<DetectedFace> faces = new ArrayList<>(found.size());
        for (ScoredBox b : found) {
            faces.add(new DetectedFace(b.box(), b.score(), locateLandmarks(frame, b.box())));
        }
        return faces;
    }

    /**
     * Stage 1: face boxes as the detector draws them (clamped to the frame), best first. The
     * liveness model was trained on these boxes; the landmark stage squares them itself.
     */
    @Override
    public List<ScoredBox> detectBoxes(FrameImage frame) {
        if (resampler != null) {
            resampler.resizeToNormalisedRgb(frame, planar);
            boxes.input().put(planar);
        } else {
            FrameImage small = BgrImages.resize(frame, IN_W, IN_H);
            fillNormalisedRgb(small.bgr(), boxes.input(), IN_W * IN_H);
        }
        float[][] out = boxes.run();
        float[] scores = out[0];
        float[] coords = out[1];
        int anchors = scores.length / 2;
        List<ScoredBox> candidates = new ArrayList<>();
        for (int i = 0; i < anchors; i++) {
            float score = scores[2 * i + 1];
            if (score >= scoreThreshold) {
                float x1 = coords[4 * i] * frame.width(), y1 = coords[4 * i + 1] * frame.height();
                float x2 = coords[4 * i + 2] * frame.width(), y2 = coords[4 * i + 3] * frame.height();
                if (x2 > x1 && y2 > y1) {
                    candidates.add(new ScoredBox(new FaceBox(x1, y1, x2 - x1, y2 - y1), score));
                }
            }
        }
        List<ScoredBox> kept = NonMaxSuppression.greedy(candidates, ScoredBox::score, (a, b) -> a.box().iou(b.box()), nmsIou);
        List<ScoredBox> clamped = new ArrayList<>(kept.size());
        for (ScoredBox b : kept) {
            FaceBox box = BgrImages.clampToFrame(b.box(), frame.width(), frame.height());
            if (box.width() >= 1 && box.height() >= 1) {
                clamped.add(new ScoredBox(box, b.score()));
            }
        }
        return clamped;
    }

    /** Stage 2: the five alignment points of the face in {@code box}. */
    @Override
    public FaceLandmarks locateLandmarks(FrameImage frame, FaceBox box) {
        // The landmark model was trained on square crops of the box's height.
        FaceBox crop = CropWindow.around(square(box, frame.width(), frame.height()), 1f, frame.width(), frame.height());
        FrameImage patch = BgrImages.cropResize(frame, crop, LM_SIZE, LM_SIZE);
        float[] grey = BgrImages.toGrey(patch);
        FloatBuffer in = landmarks.input();
        for (float g : grey) {
            in.put(g / 256f);
        }
        float[] p = landmarks.run()[0];
        return Landmarks68.toFivePoints(p, crop);
    }

    /** A square of the box's height around its centre, clamped to the frame. */
    private static FaceBox square(FaceBox b, int w, int h) {
        float side = b.height();
        float x1 = Math.max(0, b.centerX() - side / 2), y1 = Math.max(0, b.centerY() - side / 2);
        float x2 = Math.min(w - 1, b.centerX() + side / 2), y2 = Math.min(h - 1, b.centerY() + side / 2);
        return new FaceBox(x1, y1, Math.max(1, x2 - x1), Math.max(1, y2 - y1));
    }

    /** BGR bytes to planar RGB, (p - 127) / 128. */
    static void fillNormalisedRgb(byte[] bgr, FloatBuffer out, int pixels) {
        for (int c = 2; c >= 0; c--) {
            for (int i = 0; i < pixels; i++) {
                out.put(((bgr[i * 3 + c] & 0xFF) - 127f) / 128f);
            }
        }
    }

    @Override
    public void close() {
        try (boxes) {
            landmarks.close();
        }
    }
}
