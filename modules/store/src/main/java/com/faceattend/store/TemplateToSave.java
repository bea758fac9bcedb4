package com.faceattend.store;

import com.faceattend.spi.Embedding;
import java.util.Objects;

/** One face template to enrol: the embedding and how good the face crop was (0..1, finite). */
public record TemplateToSave(Embedding embedding, float quality) {
    public TemplateToSave {
        Objects.requireNonNull(embedding, "embedding");
    }
}
