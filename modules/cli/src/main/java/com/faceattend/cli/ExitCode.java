package com.faceattend.cli;

/**
 * Exit codes a script can rely on (also listed in README and in {@code faceattend --help}).
 */
public final class ExitCode {
    /** Done; for {@code verify}: the two photos show the same person. */
    public static final int OK = 0;
    /** Done, but some inputs were rejected (enrolment photos, unreadable probes). */
    public static final int PARTIAL = 1;
    /** Wrong command-line usage. */
    public static final int USAGE = 2;
    /** An input file is unusable (missing, corrupt, no face where one is required). */
    public static final int BAD_INPUT = 3;
    /** An employee code or other named thing does not exist. */
    public static final int NOT_FOUND = 4;
    /** The database cannot be opened or written (locked by another process, disk full). */
    public static final int STORE_UNAVAILABLE = 5;
    /** A model or provider cannot be loaded. */
    public static final int MODEL_ERROR = 6;
    /** The video source cannot be opened or dropped for good. */
    public static final int SOURCE_ERROR = 7;
    /** {@code verify}: the two photos show different people. */
    public static final int DIFFERENT_PERSON = 10;
    /** A bug: details are in the log file. */
    public static final int INTERNAL = 70;

    private ExitCode() {
    }

    /** The exit code of a failure of this kind; the one place the command line decides it. */
    static int of(com.faceattend.spi.Problem.Kind kind) {
        return switch (kind) {
            case BAD_VALUE, REFUSED -> USAGE;
            case BAD_INPUT -> BAD_INPUT;
            case NOT_FOUND -> NOT_FOUND;
            case STORE_UNAVAILABLE -> STORE_UNAVAILABLE;
            case MODEL_UNAVAILABLE -> MODEL_ERROR;
            case SOURCE_UNAVAILABLE -> SOURCE_ERROR;
            case CANCELLED -> PARTIAL;
            case INTERNAL -> INTERNAL;
        };
    }
}
