package com.faceattend.comparison;

/**
 * One row of the comparison table. Rates are in [0, 1]; NaN where a value was not measured.
 *
 * @param detector             detector id (references say so)
 * @param embedder             embedder id
 * @param installed            an installed provider combination the product can run (false for references)
 * @param detectionRecall      labelled faces found at IoU 0.5 on the detection set
 * @param detectionPrecision   detections that are labelled faces (dogs.jpg counts: every box there is false)
 * @param lfwAccuracy          LFW k-fold accuracy (threshold chosen on the other folds)
 * @param lfwTarAtFar1e3       TAR at FAR 1e-3 over the pairs used
 * @param lfwPairs             LFW pairs scored (fewer than the file has when limited)
 * @param rank1                faces94 closed-set rank-1
 * @param unknownRejected      faces94 strangers rejected at the 1 %-known-rejected threshold
 * @param detectMs             median milliseconds to find the faces in a photo or frame
 * @param embedMs              median milliseconds per face from box to template (landmarks, alignment, embedding)
 * @param framesPerSecond      end-to-end frame rate on the clip
 * @param videoFrames          frames timed
 * @param enrolPhotosPerSecond enrolment photos per second
 * @param scoring              how the row's templates were compared
 * @param problem              why the row has no figures, or null when it ran
 */
public record ComparisonRow(String detector, String embedder, boolean installed, double detectionRecall,
                            double detectionPrecision, double lfwAccuracy, double lfwTarAtFar1e3, int lfwPairs,
                            double rank1, double unknownRejected, double detectMs, double embedMs,
                            double framesPerSecond, int videoFrames, double enrolPhotosPerSecond, String scoring,
                            String problem) {
    /** A row that could not be measured. */
    static ComparisonRow failed(String detector, String embedder, boolean installed, String problem) {
        return new ComparisonRow(detector, embedder, installed, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0,
                Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, Double.NaN, "", problem);
    }

    public boolean measured() {
        return problem == null;
    }

    public String name() {
        return detector + " + " + embedder;
    }
}
