package com.faceattend.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.faceattend.onnx.mobilefacenet.MobileFaceNetEmbedderProvider;
import com.faceattend.onnx.mobilefacenet.MobileFaceNetInt8EmbedderProvider;
import com.faceattend.spi.AlignedFace;
import com.faceattend.spi.DetectedFace;
import com.faceattend.spi.FaceDetector;
import com.faceattend.spi.FaceEmbedder;
import com.faceattend.spi.FaceEmbedderProvider;
import com.faceattend.spi.FrameImage;
import com.faceattend.spi.ProviderSettings;
import com.faceattend.spi.support.FaceAligner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The int8 embedders the build makes from the committed calibration tables (faces94 faces), checked on
 * LFW faces they were not calibrated on. Accuracy on all of LFW-dev is measured by {@code bench --int8}
 * (QuantisationComparisonTest in modules/comparison); that every convolution runs on integer kernels is
 * checked where the models are built ({@code Int8ModelsTest} in models).
 */
class Int8EmbeddersTest {
    private static List<AlignedFace> lfwFaces;

    @BeforeAll
    static void alignSomeLfwFaces() throws IOException {
        List<Path> photos;
        try (Stream<Path> s = Files.walk(TestData.root().resolve("lfw-dev/images"))) {
            photos = s.filter(p -> p.toString().endsWith(".jpg")).sorted().toList();
        }
        lfwFaces = new ArrayList<>();
        FaceAligner aligner = new FaceAligner();
        try (FaceDetector detector = new UltraFaceDetectorProvider().create(ProviderSettings.defaults())) {
            // 40 photos spread over the alphabet of names
            for (int i = 0; i < 40; i++) {
                FrameImage image = TestData.decode(photos.get(i * photos.size() / 40));
                DetectedFace central = detector.detect(image).stream().min(Comparator.comparingDouble(f ->
                        Math.hypot(f.box().centerX() - image.width() / 2.0, f.box().centerY() - image.height() / 2.0))).orElseThrow();
                lfwFaces.add(aligner.align(image, central.landmarks()));
            }
        }
    }

    @Test
    void arcFaceInt8GivesNearlyTheFloatEmbedding() {
        assertCloseToFloat(new ArcFaceEmbedderProvider(), new ArcFaceInt8EmbedderProvider(), 0.975);
    }

    @Test
    void mobileFaceNetInt8GivesNearlyTheFloatEmbedding() {
        assertCloseToFloat(new MobileFaceNetEmbedderProvider(), new MobileFaceNetInt8EmbedderProvider(), 0.96);
    }

    /** Measured on 300 LFW faces: mean cosine 0.987 (ArcFace) and 0.978 (MobileFaceNet); a broken quantiser gives far less. */
    private static void assertCloseToFloat(FaceEmbedderProvider floatProvider, FaceEmbedderProvider int8Provider, double meanAtLeast) {
        try (FaceEmbedder fp = floatProvider.create(ProviderSettings.defaults());
             FaceEmbedder q = int8Provider.create(ProviderSettings.defaults())) {
            assertEquals(fp.modelId(), q.modelId(), "one embedding space: int8 reads the float model's templates");
            double sum = 0;
            double min = 1;
            for (AlignedFace face : lfwFaces) {
                double cos = fp.embed(face).cosine(q.embed(face));
                sum += cos;
                min = Math.min(min, cos);
            }
            double mean = sum / lfwFaces.size();
            System.out.printf("%s vs %s on %d LFW faces: cosine mean %.4f, min %.4f%n", floatProvider.info().id(), int8Provider.info().id(),
                    lfwFaces.size(), mean, min);
            assertTrue(mean >= meanAtLeast, "mean cosine " + mean);
            assertTrue(min >= 0.85, "min cosine " + min);
        }
    }
}
