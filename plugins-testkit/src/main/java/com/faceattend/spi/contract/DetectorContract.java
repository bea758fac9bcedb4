package com.faceattend.spi.contract;

import com.faceattend.spi.DetectedFace;
import com.faceattend.spi.FaceBox;
import com.faceattend.spi.FaceDetector;
import com.faceattend.spi.FaceDetectorProvider;
import com.faceattend.spi.FrameImage;
import com.faceattend.spi.ProviderSettings;
import java.util.List;

/**
 * What every {@link FaceDetectorProvider} must do.
 *
 * @since 0.1
 */
public final class DetectorContract {
    private DetectorContract() {
    }

    /**
     * @param oneFace  a photo with exactly one clear, frontal face
     * @param noFace   a photo with no face in it
     */
    public static void verify(FaceDetectorProvider provider, FrameImage oneFace, FrameImage noFace) {
        String id = InfoContract.verify(provider.info());
        try (FaceDetector detector = provider.create(ProviderSettings.defaults())) {
            List<DetectedFace> faces = detector.detect(oneFace);
            Check.that(faces.size() == 1, id, "expected one face in the one-face photo, got " + faces.size());
            DetectedFace face = faces.get(0);
            Check.that(face.score() >= 0f && face.score() <= 1f, id, "score must be within 0..1, was " + face.score());
            FaceBox b = face.box();
            Check.that(b.x() >= 0 && b.y() >= 0 && b.x() + b.width() <= oneFace.width() + 1 && b.y() + b.height() <= oneFace.height() + 1,
                    id, "box " + b + " must lie inside the " + oneFace.width() + "x" + oneFace.height() + " frame");
            var lm = face.landmarks();
            Check.that(lm.x(0) < lm.x(1), id, "landmark 0 (eye on the image's left) must be left of landmark 1");
            Check.that(lm.y(2) > Math.min(lm.y(0), lm.y(1)) && lm.y(3) > lm.y(2) && lm.y(4) > lm.y(2), id,
                    "landmarks must be ordered eyes, nose, mouth from top to bottom");
            for (int p = 0; p < 5; p++) {
                Check.that(lm.x(p) >= b.x() - b.width() * 0.25f && lm.x(p) <= b.x() + b.width() * 1.25f
                        && lm.y(p) >= b.y() - b.height() * 0.25f && lm.y(p) <= b.y() + b.height() * 1.25f,
                        id, "landmark " + p + " must be on the face");
            }
            Check.that(detector.detect(oneFace).equals(faces), id, "the same frame must give the same faces");
            Check.that(detector.detect(noFace).isEmpty(), id, "no face may be found in the no-face photo");
        }
    }
}
