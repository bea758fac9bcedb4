package com.faceattend.onnx.mtcnn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.faceattend.onnx.DetectionRecall;
import com.faceattend.onnx.TestData;
import com.faceattend.spi.DetectedFace;
import com.faceattend.spi.FaceBox;
import com.faceattend.spi.FaceLandmarks;
import com.faceattend.spi.FrameImage;
import com.faceattend.spi.ProviderSettings;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MtcnnDetectorTest {
    private static MtcnnDetector detector;

    @BeforeAll
    static void load() {
        detector = new MtcnnDetectorProvider().create(ProviderSettings.defaults());
    }

    @AfterAll
    static void close() {
        detector.close();
    }

    @Test
    void findsTheOneFaceOfAPortraitWithLandmarksInFacialOrder() {
        FrameImage photo = TestData.image("faces94/identities/" + FirstPortrait.path());
        List<DetectedFace> faces = detector.detect(photo);
        assertEquals(1, faces.size(), "one person in a faces94 portrait: " + faces);
        DetectedFace face = faces.get(0);
        FaceLandmarks lm = face.landmarks();
        FaceBox box = face.box();
        for (int p = 0; p < 5; p++) {
            assertTrue(lm.x(p) > box.x() && lm.x(p) < box.x() + box.width(), "point " + p + " inside the box: " + face);
            assertTrue(lm.y(p) > box.y() && lm.y(p) < box.y() + box.height(), "point " + p + " inside the box: " + face);
        }
        assertTrue(lm.x(0) < lm.x(1), "image-left eye left of image-right eye");
        assertTrue(lm.x(3) < lm.x(4), "image-left mouth corner left of the other");
        assertTrue(lm.y(2) > Math.max(lm.y(0), lm.y(1)), "nose below the eyes");
        assertTrue(lm.y(3) > lm.y(2) && lm.y(4) > lm.y(2), "mouth below the nose");
        assertTrue(lm.interocularDistance() > box.width() * 0.25f, "eyes are a plausible distance apart");
    }

    @Test
    void findsNoFaceInThePhotoOfDogs() {
        assertEquals(List.of(), detector.detect(TestData.image("detection/dlib/dogs.jpg")));
    }

    @Test
    void findsAtLeast90PercentOfTheLabelledFacesAtIou05() {
        DetectionRecall.Result r = DetectionRecall.measure(detector);
        System.out.printf("MTCNN recall at IoU 0.5 on detection/dlib: %d/%d = %.3f (%d detections)%n",
                r.found(), r.total(), r.recall(), r.detections());
        assertTrue(r.recall() >= 0.90, "recall " + r.recall());
    }
}
