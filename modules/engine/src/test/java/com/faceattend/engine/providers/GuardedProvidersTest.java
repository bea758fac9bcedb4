package com.faceattend.engine.providers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.faceattend.spi.DetectedFace;
import com.faceattend.spi.FaceBox;
import com.faceattend.spi.FaceDetector;
import com.faceattend.spi.FaceDetectorProvider;
import com.faceattend.spi.FaceLandmarks;
import com.faceattend.spi.FrameImage;
import com.faceattend.spi.ProviderException;
import com.faceattend.spi.ProviderInfo;
import com.faceattend.spi.ProviderSettings;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Issue 15: a detector that throws, answers garbage or hangs is named, and the caller gets a clear problem. */
class GuardedProvidersTest {
    private static final FrameImage FRAME = new FrameImage(100, 80, new byte[100 * 80 * 3], 0);
    private static final FaceLandmarks POINTS = new FaceLandmarks(new float[] {30, 40, 50, 40, 40, 50, 32, 60, 48, 60});

    private static FaceDetectorProvider plugin(Function<FrameImage, List<DetectedFace>> detect) {
        return new FaceDetectorProvider() {
            @Override
            public ProviderInfo info() {
                return new ProviderInfo("acme-far", "1.0.0", "ACME", "MIT", "ACME Ltd");
            }

            @Override
            public FaceDetector create(ProviderSettings settings) {
                return new FaceDetector() {
                    @Override
                    public List<DetectedFace> detect(FrameImage frame) {
                        return detect.apply(frame);
                    }

                    @Override
                    public void close() {
                    }
                };
            }
        };
    }

    @Test
    void aThrowingDetectorIsNamedWithTheWayOut() {
        try (FaceDetector d = GuardedProviders.detector(plugin(f -> {
            throw new ArrayIndexOutOfBoundsException(7);
        }), null).create(ProviderSettings.defaults())) {
            ProviderException e = assertThrows(ProviderException.class, () -> d.detect(FRAME));
            assertTrue(e.getMessage().contains("the face detector 'acme-far' failed in detect"), e.getMessage());
            assertTrue(e.fix().contains("faceattend plugins remove acme-far"), e.fix());
        }
    }

    @Test
    void impossibleFacesAreDroppedAndSaneOnesKept() {
        DetectedFace sane = new DetectedFace(new FaceBox(20, 20, 40, 40), 0.9f, POINTS);
        DetectedFace nanScore = new DetectedFace(new FaceBox(20, 20, 40, 40), Float.NaN, POINTS);
        DetectedFace farAway = new DetectedFace(new FaceBox(5000, 20, 40, 40), 0.9f, POINTS);
        try (FaceDetector d = GuardedProviders.detector(plugin(f -> List.of(sane, nanScore, farAway)), null)
                .create(ProviderSettings.defaults())) {
            assertEquals(List.of(sane), d.detect(FRAME));
        }
        try (FaceDetector d = GuardedProviders.detector(plugin(f -> null), null).create(ProviderSettings.defaults())) {
            assertTrue(assertThrows(ProviderException.class, () -> d.detect(FRAME)).getMessage().contains("returned no list"));
        }
    }

    @Test
    void aHangingPluginDetectorIsGivenUpOnAndNamed() {
        CountDownLatch never = new CountDownLatch(1);
        try (FaceDetector d = GuardedProviders.detector(plugin(f -> {
            try {
                never.await();
            } catch (InterruptedException stop) {
                Thread.currentThread().interrupt();
            }
            return List.of();
        }), Duration.ofMillis(200)).create(ProviderSettings.defaults())) {
            ProviderException e = assertThrows(ProviderException.class, () -> d.detect(FRAME));
            assertTrue(e.getMessage().contains("the face detector plugin 'acme-far' did not return from detect"), e.getMessage());
        }
    }
}
