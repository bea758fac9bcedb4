package com.faceattend.comparison;

import static org.bytedeco.opencv.global.opencv_core.CV_32SC1;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import com.faceattend.engine.providers.ProviderRegistry;
import com.faceattend.spi.FaceBox;
import com.faceattend.spi.FacePrescreen;
import com.faceattend.spi.FrameImage;
import com.faceattend.spi.ProviderSettings;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_face.LBPHFaceRecognizer;

/**
 * Outside reference: the classic attendance recipe. OpenCV's Haar cascade finds faces (full resolution,
 * {@code minNeighbors} 5 as the OpenCV tutorials use), the box is cropped grey and scaled to 100x100 without
 * alignment, and OpenCV's {@link LBPHFaceRecognizer} (radius 1, 8 neighbours, 8x8 grid) turns it into its
 * spatial LBP histogram. Two faces are compared by the chi-square distance LBPH's own {@code predict} uses
 * ({@code HISTCMP_CHISQR_ALT}); nearest-template identification over these histograms is exactly what an
 * LBPH recogniser trained on the enrolment photos predicts.
 */
final class LbphContender implements Contender {
    static final String DETECT = "detect";
    static final String EMBED = "crop+LBP histogram";
    private static final int CROP = 100;

    private final FacePrescreen haar;
    private final LBPHFaceRecognizer lbph = LBPHFaceRecognizer.create(1, 8, 8, 8, Double.MAX_VALUE);
    private final StageTimes times = new StageTimes();

    LbphContender(ProviderRegistry registry) {
        // maxWidth far above any test image: the classic recipe runs the cascade at full resolution
        haar = registry.prescreen("opencv-haar").create(new ProviderSettings(1,
                Map.of("maxWidth", "100000", "minNeighbors", "5", "scaleFactor", "1.1")));
    }

    @Override
    public String detector() {
        return "opencv-haar (reference)";
    }

    @Override
    public String embedder() {
        return "opencv-lbph (reference)";
    }

    @Override
    public boolean installed() {
        return false;
    }

    @Override
    public String scoring() {
        return "negated LBPH chi-square distance (HISTCMP_CHISQR_ALT) between LBP histograms of the unaligned 100x100 grey Haar crop";
    }

    @Override
    public List<Face> analyse(FrameImage image, Describe describe) {
        List<FaceBox> boxes = times.time(DETECT, () -> haar.candidates(image));
        List<FaceBox> toDescribe = switch (describe) {
            case NONE -> boxes;
            case CENTRAL -> CentralFace.pick(boxes, b -> b, image.width(), image.height()).stream().toList();
            case ALL -> boxes;
        };
        List<Face> out = new ArrayList<>();
        for (FaceBox box : toDescribe) {
            out.add(new Face(box, describe == Describe.NONE ? null : times.time(EMBED, () -> histogram(image, box))));
        }
        return out;
    }

    private float[] histogram(FrameImage image, FaceBox box) {
        try (PointerScope scope = new PointerScope()) {
            Mat bgr = new Mat(image.height(), image.width(), CV_8UC3);
            bgr.data().put(image.bgr());
            int x = Math.max(0, Math.round(box.x())), y = Math.max(0, Math.round(box.y()));
            int w = Math.min(image.width() - x, Math.round(box.width())), h = Math.min(image.height() - y, Math.round(box.height()));
            Mat grey = new Mat();
            cvtColor(new Mat(bgr, new Rect(x, y, Math.max(1, w), Math.max(1, h))), grey, COLOR_BGR2GRAY);
            Mat face = new Mat();
            resize(grey, face, new Size(CROP, CROP), 0, 0, INTER_AREA);
            Mat labels = new Mat(1, 1, CV_32SC1);
            labels.ptr(0).putInt(0);
            lbph.train(new MatVector(face), labels); // one image: LBPH stores exactly its histogram
            Mat hist = lbph.getHistograms().get(0);
            float[] out = new float[(int) hist.total()];
            FloatBuffer fb = hist.createBuffer();
            fb.get(out);
            return out;
        }
    }

    @Override
    public double similarity(float[] a, float[] b) {
        double chi = 0;
        for (int i = 0; i < a.length; i++) {
            double sum = a[i] + b[i];
            if (sum > 1e-10) { // OpenCV's compareHist skips empty bins the same way
                double d = a[i] - b[i];
                chi += d * d / sum;
            }
        }
        return -2 * chi;
    }

    @Override
    public StageTimes times() {
        return times;
    }

    @Override
    public void close() {
        haar.close();
        lbph.close();
    }
}
