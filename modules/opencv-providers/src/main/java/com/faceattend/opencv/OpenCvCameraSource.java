package com.faceattend.opencv;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_videoio.CAP_PROP_FPS;
import static org.bytedeco.opencv.global.opencv_videoio.CAP_V4L2;

import com.faceattend.spi.FrameImage;
import com.faceattend.spi.FrameSource;
import com.faceattend.spi.Problem;
import com.faceattend.spi.ProviderException;
import com.faceattend.spi.SourceSpec;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_videoio.VideoCapture;

/** A V4L2 camera read through OpenCV's {@link VideoCapture}, used when FFmpeg has no camera input. */
final class OpenCvCameraSource implements FrameSource {
    private final SourceSpec spec;
    private final String label;
    private final VideoCapture capture;
    private final Mat frame = new Mat();
    private final double frameRate;
    private boolean closed;

    private OpenCvCameraSource(SourceSpec spec, String label, VideoCapture capture) {
        this.spec = spec;
        this.label = label;
        this.capture = capture;
        double fps = capture.get(CAP_PROP_FPS);
        this.frameRate = fps > 0 && fps < 1000 ? fps : 0;
    }

    static OpenCvCameraSource open(SourceSpec spec, String device) {
        String label = "camera " + spec.cameraIndex() + " (" + device + ")";
        VideoCapture capture = new VideoCapture();
        boolean opened;
        try {
            opened = capture.open(spec.cameraIndex(), CAP_V4L2) && capture.isOpened();
        } catch (RuntimeException e) {
            opened = false;
        }
        if (!opened) {
            capture.close();
            throw new ProviderException(Problem.Kind.SOURCE_UNAVAILABLE, label + " could not be opened",
                    "close other programs that use the camera and check that the FaceAttend user may use it (group 'video')");
        }
        return new OpenCvCameraSource(spec, label, capture);
    }

    @Override
    public FrameImage next() {
        if (closed) {
            throw new IllegalStateException(label + " is closed");
        }
        if (!capture.read(frame) || frame.empty() || frame.type() != CV_8UC3) {
            throw new ProviderException(Problem.Kind.SOURCE_UNAVAILABLE, label + " stopped delivering frames (unplugged?)",
                    "plug it back in; it is reopened automatically");
        }
        return Mats.toFrame(frame, System.currentTimeMillis());
    }

    @Override
    public SourceSpec spec() {
        return spec;
    }

    @Override
    public double frameRate() {
        return frameRate;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            capture.release();
            capture.close();
            frame.close();
        }
    }
}
