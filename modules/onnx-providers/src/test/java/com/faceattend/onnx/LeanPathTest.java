package com.faceattend.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.faceattend.spi.DetectedFace;
import com.faceattend.spi.FaceBox;
import com.faceattend.spi.FrameImage;
import com.faceattend.spi.ProviderSettings;
import com.faceattend.spi.TwoStageFaceDetector;
import com.faceattend.spi.support.BgrImages;
import java.nio.FloatBuffer;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The lean path ({@link LeanOption}: table-driven resampling, single-threaded non-spinning sessions)
 * must feed the models exactly what the earlier path fed them, so a station decides the same.
 */
class LeanPathTest {
    private static final String[] PHOTOS = {"video-and-small/misc/obama-720p.jpg", "video-and-small/misc/obama-240p.jpg",
        "video-and-small/video/ref_alex_lacamoire.png", "video-and-small/misc/obama_small.jpg"};

    @Test
    void framesResizeForTheDetectorToTheSameFloatsAsTheSdkResizer() {
        for (String name : PHOTOS) {
            FrameImage photo = TestData.image(name);
            assertSameDetectorInput(photo, name);
        }
        // A frame already at the model's size goes through unresized on both paths.
        assertSameDetectorInput(BgrImages.resize(TestData.image(PHOTOS[0]), UltraFaceDetector.IN_W, UltraFaceDetector.IN_H), "320x240");
    }

    private static void assertSameDetectorInput(FrameImage photo, String name) {
        int w = UltraFaceDetector.IN_W, h = UltraFaceDetector.IN_H;
        FloatBuffer earlier = FloatBuffer.allocate(3 * w * h);
        UltraFaceDetector.fillNormalisedRgb(BgrImages.resize(photo, w, h).bgr(), earlier, w * h);
        float[] lean = new float[3 * w * h];
        Resampler resampler = new Resampler(w, h);
        resampler.resizeToNormalisedRgb(photo, lean);
        assertArrayEquals(earlier.array(), lean, name);
        resampler.resizeToNormalisedRgb(photo, lean); // tables reused
        assertArrayEquals(earlier.array(), lean, name + ", second frame");
    }

    @Test
    void areaCropsAreTheSameBytesAsTheSdkForBoxesInsideAcrossAndBeyondTheFrame() {
        Random random = new Random(19);
        int compared = 0;
        for (String name : PHOTOS) {
            FrameImage photo = TestData.image(name);
            for (int k = 0; k < 25; k++) {
                float side = 8 + random.nextFloat() * photo.width() * 1.2f; // one sample per pixel up to several
                float x = -side / 3 + random.nextFloat() * photo.width();
                float y = -side / 3 + random.nextFloat() * photo.height();
                FaceBox box = new FaceBox(x, y, side * (0.8f + random.nextFloat() * 0.4f), side);
                byte[] lean = new byte[128 * 128 * 3];
                Resampler.cropResizeArea(photo, box, 128, 128, lean);
                assertArrayEquals(BgrImages.cropResizeArea(photo, box, 128, 128).bgr(), lean, name + " " + box);
                compared++;
            }
        }
        assertEquals(100, compared);
    }

    @Test
    void leanAndEarlierProvidersFindAndScoreTheSameFaces() {
        FrameImage photo = TestData.image(PHOTOS[0]);
        ProviderSettings earlierSettings = new ProviderSettings(2, Map.of(LeanOption.KEY, "false"));
        try (UltraFaceDetector lean = new UltraFaceDetectorProvider().create(ProviderSettings.defaults());
             UltraFaceDetector earlier = new UltraFaceDetectorProvider().create(earlierSettings);
             SilentLivenessCheck leanLive = new SilentLivenessCheckProvider().create(ProviderSettings.defaults());
             SilentLivenessCheck earlierLive = new SilentLivenessCheckProvider().create(earlierSettings)) {
            List<TwoStageFaceDetector.ScoredBox> boxes = lean.detectBoxes(photo);
            assertFalse(boxes.isEmpty(), "a face in " + PHOTOS[0]);
            List<TwoStageFaceDetector.ScoredBox> before = earlier.detectBoxes(photo);
            assertEquals(before.size(), boxes.size());
            for (int i = 0; i < boxes.size(); i++) {
                assertEquals(before.get(i).score(), boxes.get(i).score(), 1e-5f);
                assertTrue(before.get(i).box().iou(boxes.get(i).box()) > 0.999f, "box " + i);
            }
            DetectedFace face = lean.detect(photo).get(0);
            assertEquals(earlierLive.check(photo, face).liveScore(), leanLive.check(photo, face).liveScore(), 1e-5f);
        }
    }

    @Test
    void smallModelsRunOnOneThreadAndABadOptionIsNamed() {
        ProviderSettings four = new ProviderSettings(4, Map.of());
        assertEquals(1, SessionThreads.threads(four, 8L << 20), "the largest bundled model");
        assertEquals(4, SessionThreads.threads(four, 200L << 20), "a large third-party model keeps the cap");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new UltraFaceDetectorProvider().create(new ProviderSettings(2, Map.of(LeanOption.KEY, "yes"))));
        assertTrue(e.getMessage().contains(LeanOption.KEY) && e.getMessage().contains("true or false"), e.getMessage());
    }
}
