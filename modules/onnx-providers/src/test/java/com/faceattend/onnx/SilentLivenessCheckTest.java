package com.faceattend.onnx;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.faceattend.spi.DetectedFace;
import com.faceattend.spi.FrameImage;
import com.faceattend.spi.ProviderSettings;
import org.junit.jupiter.api.Test;

/**
 * Four photos cannot set an error rate; this checks the class reading (class 0 = live, BGR input):
 * both live photos must score above both attacks.
 */
class SilentLivenessCheckTest {

    @Test
    void livePhotosScoreAboveThePrintedAndScreenAttacks() {
        try (UltraFaceDetector detector = new UltraFaceDetectorProvider().create(ProviderSettings.defaults());
             SilentLivenessCheck liveness = new SilentLivenessCheckProvider().create(ProviderSettings.defaults())) {
            float minLive = 1, maxSpoof = 0;
            for (String name : new String[] {"real/image_T1.jpg", "real/image_T2.jpg", "spoof/image_F1.jpg", "spoof/image_F2.jpg"}) {
                FrameImage photo = TestData.image("liveness-samples/" + name);
                DetectedFace face = detector.detect(photo).get(0);
                float score = liveness.check(photo, face).liveScore();
                System.out.printf("liveness %s: %.3f%n", name, score);
                if (name.startsWith("real")) {
                    minLive = Math.min(minLive, score);
                } else {
                    maxSpoof = Math.max(maxSpoof, score);
                }
            }
            assertTrue(minLive > maxSpoof, "live " + minLive + " vs spoof " + maxSpoof);
        }
    }
}
