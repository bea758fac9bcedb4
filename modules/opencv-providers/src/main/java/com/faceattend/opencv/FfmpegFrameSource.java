package com.faceattend.opencv;

import com.faceattend.spi.FrameImage;
import com.faceattend.spi.FrameSource;
import com.faceattend.spi.Problem;
import com.faceattend.spi.ProviderException;
import com.faceattend.spi.SourceSpec;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;

/**
 * Frames from a video file, a network stream or a V4L2 camera, decoded by FFmpeg (JavaCV's
 * {@link FFmpegFrameGrabber}) straight to BGR24. Files end with {@code null}; live sources throw a
 * {@link ProviderException} when they stop, so the caller can reopen them.
 *
 * <p>Timestamps: the stream position for files (which may not start at 0: an mp4 edit list can
 * delay the first frame), the wall clock for live sources.
 */
public final class FfmpegFrameSource implements FrameSource {
    private static final Logger LOG = Logger.getLogger(FfmpegFrameSource.class.getName());

    private final SourceSpec spec;
    private final String label;
    private final FFmpegFrameGrabber grabber;
    private final double frameRate;
    private boolean closed;

    private FfmpegFrameSource(SourceSpec spec, String label, FFmpegFrameGrabber grabber) {
        this.spec = spec;
        this.label = label;
        this.grabber = grabber;
        double fps = grabber.getFrameRate();
        // Live sources sometimes report nonsense (0, NaN, 90000): "unknown" is more honest.
        this.frameRate = fps > 0 && fps < 1000 ? fps : 0;
    }

    /** Opens a video file. */
    static FfmpegFrameSource openFile(SourceSpec spec) {
        Path file = Path.of(spec.location());
        String label = "video file " + file;
        if (Files.isDirectory(file)) {
            throw new ProviderException(Problem.Kind.SOURCE_UNAVAILABLE, label + " is a folder",
                    "choose a video file, or choose the folder as an image-folder source to play its images");
        }
        if (!Files.exists(file)) {
            throw new ProviderException(Problem.Kind.SOURCE_UNAVAILABLE, label + " not found", "check the path: the file may have been moved, renamed or deleted");
        }
        if (!Files.isReadable(file)) {
            throw new ProviderException(Problem.Kind.SOURCE_UNAVAILABLE, label + " cannot be read: permission denied", "give the FaceAttend user read permission on the file");
        }
        // "file:" stops FFmpeg reading a name like "cam:2.mp4" as a URL with protocol "cam".
        FFmpegFrameGrabber grabber = new FFmpegFrameGrabber("file:" + file.toAbsolutePath());
        start(grabber, label, reason -> new ProviderException(Problem.Kind.SOURCE_UNAVAILABLE, label + " is not a video FFmpeg can read (" + reason + ")",
                "check that it plays in a media player; convert it to MP4 (H.264) if it does not"));
        return checkVideo(spec, label, grabber);
    }

    /** Opens an rtsp/http/https/rtmp/udp stream; {@code timeout} bounds connecting and every read. */
    static FfmpegFrameSource openStream(SourceSpec spec, Duration timeout) {
        String url = spec.location();
        String label = "stream " + FfmpegErrors.redact(url);
        FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(url);
        String micros = Long.toString(timeout.toNanos() / 1000);
        // rw_timeout: any protocol's read gives up after this (a camera that stops sending).
        grabber.setOption("rw_timeout", micros);
        String scheme = url.substring(0, url.indexOf(':')).toLowerCase(Locale.ROOT);
        switch (scheme) {
            case "rtsp" -> {
                grabber.setOption("rtsp_transport", "tcp"); // UDP loses packets (grey smears) and is often firewalled
                grabber.setOption("timeout", micros);       // rtsp's own socket timeout: rw_timeout does not reach it
            }
            case "http", "https", "udp" -> grabber.setOption("timeout", micros);
            default -> { } // rtmp's "timeout" means "listen for a publisher": never set it
        }
        long t0 = System.nanoTime();
        start(grabber, label, reason -> {
            long elapsed = System.nanoTime() - t0;
            // A silent server makes FFmpeg report odd reasons ("Invalid data"): say what happened.
            String problem = elapsed >= timeout.toNanos() * 9 / 10
                    ? label + " did not answer within " + seconds(elapsed) + " s"
                    : label + " could not be opened: " + reason;
            return new ProviderException(Problem.Kind.SOURCE_UNAVAILABLE, problem, "check the address, user name and password, that the camera is on and "
                    + "reachable from this computer, and that no firewall blocks the port");
        });
        return checkVideo(spec, label, grabber);
    }

