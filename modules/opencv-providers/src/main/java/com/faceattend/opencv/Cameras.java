package com.faceattend.opencv;

import com.faceattend.spi.FrameSource;
import com.faceattend.spi.Problem;
import com.faceattend.spi.ProviderException;
import com.faceattend.spi.SourceSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Logger;
import org.bytedeco.ffmpeg.global.avdevice;
import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.javacpp.Loader;

/**
 * Opens V4L2 cameras. FFmpeg's camera input lives in libavdevice, whose bytedeco build links
 * PulseAudio's client library ({@code libpulse.so.0}); where that is not installed, FFmpeg has no
 * {@code video4linux2} input at all, so OpenCV's own V4L2 backend is used instead.
 */
final class Cameras {
    private static final Logger LOG = Logger.getLogger(Cameras.class.getName());

    private Cameras() {
    }

    static FrameSource open(SourceSpec spec) {
        int index = spec.cameraIndex();
        String device = "/dev/video" + index;
        if (!Files.exists(Path.of(device))) {
            throw new ProviderException(Problem.Kind.SOURCE_UNAVAILABLE, "camera " + index + " (" + device + ") is not connected",
                    "plug it in or choose another camera index in settings");
        }
        String problem = FfmpegV4l2.PROBLEM;
        if (problem == null) {
            return FfmpegFrameSource.openCamera(spec, device);
        }
        LOG.info(() -> "FFmpeg cannot read cameras here (" + problem + "); opening " + device
                + " with OpenCV's V4L2 backend. Install libpulse0 to use FFmpeg for cameras.");
        return OpenCvCameraSource.open(spec, device);
    }

    /** Lazily probes once whether FFmpeg's video4linux2 input is usable; null when it is. */
    private static final class FfmpegV4l2 {
        static final String PROBLEM = probe();

        private static String probe() {
            try {
                Loader.load(avdevice.class);
                avdevice.avdevice_register_all();
                return avformat.av_find_input_format("video4linux2") != null ? null
                        : "this FFmpeg build has no video4linux2 input";
            } catch (LinkageError e) {
                Throwable root = e;
                while (root.getCause() != null) {
                    root = root.getCause();
                }
                return "libavdevice does not load: " + root.getMessage();
            }
        }
    }
}
