package com.faceattend.onnx;

import com.faceattend.engine.image.FaceAligner;
import com.faceattend.spi.AlignedFace;
import com.faceattend.spi.DetectedFace;
import com.faceattend.spi.FrameImage;
import com.faceattend.spi.ProviderSettings;
import com.faceattend.spi.contract.DetectorContract;
import com.faceattend.spi.contract.EmbedderContract;
import com.faceattend.spi.contract.LivenessContract;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The built-in providers pass the same SDK contract checks a third-party plugin runs. */
class ProviderContractsTest {

    private static List<Path> people() throws IOException {
        try (Stream<Path> s = Files.list(TestData.root().resolve("faces94/identities"))) {
            return s.sorted().toList();
        }
    }

    private static Path photo(Path person, int index) throws IOException {
        try (Stream<Path> s = Files.list(person)) {
            return s.sorted().toList().get(index);
        }
    }

    @Test
    void ultraFaceHonoursTheDetectorContract() throws IOException {
        DetectorContract.verify(new UltraFaceDetectorProvider(),
                com.faceattend.opencv.ImageDecoder.decode(photo(people().get(0), 0)), TestData.image("detection/dlib/dogs.jpg"));
    }

    @Test
    void arcFaceHonoursTheEmbedderContract() throws IOException {
        try (UltraFaceDetector detector = new UltraFaceDetectorProvider().create(ProviderSettings.defaults())) {
            List<Path> people = people();
            EmbedderContract.verify(new ArcFaceEmbedderProvider(), aligned(detector, photo(people.get(0), 0)),
                    aligned(detector, photo(people.get(0), 7)), aligned(detector, photo(people.get(1), 0)));
        }
    }

    @Test
    void silentLivenessHonoursTheLivenessContract() {
        try (UltraFaceDetector detector = new UltraFaceDetectorProvider().create(ProviderSettings.defaults())) {
            FrameImage live = TestData.image("liveness-samples/real/image_T1.jpg");
            FrameImage attack = TestData.image("liveness-samples/spoof/image_F1.jpg");
            DetectedFace liveFace = detector.detect(live).get(0);
            DetectedFace attackFace = detector.detect(attack).get(0);
            LivenessContract.verify(new SilentLivenessCheckProvider(), live, liveFace, attack, attackFace);
        }
    }

    private static AlignedFace aligned(UltraFaceDetector detector, Path file) {
        FrameImage image = com.faceattend.opencv.ImageDecoder.decode(file);
        return new FaceAligner().align(image, detector.detect(image).get(0).landmarks());
    }
}
