package com.faceattend.evaluation;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One walk-up to the station: a short run of photos of one person, played as consecutive frames.
 *
 * @param id     "person#n" (n counts the person's visits from 1)
 * @param person whose photos these are (folder name)
 * @param label  the enrolled person they show, or {@code null} for a stranger (never enrolled)
 * @param frames the photos in playing order
 */
public record Visit(String id, String person, String label, List<Path> frames) {
    public Visit {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(person, "person");
        frames = List.copyOf(frames);
        if (frames.isEmpty()) {
            throw new IllegalArgumentException("a visit needs at least one frame");
        }
    }

    public boolean stranger() {
        return label == null;
    }
}