    /** Opens /dev/video{index} with FFmpeg's video4linux2 input. */
    static FfmpegFrameSource openCamera(SourceSpec spec, String device) {
        String label = "camera " + spec.cameraIndex() + " (" + device + ")";
        FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(device);
        grabber.setFormat("video4linux2");
        start(grabber, label, reason -> new ProviderException(Problem.Kind.SOURCE_UNAVAILABLE, label + " could not be opened: " + reason,
                "close other programs that use the camera and check that the FaceAttend user may use it (group 'video')"));
        return checkVideo(spec, label, grabber);
    }

    /** Starts the grabber; on failure closes it and throws what {@code failure} makes of FFmpeg's reason. */
    private static void start(FFmpegFrameGrabber grabber, String label, Function<String, ProviderException> failure) {
        FfmpegErrors.quietLogs();
        grabber.setPixelFormat(avutil.AV_PIX_FMT_BGR24);
        try {
            grabber.start();
        } catch (FrameGrabber.Exception | RuntimeException e) {
            closeQuietly(grabber, label);
            ProviderException problem = failure.apply(FfmpegErrors.reason(e));
            throw new ProviderException(Problem.Kind.SOURCE_UNAVAILABLE, problem.getMessage(), problem.fix(), e); // the constructor is the only way to attach e
        }
    }

    private static FfmpegFrameSource checkVideo(SourceSpec spec, String label, FFmpegFrameGrabber grabber) {
        if (!grabber.hasVideo()) {
            closeQuietly(grabber, label);
            throw new ProviderException(Problem.Kind.SOURCE_UNAVAILABLE, label + " has no video stream (audio only?)", "choose a source that carries video");
        }
        return new FfmpegFrameSource(spec, label, grabber);
    }

    @Override
    public FrameImage next() {
        if (closed) {
            throw new IllegalStateException(label + " is closed");
        }
        Frame frame;
        try {
            frame = grabber.grabImage();
        } catch (FrameGrabber.Exception | RuntimeException e) {
            throw new ProviderException(Problem.Kind.SOURCE_UNAVAILABLE, label + (spec.isLive() ? " dropped" : " could not be read further") + ": "
                    + FfmpegErrors.reason(e), spec.isLive() ? "it is reopened automatically; if it keeps dropping, check the network and the camera"
                    : "the file may be damaged: check that it plays to the end in a media player", e);
        }
        if (frame == null) {
            if (spec.isLive()) {
                // FFmpeg reports a closed connection and a read timeout alike as the end of input.
                throw new ProviderException(Problem.Kind.SOURCE_UNAVAILABLE, label + " stopped sending frames (connection closed or nothing received for a while)",
                        "it is reopened automatically; if it keeps dropping, check the network and the camera");
            }
            return null;
        }
        long timestamp = spec.isLive() ? System.currentTimeMillis() : frame.timestamp / 1000;
        return copy(frame, timestamp);
    }

    /** Copies the grabber's reused buffer into a fresh array, dropping the per-row padding. */
    private FrameImage copy(Frame frame, long timestamp) {
        int width = frame.imageWidth;
        int height = frame.imageHeight;
        if (frame.imageChannels != 3 || frame.imageDepth != Frame.DEPTH_UBYTE) {
            throw new ProviderException(Problem.Kind.SOURCE_UNAVAILABLE, label + " delivered " + frame.imageChannels + "-channel frames instead of BGR",
                    "report this to the FaceAttend developers with the source's make and format");
        }
        ByteBuffer src = (ByteBuffer) frame.image[0];
        int rowBytes = width * 3;
        byte[] bgr = new byte[rowBytes * height];
        if (frame.imageStride == rowBytes) {
            src.get(0, bgr, 0, bgr.length);
        } else {
            for (int y = 0; y < height; y++) {
                src.get(y * frame.imageStride, bgr, y * rowBytes, rowBytes);
            }
        }
        return new FrameImage(width, height, bgr, timestamp);
    }

    @Override
    public SourceSpec spec() {
        return spec;
    }

    @Override
    public double frameRate() {
        return frameRate;
    }

    /** Number of video frames the container declares (0 when it does not say); for tests and progress bars. */
    long declaredFrameCount() {
        int index = grabber.getVideoStream();
        return index < 0 ? 0 : grabber.getFormatContext().streams(index).nb_frames();
    }

    /** JavaCV's estimate, duration x frame rate: counts an mp4's initial empty edit as frames too. */
    int estimatedFrameCount() {
        return grabber.getLengthInVideoFrames();
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            closeQuietly(grabber, label);
        }
    }

    private static void closeQuietly(FFmpegFrameGrabber grabber, String label) {
        try {
            grabber.close();
        } catch (FrameGrabber.Exception | RuntimeException e) {
            LOG.log(Level.FINE, "closing " + label, e);
        }
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f", nanos / 1e9);
    }

    @Override
    public String toString() {
        return "FfmpegFrameSource[" + label + "]";
    }
}
