package com.faceattend.reports;

/**
 * Told how far a report or export has come; called on the working thread, so a UI must hand it
 * over to its own thread. {@code total} is -1 when not known yet.
 */
@FunctionalInterface
public interface ProgressListener {
    /** Ignores progress. */
    ProgressListener NONE = (step, done, total) -> { };

    void progress(String step, long done, long total);
}
