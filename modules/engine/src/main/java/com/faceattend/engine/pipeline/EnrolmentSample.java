package com.faceattend.engine.pipeline;

import com.faceattend.spi.DetectedFace;
import com.faceattend.spi.Embedding;
import java.util.List;

/**
 * Outcome of checking one photo for enrolment: an accepted template with its quality, or a
 * rejection with its reason.
 */
public record EnrolmentSample(String source, DetectedFace face, Embedding embedding, List<Embedding> lowResolution,
                              float quality, EnrolmentRejection rejection, String detail) {

    public EnrolmentSample {
        lowResolution = List.copyOf(lowResolution);
    }

    /**
     * @param lowResolution the same face shrunk to the sizes a door camera sees from a distance (see
     *                      {@link EnrolmentChecker#LOW_RESOLUTION_FACE_SIZES}), saved as extra templates
     */
    public static EnrolmentSample accepted(String source, DetectedFace face, Embedding embedding,
                                           List<Embedding> lowResolution, float quality) {
        return new EnrolmentSample(source, face, embedding, lowResolution, quality, null, null);
    }

    public static EnrolmentSample rejected(String source, EnrolmentRejection why, String detail) {
        return new EnrolmentSample(source, null, null, List.of(), 0f, why, detail);
    }

    /** Every template this photo yields: the full-resolution one first. */
    public List<Embedding> templates() {
        if (embedding == null) {
            return List.of();
        }
        List<Embedding> all = new java.util.ArrayList<>(lowResolution.size() + 1);
        all.add(embedding);
        all.addAll(lowResolution);
        return all;
    }

    public boolean isAccepted() {
        return rejection == null;
    }
}
