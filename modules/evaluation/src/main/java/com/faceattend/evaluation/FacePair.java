package com.faceattend.evaluation;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One verification pair of an LFW-style pairs file.
 *
 * @param fold   0-based fold index
 * @param same   true when both images show the same person
 * @param first  first image file
 * @param second second image file
 */
public record FacePair(int fold, boolean same, Path first, Path second) {
    public FacePair {
        if (fold < 0) {
            throw new IllegalArgumentException("fold must be >= 0, was " + fold);
        }
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(second, "second");
    }

    /** This pair with a similarity score (NaN when a face was not found in one of the images). */
    public ScoredPair scored(double score) {
        return new ScoredPair(fold, same, score);
    }
}
