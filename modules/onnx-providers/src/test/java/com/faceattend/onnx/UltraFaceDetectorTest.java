package com.faceattend.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.faceattend.spi.DetectedFace;
import com.faceattend.spi.FaceBox;
import com.faceattend.spi.FaceLandmarks;
import com.faceattend.spi.FrameImage;
import com.faceattend.spi.ProviderSettings;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class UltraFaceDetectorTest {
    private static UltraFaceDetector detector;

    @BeforeAll
    static void load() {
        detector = new UltraFaceDetectorProvider().create(ProviderSettings.defaults());
    }

    @AfterAll
    static void close() {
        detector.close();
    }

    @Test
    void findsTheOneFaceOfAPortraitWithLandmarksInFacialOrder() {
        FrameImage photo = TestData.image("faces94/identities/" + firstPerson() + "/" + firstPhoto());
        List<DetectedFace> faces = detector.detect(photo);
        assertEquals(1, faces.size(), "one person in a faces94 portrait");
        DetectedFace face = faces.get(0);
        FaceLandmarks lm = face.landmarks();
        FaceBox box = face.box();
        for (int p = 0; p < 5; p++) {
            assertTrue(lm.x(p) > box.x() && lm.x(p) < box.x() + box.width(), "point " + p + " inside the box");
        }
        assertTrue(lm.x(0) < lm.x(1), "image-left eye left of image-right eye");
        assertTrue(lm.y(2) > Math.max(lm.y(0), lm.y(1)), "nose below the eyes");
        assertTrue(lm.y(3) > lm.y(2) && lm.y(4) > lm.y(2), "mouth below the nose");
        assertTrue(lm.interocularDistance() > box.width() * 0.2f, "eyes are a plausible distance apart");
    }

    @Test
    void findsNoFaceInThePhotoOfDogs() {
        assertEquals(List.of(), detector.detect(TestData.image("detection/dlib/dogs.jpg")));
    }

    @Test
    void recallOnTheLabelledDetectionPhotosAtIou05() throws Exception {
        Map<String, List<FaceBox>> truth = new HashMap<>();
        for (String line : Files.readAllLines(TestData.root().resolve("detection/dlib/boxes.csv")).stream().skip(1).toList()) {
            String[] c = line.split(",");
            if (c[6].trim().equals("0")) {
                truth.computeIfAbsent(c[1], k -> new ArrayList<>()).add(new FaceBox(
                        Float.parseFloat(c[2]), Float.parseFloat(c[3]), Float.parseFloat(c[4]), Float.parseFloat(c[5])));
            }
        }
        int found = 0, total = 0, detections = 0;
        for (var e : truth.entrySet()) {
            List<DetectedFace> faces = detector.detect(TestData.image("detection/dlib/" + e.getKey()));
            detections += faces.size();
            for (FaceBox t : e.getValue()) {
                total++;
                if (faces.stream().anyMatch(f -> f.box().iou(t) >= 0.5f)) {
                    found++;
                }
            }
        }
        double recall = found / (double) total;
        System.out.printf("UltraFace recall at IoU 0.5 on detection/dlib: %d/%d = %.3f (%d detections)%n", found, total, recall, detections);
        // Whole-frame resize to 320x240 loses the smallest faces of these photos; see README "Detection".
        assertTrue(recall >= 0.5, "recall " + recall);
    }

    private static String firstPerson() {
        try (var s = Files.list(TestData.root().resolve("faces94/identities"))) {
            return s.map(p -> p.getFileName().toString()).sorted().findFirst().orElseThrow();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String firstPhoto() {
        try (var s = Files.list(TestData.root().resolve("faces94/identities/" + firstPerson()))) {
            return s.map(p -> p.getFileName().toString()).sorted().findFirst().orElseThrow();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
