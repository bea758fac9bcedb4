package com.example.farface;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.faceattend.spi.DetectedFace;
import com.faceattend.spi.FaceDetector;
import com.faceattend.spi.FrameImage;
import com.faceattend.spi.ProviderSettings;
import com.faceattend.spi.contract.ContractKit;
import com.faceattend.spi.contract.SdkOnlyContract;
import com.faceattend.spi.contract.TestPhotos;
import com.faceattend.spi.support.BgrImages;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The plugin keeps FaceAttend's detector contract and finds a face that is small in a wide frame. */
class FarFaceDetectorTest {
    @Test
    void keepsTheDetectorContract() {
        ContractKit.verifyDetector(new FarFaceDetectorProvider());
    }

    @Test
    void usesOnlyTheSdk() {
        SdkOnlyContract.verify(Path.of("target/classes"), "com.example.farface");
    }

    /**
     * The kit's one-face photo pasted at 1:1 into a 640x360 station frame (the coffee photo stretched
     * behind it): the face is about 50 px wide, 8% of the frame, as a person a few metres from a
     * station camera. It must be found where it is, eyes included, and nothing else.
     */
    @Test
    void findsASmallFaceInAWideFrame() {
        FrameImage person = TestPhotos.oneFace();
        FrameImage frame = BgrImages.resize(TestPhotos.noFace(), 640, 360);
        int left = 300, top = 60;
        for (int y = 0; y < person.height(); y++) {
            System.arraycopy(person.bgr(), y * person.width() * 3, frame.bgr(), ((top + y) * frame.width() + left) * 3, person.width() * 3);
        }
        var eyes = TestPhotos.oneFaceLandmarks();
        try (FaceDetector detector = new FarFaceDetectorProvider().create(ProviderSettings.defaults())) {
            List<DetectedFace> faces = detector.detect(frame);
            assertEquals(1, faces.size(), "faces found: " + faces);
            var found = faces.getFirst().landmarks();
            for (int eye = 0; eye < 2; eye++) {
                float dx = found.x(eye) - (eyes.x(eye) + left), dy = found.y(eye) - (eyes.y(eye) + top);
                assertTrue(Math.hypot(dx, dy) < 0.25 * eyes.interocularDistance(),
                        "eye " + eye + " found at " + found.x(eye) + "," + found.y(eye) + ", is at " + (eyes.x(eye) + left) + "," + (eyes.y(eye) + top));
            }
        }
    }
}
