package com.faceattend.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.faceattend.spi.DetectedFace;
import com.faceattend.spi.Embedding;
import com.faceattend.spi.FrameImage;
import com.faceattend.spi.ProviderException;
import com.faceattend.spi.ProviderSettings;
import com.faceattend.spi.support.FaceAligner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ArcFaceEmbedderTest {

    private static Embedding embed(UltraFaceDetector detector, ArcFaceEmbedder embedder, Path photo) {
        FrameImage image = TestData.decode(photo);
        DetectedFace face = detector.detect(image).get(0);
        return embedder.embed(new FaceAligner().align(image, face.landmarks()));
    }

    @Test
    void samePersonScoresFarAboveDifferentPeopleOnFaces94() throws IOException {
        List<Path> people;
        try (Stream<Path> s = Files.list(TestData.root().resolve("faces94/identities"))) {
            people = s.sorted().limit(6).toList();
        }
        List<List<Embedding>> perPerson = new ArrayList<>();
        try (UltraFaceDetector detector = new UltraFaceDetectorProvider().create(ProviderSettings.defaults());
             ArcFaceEmbedder embedder = new ArcFaceEmbedderProvider().create(ProviderSettings.defaults())) {
            for (Path person : people) {
                List<Embedding> mine = new ArrayList<>();
                try (Stream<Path> s = Files.list(person)) {
                    for (Path photo : s.sorted().limit(3).toList()) {
                        Embedding e = embed(detector, embedder, photo);
                        assertEquals(512, e.dimension());
                        assertEquals(1.0, norm(e), 1e-4);
                        mine.add(e);
                    }
                }
                perPerson.add(mine);
            }
        }
        double worstSame = 1, bestDifferent = -1;
        for (int a = 0; a < perPerson.size(); a++) {
            for (int b = a; b < perPerson.size(); b++) {
                for (Embedding x : perPerson.get(a)) {
                    for (Embedding y : perPerson.get(b)) {
                        if (x == y) {
                            continue;
                        }
                        double s = x.cosine(y);
                        if (a == b) {
                            worstSame = Math.min(worstSame, s);
                        } else {
                            bestDifferent = Math.max(bestDifferent, s);
                        }
                    }
                }
            }
        }
        System.out.printf("faces94 sample: worst same-person %.3f, best different-person %.3f%n", worstSame, bestDifferent);
        assertTrue(worstSame > bestDifferent + 0.1, "same " + worstSame + " vs different " + bestDifferent);
    }

    @Test
    void aModelFileOfTheWrongKindIsNamedAtLoad() {
        ProviderException e = assertThrows(ProviderException.class,
                () -> new OnnxModel("fr_landmark", new long[] {1, 3, 112, 112}, "face embedder", ProviderSettings.defaults()));
        assertTrue(e.getMessage().contains("fr_landmark does not look like a face embedder"), e.getMessage());
    }

    @Test
    void aClosedEmbedderFailsFast() {
        ArcFaceEmbedder embedder = new ArcFaceEmbedderProvider().create(ProviderSettings.defaults());
        embedder.close();
        assertThrows(IllegalStateException.class,
                () -> embedder.embed(new com.faceattend.spi.AlignedFace(112, new byte[112 * 112 * 3])));
    }

    private static double norm(Embedding e) {
        double s = 0;
        for (float v : e.vector()) {
            s += v * v;
        }
        return Math.sqrt(s);
    }
}
