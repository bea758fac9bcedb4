package com.faceattend.engine.pipeline;

import com.faceattend.engine.image.Sharpness;
import com.faceattend.spi.AlignedFace;
import com.faceattend.spi.DetectedFace;
import com.faceattend.spi.FaceLandmarks;

/**
 * Whether a face is fit to decide on. A face too small, blurred, turned or badly lit gives a poor
 * embedding, and a poor embedding is where wrong names and false stranger alerts come from; such a
 * frame gets "look at the camera" instead of a guess, and the track waits for a better one.
 *
 * <p>Defaults, each from a principle rather than from the evaluation sets:
 * <ul>
 *   <li>{@code minFaceSide} 40 px: the embedder sees a 112 px crop in which the face spans about
 *       70 px; below 40 px the crop is mostly interpolation (more than 1.75x upscaling).</li>
 *   <li>{@code minSharpness} {@link Sharpness#BLURRED_BELOW}: the enrolment's own definition of
 *       blurred, so the station decides only on captures enrolment would have accepted.</li>
 *   <li>{@code maxYawRatio} {@link EnrolmentChecker#MAX_YAW_RATIO}: likewise as frontal as enrolment
 *       photos must be (nose offset from the eyes' midpoint, in eye distances).</li>
 *   <li>{@code maxPitchOffset} 0.25: the nose's height between the eye line and the mouth line is
 *       0.495 in the ArcFace reference face; a quarter of that span up or down is a clearly tilted head.</li>
 *   <li>{@code minBrightness}/{@code maxBrightness} 40/215 (mean grey of the crop, 0-255): outside the
 *       middle of the 8-bit range a camera clips shadows or highlights and the face loses its detail.</li>
 * </ul>
 */
public record FaceQualityGate(int minFaceSide, double minSharpness, float maxYawRatio, float maxPitchOffset,
                              int minBrightness, int maxBrightness) {
    /** Nose height between eye line (0) and mouth line (1) in the ArcFace 112 px reference face. */
    static final float FRONTAL_PITCH = (71.74f - 51.6f) / ((92.37f + 92.2f) / 2 - 51.6f);

    /** Why a face was not decided on; {@link #FIT} when it may be. */
    public enum Verdict {
        FIT(""), TOO_SMALL("come closer"), BLURRED("hold still"), TURNED("look at the camera"),
        TOO_DARK("more light needed"), TOO_BRIGHT("too much light behind or on the face");

        private final String hint;

        Verdict(String hint) {
            this.hint = hint;
        }

        /** What the person at the door should do. */
        public String hint() {
            return hint;
        }
    }

    public FaceQualityGate {
        if (minFaceSide < 1) {
            throw new IllegalArgumentException("minFaceSide must be at least 1 pixel, was " + minFaceSide);
        }
        if (!(minSharpness >= 0) || !Double.isFinite(minSharpness)) {
            throw new IllegalArgumentException("minSharpness must be a finite number >= 0, was " + minSharpness);
        }
        if (!(maxYawRatio > 0) || !(maxPitchOffset > 0)) {
            throw new IllegalArgumentException("maxYawRatio and maxPitchOffset must be positive, were "
                    + maxYawRatio + " and " + maxPitchOffset);
        }
        if (minBrightness < 0 || maxBrightness > 255 || minBrightness >= maxBrightness) {
            throw new IllegalArgumentException("brightness limits must satisfy 0 <= min < max <= 255, were "
                    + minBrightness + " and " + maxBrightness);
        }
    }

    public static FaceQualityGate defaults() {
        return new FaceQualityGate(40, Sharpness.BLURRED_BELOW, EnrolmentChecker.MAX_YAW_RATIO, 0.25f, 40, 215);
    }

    /** A gate that lets every face through (what the station did before there was one). */
    public static FaceQualityGate open() {
        return new FaceQualityGate(1, 0, Float.MAX_VALUE, Float.MAX_VALUE, 0, 255);
    }

    /** Checks cheapest first; the crop is the one the embedder would see. */
    public Verdict check(DetectedFace face, AlignedFace crop) {
        if (Math.min(face.box().width(), face.box().height()) < minFaceSide) {
            return Verdict.TOO_SMALL;
        }
        FaceLandmarks lm = face.landmarks();
        if (Math.abs(EnrolmentChecker.yawRatio(lm)) > maxYawRatio || Math.abs(pitchRatio(lm) - FRONTAL_PITCH) > maxPitchOffset) {
            return Verdict.TURNED;
        }
        double brightness = meanGrey(crop);
        if (brightness < minBrightness) {
            return Verdict.TOO_DARK;
        }
        if (brightness > maxBrightness) {
            return Verdict.TOO_BRIGHT;
        }
        return Sharpness.laplacianVariance(crop) < minSharpness ? Verdict.BLURRED : Verdict.FIT;
    }

    /** Nose height between the eye line (0) and the mouth line (1). */
    static float pitchRatio(FaceLandmarks lm) {
        float eyes = (lm.y(0) + lm.y(1)) / 2f;
        float mouth = (lm.y(3) + lm.y(4)) / 2f;
        return (lm.y(2) - eyes) / Math.max(1f, mouth - eyes);
    }

    private static double meanGrey(AlignedFace crop) {
        byte[] bgr = crop.bgr();
        double sum = 0;
        for (int p = 0; p < bgr.length; p += 3) {
            sum += 0.114 * (bgr[p] & 0xFF) + 0.587 * (bgr[p + 1] & 0xFF) + 0.299 * (bgr[p + 2] & 0xFF);
        }
        return sum / (bgr.length / 3.0);
    }
}
