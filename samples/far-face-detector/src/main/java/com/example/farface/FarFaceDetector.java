package com.example.farface;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtLoggingLevel;
import ai.onnxruntime.OrtSession;
import com.faceattend.spi.DetectedFace;
import com.faceattend.spi.FaceBox;
import com.faceattend.spi.FaceDetector;
import com.faceattend.spi.FaceLandmarks;
import com.faceattend.spi.FrameImage;
import com.faceattend.spi.ProviderException;
import com.faceattend.spi.ProviderSettings;
import com.faceattend.spi.support.BgrImages;
import com.faceattend.spi.support.NonMaxSuppression;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * MediaPipe BlazeFace, back-camera model: 256x256 input, trained for faces that fill a small part of
 * the picture (a camera across a room), where the short-range 128x128 model FaceAttend ships is made
 * for faces at arm's length. The whole frame is letterboxed to a square and area-averaged down to
 * 256 pixels (plain bilinear sampling would alias small faces away).
 *
 * <p>Decoding follows MediaPipe: 896 fixed anchors, 16x16 cells with 2 anchors at stride 16 and 8x8
 * cells with 6 at stride 32; each regresses a box and six keypoints in input pixels from its cell
 * centre; scores are logits; overlapping hits are blended by score (MediaPipe's weighted NMS).
 */
final class FarFaceDetector implements FaceDetector {
    static final int SIZE = 256;
    private static final int ANCHORS = 896;
    /** ArcFace's template: half the mouth width per eye distance (29.18 / 35.24 / 2), for the mouth corners BlazeFace lacks. */
    private static final float HALF_MOUTH_PER_EYE_DISTANCE = 0.414f;
    private static final float[] ANCHOR_XY = anchorCentres();

    private final OrtEnvironment env = OrtEnvironment.getEnvironment();
    private final OrtSession session;
    private final String input;
    private final float scoreThreshold;
    private final float nmsIou;

    FarFaceDetector(byte[] model, ProviderSettings settings) {
        this.scoreThreshold = settings.floatOption("scoreThreshold", 0.65f);
        this.nmsIou = settings.floatOption("nmsIou", 0.3f);
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(Math.max(1, settings.intraOpThreads()));
            // the converted model carries a few unused constants; ONNX Runtime would warn about each at every load
            options.setSessionLogLevel(OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR);
            this.session = env.createSession(model, options);
            this.input = session.getInputNames().iterator().next();
        } catch (OrtException e) {
            throw new ProviderException("ONNX Runtime cannot load the far-face model: " + e.getMessage(),
                    "rebuild the plugin jar (mvn clean package) and install it again", e);
        }
    }

    /** One anchor's hit: score, then box centre x, y, width, height and six keypoints (x, y), in input pixels. */
    private record Hit(float score, float[] v) { }

    @Override
    public List<DetectedFace> detect(FrameImage frame) {
        int side = Math.max(frame.width(), frame.height());
        float padX = (side - frame.width()) / 2f, padY = (side - frame.height()) / 2f;
        FrameImage square = BgrImages.cropResizeArea(frame, new FaceBox(-padX, -padY, side, side), SIZE, SIZE);
        float scale = side / (float) SIZE;
        List<DetectedFace> faces = new ArrayList<>();
        for (Hit h : blend(run(square))) {
            float[] v = h.v();
            float w = v[2] * scale, ht = v[3] * scale;
            FaceBox box = BgrImages.clampToFrame(new FaceBox(v[0] * scale - padX - w / 2, v[1] * scale - padY - ht / 2, w, ht),
                    frame.width(), frame.height());
            if (box.width() < 1 || box.height() < 1) {
                continue;
            }
            float[] kp = new float[12];
            for (int k = 0; k < 12; k += 2) {
                kp[k] = v[4 + k] * scale - padX;
                kp[k + 1] = v[5 + k] * scale - padY;
            }
            faces.add(new DetectedFace(box, h.score(), fivePoints(kp)));
        }
        return faces;
    }

    /** The model on one 256x256 BGR square: every anchor above the score threshold. */
    private List<Hit> run(FrameImage square) {
        byte[] p = square.bgr();
        float[] rgb = new float[p.length];
        for (int i = 0; i < p.length; i += 3) { // NHWC, RGB in -1..1
            rgb[i] = (p[i + 2] & 0xFF) / 127.5f - 1f;
            rgb[i + 1] = (p[i + 1] & 0xFF) / 127.5f - 1f;
            rgb[i + 2] = (p[i] & 0xFF) / 127.5f - 1f;
        }
        try (OnnxTensor in = OnnxTensor.createTensor(env, FloatBuffer.wrap(rgb), new long[] {1, SIZE, SIZE, 3});
             OrtSession.Result out = session.run(Map.of(input, in))) {
            // outputs told apart by shape: scores [1,512,1] and [1,384,1], regressors [1,512,16] and [1,384,16]
            float[] scores = new float[ANCHORS];
            float[] regs = new float[ANCHORS * 16];
            for (var entry : out) {
                float[][][] t = (float[][][]) entry.getValue().getValue();
                int n = t[0].length, offset = n == 512 ? 0 : 512;
                for (int a = 0; a < n; a++) {
                    if (t[0][a].length == 1) {
                        scores[offset + a] = t[0][a][0];
                    } else {
                        System.arraycopy(t[0][a], 0, regs, (offset + a) * 16, 16);
                    }
                }
            }
            List<Hit> hits = new ArrayList<>();
            for (int a = 0; a < ANCHORS; a++) {
                float score = (float) (1 / (1 + Math.exp(-Math.max(-100f, Math.min(100f, scores[a])))));
                if (score < scoreThreshold) {
                    continue;
                }
                float[] v = new float[16];
                System.arraycopy(regs, a * 16, v, 0, 16);
                float ax = ANCHOR_XY[2 * a] * SIZE, ay = ANCHOR_XY[2 * a + 1] * SIZE;
                v[0] += ax;
                v[1] += ay;
                for (int k = 4; k < 16; k += 2) {
                    v[k] += ax;
                    v[k + 1] += ay;
                }
                hits.add(new Hit(score, v));
            }
            return hits;
        } catch (OrtException e) {
            throw new ProviderException("the far-face model failed on a frame: " + e.getMessage(),
                    "report it with the frame size; restart the station to reload the plugin", e);
        }
    }

    /** MediaPipe's weighted NMS: each face is the score-weighted mean of the hits its best hit overlaps. */
    private List<Hit> blend(List<Hit> hits) {
        List<Hit> faces = new ArrayList<>();
        for (List<Hit> cluster : NonMaxSuppression.clusters(hits, Hit::score, (a, b) -> iou(a.v(), b.v()), nmsIou)) {
            float[] mean = new float[16];
            float total = 0;
            for (Hit h : cluster) {
                for (int k = 0; k < 16; k++) {
                    mean[k] += h.v()[k] * h.score();
                }
                total += h.score();
            }
            for (int k = 0; k < 16; k++) {
                mean[k] /= total;
            }
            faces.add(new Hit(cluster.getFirst().score(), mean));
        }
        return faces;
    }

    private static float iou(float[] a, float[] b) {
        float w = Math.min(a[0] + a[2] / 2, b[0] + b[2] / 2) - Math.max(a[0] - a[2] / 2, b[0] - b[2] / 2);
        float h = Math.min(a[1] + a[3] / 2, b[1] + b[3] / 2) - Math.max(a[1] - a[3] / 2, b[1] - b[3] / 2);
        if (w <= 0 || h <= 0) {
            return 0;
        }
        return w * h / (a[2] * a[3] + b[2] * b[3] - w * h);
    }

    /**
     * FaceAttend's five points (eyes, nose tip, mouth corners) from BlazeFace's six (eyes, nose tip,
     * mouth centre, ears): the corners go either side of the mouth centre along the eye line.
     */
    static FaceLandmarks fivePoints(float[] kp) {
        float ex = kp[2] - kp[0], ey = kp[3] - kp[1];
        float mx = kp[6], my = kp[7];
        return new FaceLandmarks(new float[] {kp[0], kp[1], kp[2], kp[3], kp[4], kp[5],
                mx - HALF_MOUTH_PER_EYE_DISTANCE * ex, my - HALF_MOUTH_PER_EYE_DISTANCE * ey,
                mx + HALF_MOUTH_PER_EYE_DISTANCE * ex, my + HALF_MOUTH_PER_EYE_DISTANCE * ey});
    }

    /** Anchor centres (x, y in 0..1): 16x16 cells with 2 anchors each, then 8x8 cells with 6 each. */
    private static float[] anchorCentres() {
        float[] xy = new float[2 * ANCHORS];
        int n = 0;
        for (int[] layer : new int[][] {{16, 2}, {8, 6}}) {
            int grid = layer[0];
            for (int y = 0; y < grid; y++) {
                for (int x = 0; x < grid; x++) {
                    for (int k = 0; k < layer[1]; k++) {
                        xy[n++] = (x + 0.5f) / grid;
                        xy[n++] = (y + 0.5f) / grid;
                    }
                }
            }
        }
        return xy;
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new ProviderException("cannot close the far-face model: " + e.getMessage(), "restart FaceAttend", e);
        }
    }
}
