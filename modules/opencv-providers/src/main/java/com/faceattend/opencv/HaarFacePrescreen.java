package com.faceattend.opencv;

import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.equalizeHist;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import com.faceattend.spi.FaceBox;
import com.faceattend.spi.FacePrescreen;
import com.faceattend.spi.FrameImage;
import com.faceattend.spi.ProviderException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.RectVector;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_objdetect.CascadeClassifier;

/**
 * OpenCV cascade face pre-screen. Runs on a grey copy of the frame scaled down to at most
 * {@code maxWidth} pixels wide, so its cost barely depends on the camera resolution; boxes are
 * scaled back to frame pixels. Faces smaller than the cascade window (24 px for the default Haar
 * cascade) at that scale are missed: at 320 px wide that means faces under about 7.5 % of the
 * frame width. Not thread-safe; close it.
 */
public final class HaarFacePrescreen implements FacePrescreen {
    private final CascadeClassifier cascade;
    private final int maxWidth;
    private final int minNeighbors;
    private final double scaleFactor;
    private boolean closed;

    HaarFacePrescreen(Path cascadeFile, int maxWidth, int minNeighbors, double scaleFactor) {
        this.maxWidth = maxWidth;
        this.minNeighbors = minNeighbors;
        this.scaleFactor = scaleFactor;
        CascadeClassifier c = new CascadeClassifier();
        if (!c.load(cascadeFile.toString()) || c.empty()) {
            c.close();
            throw new ProviderException("face cascade " + cascadeFile + " could not be loaded",
                    "delete the folder ~/.javacpp/cache so it is extracted again, or reinstall FaceAttend");
        }
        this.cascade = c;
    }

    @Override
    public List<FaceBox> candidates(FrameImage frame) {
        if (closed) {
            throw new IllegalStateException("pre-screen is closed");
        }
        double scale = frame.width() > maxWidth ? (double) maxWidth / frame.width() : 1.0;
        try (PointerScope scope = new PointerScope()) {
            Mat bgr = Mats.toMat(frame);
            Mat grey = new Mat();
            cvtColor(bgr, grey, COLOR_BGR2GRAY); // grey first: resizing one channel is cheaper than three
            Mat small = grey;
            if (scale < 1.0) {
                small = new Mat();
                int h = Math.max(1, (int) Math.round(frame.height() * scale));
                resize(grey, small, new Size(maxWidth, h), 0, 0, INTER_AREA); // INTER_AREA: no aliasing
            }
            equalizeHist(small, small); // cascades were trained on equalised faces: helps dim and backlit frames
            RectVector found = new RectVector();
            cascade.detectMultiScale(small, found, scaleFactor, minNeighbors, 0, new Size(), new Size());
            List<FaceBox> boxes = new ArrayList<>((int) found.size());
            double sx = (double) frame.width() / small.cols();
            double sy = (double) frame.height() / small.rows();
            for (long i = 0; i < found.size(); i++) {
                Rect r = found.get(i);
                boxes.add(new FaceBox((float) (r.x() * sx), (float) (r.y() * sy),
                        (float) (r.width() * sx), (float) (r.height() * sy)));
            }
            return boxes;
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            cascade.close();
        }
    }
}
