package com.faceattend.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.faceattend.spi.DetectedFace;
import com.faceattend.spi.FrameImage;
import com.faceattend.spi.ProviderSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The blink check on real photos: which {@code fr_eye} class is "open" (faces94: every eye open),
 * and the per-track open, closed, open sequence, fed with real model readings.
 */
class EyeBlinkLivenessCheckTest {

    private record Shot(FrameImage frame, DetectedFace face) { }

    private static Shot shot(UltraFaceDetector detector, String relative) {
        FrameImage img = TestData.image(relative);
        return new Shot(img, detector.detect(img).get(0));
    }

    @Test
    void class1IsOpenOnFaces94WhereEveryEyeIsOpen() throws IOException {
        try (UltraFaceDetector detector = new UltraFaceDetectorProvider().create(ProviderSettings.defaults());
             EyeBlinkLivenessCheck blink = new EyeBlinkLivenessCheckProvider().create(ProviderSettings.defaults())) {
            int n = 0;
            int open = 0;
            List<Path> photos;
            try (Stream<Path> s = Files.walk(TestData.root().resolve("faces94/identities"))) {
                photos = s.filter(f -> f.toString().endsWith(".jpg")).sorted().toList();
            }
            for (Path p : photos) {
                FrameImage img = TestData.image(TestData.root().relativize(p).toString());
                List<DetectedFace> faces = detector.detect(img);
                if (!faces.isEmpty()) {
                    n++;
                    open += blink.openProbability(img, faces.get(0)) > 0.5f ? 1 : 0;
                }
            }
            System.out.printf("faces94: %d of %d faces read as eyes open%n", open, n);
            assertTrue(n >= 300, "faces found: " + n);
            assertTrue(open >= 0.85 * n, open + " of " + n + " read open");
        }
    }

    @Test
    void aTrackIsLiveOnlyAfterOpenClosedOpen() {
        try (UltraFaceDetector detector = new UltraFaceDetectorProvider().create(ProviderSettings.defaults());
             EyeBlinkLivenessCheck blink = new EyeBlinkLivenessCheckProvider().create(ProviderSettings.defaults())) {
            Shot open = shot(detector, "liveness-samples/real/image_T2.jpg");
            // the model reads this live sample's eyes as closed (0.000): a real "closed" reading
            Shot closed = shot(detector, "liveness-samples/real/image_T1.jpg");
            assertTrue(blink.openProbability(open.frame(), open.face()) > EyeBlinkLivenessCheck.OPEN_ABOVE);
            assertTrue(blink.openProbability(closed.frame(), closed.face()) < EyeBlinkLivenessCheck.CLOSED_BELOW);

            assertEquals(0f, blink.check(open.frame(), open.face()).liveScore(), "one photo cannot show a blink");
            for (int i = 0; i < 5; i++) {
                assertEquals(0f, blink.check(open.frame(), open.face(), 1).liveScore(), "eyes always open: no blink");
            }
            assertEquals(0f, blink.check(closed.frame(), closed.face(), 2).liveScore(), "closed first is not a blink");
            assertEquals(0f, blink.check(open.frame(), open.face(), 2).liveScore());
            assertEquals(0f, blink.check(closed.frame(), closed.face(), 2).liveScore());
            assertEquals(1f, blink.check(open.frame(), open.face(), 2).liveScore(), "open, closed, open = blink");
            assertEquals(1f, blink.check(closed.frame(), closed.face(), 2).liveScore(), "a track that blinked stays live");
            assertEquals(0f, blink.check(open.frame(), open.face(), 1).liveScore(), "tracks do not share state");
            blink.trackEnded(2);
            assertEquals(0f, blink.check(open.frame(), open.face(), 2).liveScore(), "an ended track's id starts afresh");
            assertTrue(blink.judgesWholeTrack());
        }
    }
}
