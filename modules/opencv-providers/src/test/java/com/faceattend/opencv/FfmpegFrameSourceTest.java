package com.faceattend.opencv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.faceattend.spi.FrameImage;
import com.faceattend.spi.FrameSource;
import com.faceattend.spi.FrameSourceProvider;
import com.faceattend.spi.ProviderException;
import com.faceattend.spi.SourceSpec;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Network failures are asserted by what they report (the message says whether the configured timeout
 * ran out); wall-clock figures are printed, and bounded only by {@link #HANG}, a limit far above any
 * timeout here that only catches a source that hangs.
 */
class FfmpegFrameSourceTest {
    private static final double HANG = 60;
    private final FfmpegFrameSourceProvider provider = new FfmpegFrameSourceProvider();

    @Test
    void playsTheSampleClipToTheEnd() {
        Path clip = TestData.file("video-and-small/video/short_hamilton_clip.mp4");
        SourceSpec spec = SourceSpec.parse(clip.toString());
        assertEquals(SourceSpec.Kind.FILE, spec.kind());
        try (FrameSource source = provider.open(spec)) {
            assertEquals(29.97, source.frameRate(), 0.01);
            long declared = ((FfmpegFrameSource) source).declaredFrameCount();
            int estimated = ((FfmpegFrameSource) source).estimatedFrameCount();
            int count = 0;
            long previous = Long.MIN_VALUE;
            long first = -1;
            long t0 = System.nanoTime();
            FrameImage frame;
            while ((frame = source.next()) != null) {
                assertEquals(640, frame.width());
                assertEquals(360, frame.height());
                assertTrue(frame.timestampMillis() > previous, "timestamps must increase, frame " + count);
                previous = frame.timestampMillis();
                if (count == 0) {
                    first = previous;
                    assertTrue(ImageDecoderTest.distinctValues(frame.bgr()) > 50, "first frame should have content");
                }
                count++;
            }
            double msPerFrame = (System.nanoTime() - t0) / 1e6 / count;
            assertNull(source.next(), "still null after the end");
            System.out.printf("ffmpeg: %d frames (container declares %d, JavaCV estimates %d), %.2f ms/frame decode+copy, timestamps %d..%d ms%n",
                    count, declared, estimated, msPerFrame, first, previous);
            assertTrue(count > 0);
            assertEquals(declared, count, 2, "frames read vs frames the mp4 declares");
            // The mp4 starts with a 0.852 s empty edit: the first frame is shown at 852 ms, not 0.
            assertEquals(852, first, 2);
            // JavaCV's length is duration x fps and so includes that empty edit (300 here, for 275 frames).
            assertEquals(estimated - first / 1000.0 * 29.97, count, 2, "JavaCV's estimate less the initial empty edit");
            assertEquals(first + (count - 1) * 1000.0 / 29.97, previous, 5, "evenly spaced timestamps");
        }
    }

    @Test
    void fileNameWithAColonIsNotTakenForAUrl(@TempDir Path dir) throws IOException {
        Path odd = Files.copy(TestData.file("video-and-small/video/short_hamilton_clip.mp4"), dir.resolve("cam:2 #1.mp4"));
        try (FrameSource source = provider.open(SourceSpec.parse(odd.toString()))) {
            assertEquals(640, source.next().width());
        }
    }

    @Test
    void missingVideoFile(@TempDir Path dir) {
        Path missing = dir.resolve("lobby.mp4");
        ProviderException e = assertThrows(ProviderException.class, () -> provider.open(SourceSpec.parse(missing.toString())));
        assertEquals("video file " + missing + " not found", e.getMessage());
    }

    @Test
    void fileThatIsNoVideo(@TempDir Path dir) throws IOException {
        Path text = Files.writeString(dir.resolve("notes.mp4"), "this is not a video\n".repeat(100));
        ProviderException e = assertThrows(ProviderException.class, () -> provider.open(SourceSpec.parse(text.toString())));
        assertTrue(e.getMessage().startsWith("video file " + text + " is not a video FFmpeg can read"), e.getMessage());
        assertFalse(e.getMessage().contains("For more details"), "JavaCV's hint is noise for users: " + e.getMessage());
        assertTrue(e.fix().contains("media player"), e.fix());
    }

    @Test
    void folderGivenAsFile(@TempDir Path dir) {
        ProviderException e = assertThrows(ProviderException.class,
                () -> provider.open(new SourceSpec(SourceSpec.Kind.FILE, dir.toString())));
        assertTrue(e.getMessage().contains("is a folder"), e.getMessage());
    }

    @Test
    void missingCamera() {
        int index = 9;
        while (Files.exists(Path.of("/dev/video" + index))) {
            index++; // a machine with ten cameras: pick the first free index above
        }
        SourceSpec spec = SourceSpec.parse(Integer.toString(index));
        ProviderException e = assertThrows(ProviderException.class, () -> provider.open(spec));
        assertEquals("camera " + index + " (/dev/video" + index + ") is not connected", e.getMessage());
        assertEquals("plug it in or choose another camera index in settings", e.fix());
    }

    @Test
    void rtspToAClosedPortFailsFast() throws IOException {
        int port = closedPort();
        long t0 = System.nanoTime();
        ProviderException e = assertThrows(ProviderException.class,
                () -> provider.open(SourceSpec.parse("rtsp://admin:s3cret@127.0.0.1:" + port + "/stream1")));
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("rtsp to closed port failed after %.2f s: %s%n", seconds, e.getMessage());
        assertTrue(seconds < HANG, "hung for " + seconds + " s");
        assertEquals("stream rtsp://***@127.0.0.1:" + port + "/stream1 could not be opened: Connection refused", e.getMessage());
        assertFalse(e.getMessage().contains("s3cret"), "password must not appear in messages");
        assertTrue(e.fix().contains("firewall"), e.fix());
    }

    @Test
    void rtspServerThatNeverAnswersTimesOut() throws Exception {
        FfmpegFrameSourceProvider quick = new FfmpegFrameSourceProvider(Duration.ofSeconds(2));
        try (ServerSocket silent = new ServerSocket(0)) {
            Thread acceptor = Thread.ofVirtual().start(() -> acceptForever(silent));
            long t0 = System.nanoTime();
            ProviderException e = assertThrows(ProviderException.class,
                    () -> quick.open(SourceSpec.parse("rtsp://127.0.0.1:" + silent.getLocalPort() + "/live")));
            double seconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf("silent rtsp server failed after %.2f s: %s%n", seconds, e.getMessage());
            assertTrue(seconds < HANG, "a dead stream must fail, hung for " + seconds + " s");
            // "did not answer within" is only said when at least 90 % of the configured timeout passed
            assertTrue(e.getMessage().contains("did not answer within"), e.getMessage());
            acceptor.interrupt();
        }
    }

    @Test
    void mjpegStreamThatClosesMidRunThrowsFromNext() throws Exception {
        try (MjpegServer server = new MjpegServer(8, false)) {
            SourceSpec spec = SourceSpec.parse("http://127.0.0.1:" + server.port() + "/video.mjpg");
            assertEquals(SourceSpec.Kind.STREAM, spec.kind());
            List<FrameImage> frames = new ArrayList<>();
            try (FrameSource source = provider.open(spec)) {
                ProviderException e = assertThrows(ProviderException.class, () -> {
                    while (true) {
                        frames.add(source.next());
                    }
                });
                assertTrue(e.getMessage().contains("stopped sending frames"), e.getMessage());
            }
            assertFalse(frames.isEmpty(), "frames before the drop");
            assertTrue(frames.size() <= 8);
            FrameImage f = frames.get(0);
            assertEquals(320, f.width());
            assertEquals(240, f.height());
            assertTrue(Math.abs(f.timestampMillis() - System.currentTimeMillis()) < 60_000, "live frames carry wall-clock time");
        }
    }

    @Test
    void mjpegStreamThatStallsTimesOut() throws Exception {
        FfmpegFrameSourceProvider quick = new FfmpegFrameSourceProvider(Duration.ofSeconds(2));
        try (MjpegServer server = new MjpegServer(3, true);
             FrameSource source = quick.open(SourceSpec.parse("http://127.0.0.1:" + server.port() + "/video.mjpg"))) {
            long t0 = 0;
            ProviderException e;
            try {
                while (true) {
                    source.next();
                    t0 = System.nanoTime();
                }
            } catch (ProviderException thrown) {
                e = thrown;
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf("stalled mjpeg stream detected %.2f s after its last frame%n", seconds);
            assertTrue(seconds < HANG, "hung for " + seconds + " s");
            assertTrue(e.getMessage().contains("stream http://127.0.0.1:"), e.getMessage());
        }
    }

    @Test
    void registeredAsServicesWithDistinctKinds() {
        List<FrameSourceProvider> providers = new ArrayList<>();
        ServiceLoader.load(FrameSourceProvider.class).forEach(providers::add);
        FrameSourceProvider ffmpeg = providers.stream().filter(p -> p.info().id().equals("ffmpeg")).findFirst().orElseThrow();
        FrameSourceProvider folder = providers.stream().filter(p -> p.info().id().equals("image-folder")).findFirst().orElseThrow();
        assertInstanceOf(FfmpegFrameSourceProvider.class, ffmpeg);
        assertEquals("none (no model)", ffmpeg.info().modelLicense());
        for (SourceSpec.Kind kind : SourceSpec.Kind.values()) {
            SourceSpec spec = new SourceSpec(kind, "x");
            assertTrue(ffmpeg.supports(spec) != folder.supports(spec), "exactly one provider for " + kind);
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void acceptForever(ServerSocket server) {
        List<Socket> held = new ArrayList<>();
        try {
            while (true) {
                held.add(server.accept()); // accept and never answer
            }
        } catch (IOException closed) {
            held.forEach(s -> {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // test cleanup
                }
            });
        }
    }
}
