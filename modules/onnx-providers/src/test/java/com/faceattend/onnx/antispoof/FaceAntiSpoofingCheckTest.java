package com.faceattend.onnx.antispoof;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.faceattend.onnx.TestData;
import com.faceattend.onnx.mtcnn.MtcnnDetectorProvider;
import com.faceattend.spi.DetectedFace;
import com.faceattend.spi.FaceDetector;
import com.faceattend.spi.FrameImage;
import com.faceattend.spi.ProviderSettings;
import com.faceattend.spi.contract.LivenessContract;
import java.util.Comparator;
import org.junit.jupiter.api.Test;

/** Four photos cannot set a threshold; they do show the score separates live from attack at the original cut-off. */
class FaceAntiSpoofingCheckTest {

    private static DetectedFace largest(FaceDetector detector, FrameImage image) {
        return detector.detect(image).stream().max(Comparator.comparingDouble(f -> f.box().area())).orElseThrow();
    }

    @Test
    void livePhotosScoreAboveAndAttacksBelowTheDefaultThreshold() {
        try (FaceDetector detector = new MtcnnDetectorProvider().create(ProviderSettings.defaults());
             FaceAntiSpoofingCheck check = new FaceAntiSpoofingCheckProvider().create(ProviderSettings.defaults())) {
            float threshold = new FaceAntiSpoofingCheckProvider().defaultThreshold();
            StringBuilder scores = new StringBuilder();
            float minLive = 1, maxAttack = 0;
            for (String f : new String[] {"real/image_T1.jpg", "real/image_T2.jpg", "spoof/image_F1.jpg", "spoof/image_F2.jpg"}) {
                FrameImage image = TestData.image("liveness-samples/" + f);
                float s = check.check(image, largest(detector, image)).liveScore();
                scores.append(f).append('=').append(String.format("%.3f ", s));
                if (f.startsWith("real")) {
                    minLive = Math.min(minLive, s);
                } else {
                    maxAttack = Math.max(maxAttack, s);
                }
            }
            System.out.println("expo-antispoofing live scores: " + scores);
            assertTrue(minLive >= threshold && maxAttack < threshold, scores.toString());
        }
    }

    @Test
    void honoursTheLivenessContract() {
        try (FaceDetector detector = new MtcnnDetectorProvider().create(ProviderSettings.defaults())) {
            FrameImage live = TestData.image("liveness-samples/real/image_T1.jpg");
            FrameImage attack = TestData.image("liveness-samples/spoof/image_F1.jpg");
            LivenessContract.verify(new FaceAntiSpoofingCheckProvider(), live, largest(detector, live), attack, largest(detector, attack));
        }
    }
}
