package com.faceattend.engine.providers;

import com.faceattend.spi.Problem;
import java.util.Objects;

/**
 * A listener plugin that could not start: which one (its provider id) and why. {@link PluginListeners}
 * hands it to the station, which can say it in its own words (a door without its hardware) instead
 * of the generic {@link #statusLine()}.
 */
public record ListenerNotStarted(String providerId, Problem problem) {
    public ListenerNotStarted {
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(problem, "problem");
    }

    /** "plugin ID not started: PROBLEM. FIX": what a station says of any listener left out. */
    public String statusLine() {
        return "plugin " + providerId + " not started: " + problem.sentence();
    }
}
