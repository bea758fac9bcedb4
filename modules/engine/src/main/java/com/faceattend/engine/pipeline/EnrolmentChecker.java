package com.faceattend.engine.pipeline;

import com.faceattend.spi.DetectedFace;
import com.faceattend.spi.Embedding;
import com.faceattend.spi.FaceBox;
import com.faceattend.spi.FaceLandmarks;
import com.faceattend.spi.FrameImage;
import com.faceattend.spi.support.BgrImages;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides whether a photo may become an enrolment template: exactly one face of a usable size,
 * roughly frontal. Enrolment is where mistakes are expensive (a wrong template misidentifies for
 * months), so it is stricter than the station.
 */
public final class EnrolmentChecker {
    /** A second face at least this fraction of the main face's height counts as "another person". */
    static final float OTHER_FACE_RATIO = 0.35f;
    /**
     * A second box lying this much (share of its own area) on the main face is a stray detection of
     * the same head (a hat, the forehead), not another person: two people's faces rarely overlap.
     */
    static final float SAME_FACE_OVERLAP = 0.25f;
    /** Nose offset from the eye midline, relative to the eye distance, beyond which the face is turned. */
    public static final float MAX_YAW_RATIO = 0.45f;
    /** Enrolment photos need a face of at least this many pixels: a template is only as good as its photo. */
    public static final int MIN_FACE_SIZE = 48;

    /**
     * Face heights (pixels) at which extra templates are made from each enrolment photo. Enrolment
     * photos are sharp close-ups; a door camera often sees the same face at 30-60 pixels, blurred
     * by distance, and a sharp template matches such faces poorly (measured on the shared video:
     * similarity 0.20 with the close-up only, 0.37-0.42 against a template made at the video's face
     * size). Shrinking the photo the way distance does closes that gap.
     */
    public static final int[] LOW_RESOLUTION_FACE_SIZES = {64, 40};

    private final FacePipeline pipeline;

    public EnrolmentChecker(FacePipeline pipeline) {
        this.pipeline = pipeline;
    }

    public EnrolmentSample check(String source, FrameImage photo) {
        List<DetectedFace> faces = pipeline.detect(photo);
        if (faces.isEmpty()) {
            return EnrolmentSample.rejected(source, EnrolmentRejection.NO_FACE, null);
        }
        DetectedFace main = faces.stream().max((a, b) -> Float.compare(a.box().area(), b.box().area())).orElseThrow();
        long others = faces.stream()
                .filter(f -> f != main && f.box().height() >= OTHER_FACE_RATIO * main.box().height()
                        && overlapShare(f.box(), main.box()) < SAME_FACE_OVERLAP)
                .count();
        if (others > 0) {
            return EnrolmentSample.rejected(source, EnrolmentRejection.SEVERAL_FACES, (others + 1) + " faces");
        }
        if (Math.min(main.box().width(), main.box().height()) < MIN_FACE_SIZE) {
            return EnrolmentSample.rejected(source, EnrolmentRejection.FACE_TOO_SMALL,
                    Math.round(main.box().width()) + " px wide");
        }
        float yaw = yawRatio(main.landmarks());
        if (Math.abs(yaw) > MAX_YAW_RATIO) {
            return EnrolmentSample.rejected(source, EnrolmentRejection.NOT_FRONTAL, null);
        }
        // Quality: detector confidence, discounted for turned faces.
        float quality = main.score() * (1f - Math.abs(yaw));
        return EnrolmentSample.accepted(source, main, pipeline.embed(photo, main), lowResolutionTemplates(photo, main), quality);
    }

    private List<Embedding> lowResolutionTemplates(FrameImage photo, DetectedFace face) {
        List<Embedding> out = new ArrayList<>();
        for (int size : LOW_RESOLUTION_FACE_SIZES) {
            float factor = size / face.box().height();
            if (factor > 0.75f) {
                continue; // the photo's face is already about this small
            }
            FrameImage small = BgrImages.shrink(photo, factor);
            float fx = small.width() / (float) photo.width(), fy = small.height() / (float) photo.height();
            float[] xy = face.landmarks().xy();
            for (int i = 0; i < xy.length; i += 2) {
                xy[i] *= fx;
                xy[i + 1] *= fy;
            }
            FaceBox b = face.box();
            DetectedFace scaled = new DetectedFace(new FaceBox(b.x() * fx, b.y() * fy, b.width() * fx, b.height() * fy),
                    face.score(), new FaceLandmarks(xy));
            out.add(pipeline.embed(small, scaled));
        }
        return out;
    }

    /** The share of {@code box}'s area that lies inside {@code other}. */
    static float overlapShare(FaceBox box, FaceBox other) {
        float ix = Math.max(0f, Math.min(box.x() + box.width(), other.x() + other.width()) - Math.max(box.x(), other.x()));
        float iy = Math.max(0f, Math.min(box.y() + box.height(), other.y() + other.height()) - Math.max(box.y(), other.y()));
        return box.area() <= 0 ? 0f : ix * iy / box.area();
    }

    /** Horizontal nose offset from the eyes' midpoint in units of eye distance (0 = frontal). */
    public static float yawRatio(FaceLandmarks lm) {
        float eyeMidX = (lm.x(0) + lm.x(1)) / 2f;
        float eyeDistance = Math.max(1f, lm.interocularDistance());
        return (lm.x(2) - eyeMidX) / eyeDistance;
    }
}
