package com.faceattend.onnx;

import com.faceattend.onnx.blazeface.BlazeFaceDetectorProvider;
import com.faceattend.onnx.mobilefacenet.MobileFaceNetEmbedderProvider;
import com.faceattend.onnx.mobilefacenet.MobileFaceNetInt8EmbedderProvider;
import com.faceattend.onnx.mtcnn.MtcnnDetector;
import com.faceattend.onnx.mtcnn.MtcnnDetectorProvider;
import com.faceattend.spi.AlignedFace;
import com.faceattend.spi.DetectedFace;
import com.faceattend.spi.FaceDetector;
import com.faceattend.spi.FrameImage;
import com.faceattend.spi.ProviderSettings;
import com.faceattend.spi.contract.ContractKit;
import com.faceattend.spi.contract.DetectorContract;
import com.faceattend.spi.contract.EmbedderContract;
import com.faceattend.spi.contract.LivenessContract;
import com.faceattend.spi.support.FaceAligner;
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

    /** The kit a third party runs, on the photos it ships, passes the built-in detector and embedder. */
    @Test
    void builtInProvidersPassTheShippedContractKit() {
        ContractKit.verifyDetector(new UltraFaceDetectorProvider());
        ContractKit.verifyEmbedder(new ArcFaceEmbedderProvider());
        ContractKit.verifyLiveness(new SilentLivenessCheckProvider());
    }

    @Test
    void ultraFaceHonoursTheDetectorContract() throws IOException {
        DetectorContract.verify(new UltraFaceDetectorProvider(),
                TestData.decode(photo(people().get(0), 0)), TestData.image("detection/dlib/dogs.jpg"));
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

    @Test
    void mtcnnHonoursTheDetectorContract() throws IOException {
        DetectorContract.verify(new MtcnnDetectorProvider(),
                TestData.decode(photo(people().get(0), 0)), TestData.image("detection/dlib/dogs.jpg"));
    }

    @Test
    void blazeFaceHonoursTheDetectorContract() throws IOException {
        DetectorContract.verify(new BlazeFaceDetectorProvider(),
                TestData.decode(photo(people().get(0), 0)), TestData.image("detection/dlib/dogs.jpg"));
    }

    @Test
    void mobileFaceNetHonoursTheEmbedderContractOnMtcnnLandmarks() throws IOException {
        try (MtcnnDetector detector = new MtcnnDetectorProvider().create(ProviderSettings.defaults())) {
            List<Path> people = people();
            EmbedderContract.verify(new MobileFaceNetEmbedderProvider(), aligned(detector, photo(people.get(0), 0)),
                    aligned(detector, photo(people.get(0), 7)), aligned(detector, photo(people.get(1), 0)));
        }
    }

    @Test
    void theInt8EmbeddersHonourTheEmbedderContract() throws IOException {
        try (FaceDetector detector = new UltraFaceDetectorProvider().create(ProviderSettings.defaults())) {
            List<Path> people = people();
            AlignedFace a = aligned(detector, photo(people.get(2), 0));
            AlignedFace sameAsA = aligned(detector, photo(people.get(2), 9));
            AlignedFace b = aligned(detector, photo(people.get(3), 0));
            EmbedderContract.verify(new ArcFaceInt8EmbedderProvider(), a, sameAsA, b);
            EmbedderContract.verify(new MobileFaceNetInt8EmbedderProvider(), a, sameAsA, b);
        }
    }

    private static AlignedFace aligned(FaceDetector detector, Path file) {
        FrameImage image = TestData.decode(file);
        return new FaceAligner().align(image, detector.detect(image).get(0).landmarks());
    }
}
