package com.faceattend.evaluation;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The accept rule applied to one photo on its own (its central face against the same gallery the
 * station used): the per-photo figure next to the per-visit one.
 *
 * @param photo      the photo
 * @param label      the enrolled person it shows, or {@code null} for a stranger
 * @param acceptedAs whom the rule accepted it as, or {@code null} (no face, or below the threshold)
 */
public record PhotoDecision(Path photo, String label, String acceptedAs) {
    public PhotoDecision {
        Objects.requireNonNull(photo, "photo");
    }

    /** A false non-identification (enrolled person not accepted as themselves) or false positive (stranger accepted). */
    public boolean error() {
        return label == null ? acceptedAs != null : !label.equals(acceptedAs);
    }
}
