package com.faceattend.evaluation;

import com.faceattend.spi.Embedding;
import java.util.Objects;

/**
 * One probe handed to {@link IdentificationMetrics}.
 *
 * @param probe     what to show a person for it (usually the file path)
 * @param label     the enrolled person it shows, or {@code null} for a stranger
 * @param embedding its embedding, or {@code null} when no face was found
 */
public record ProbeEmbedding(String probe, String label, Embedding embedding) {
    public ProbeEmbedding {
        Objects.requireNonNull(probe, "probe");
    }
}
