package com.faceattend.opencv;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

import com.faceattend.spi.FrameImage;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * The one place where pixels cross between Java arrays and OpenCV {@link Mat}s. Every method
 * copies, so the Java side never aliases native memory that a later {@code close()} frees.
 */
final class Mats {
    private Mats() {
    }

    /** A new 8-bit BGR Mat holding a copy of the frame's pixels; the caller closes it. */
    static Mat toMat(FrameImage frame) {
        Mat mat = new Mat(frame.height(), frame.width(), CV_8UC3);
        mat.data().put(frame.bgr());
        return mat;
    }

    /** A new 1-row 8-bit Mat holding a copy of {@code bytes} (for {@code imdecode}); the caller closes it. */
    static Mat wrapEncoded(byte[] bytes) {
        Mat mat = new Mat(1, bytes.length, CV_8UC1);
        mat.data().put(bytes);
        return mat;
    }

    /** Copies an 8-bit 3-channel BGR Mat into a new frame (row by row when the Mat has padding). */
    static FrameImage toFrame(Mat mat, long timestampMillis) {
        if (mat.type() != CV_8UC3) {
            throw new IllegalArgumentException("expected an 8-bit BGR Mat, got type " + mat.type());
        }
        int width = mat.cols();
        int height = mat.rows();
        int rowBytes = width * 3;
        byte[] bgr = new byte[rowBytes * height];
        if (mat.isContinuous()) {
            mat.data().get(bgr);
        } else {
            for (int y = 0; y < height; y++) {
                mat.ptr(y).get(bgr, y * rowBytes, rowBytes);
            }
        }
        return new FrameImage(width, height, bgr, timestampMillis);
    }
}
