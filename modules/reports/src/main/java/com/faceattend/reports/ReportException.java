package com.faceattend.reports;

/**
 * A report or export could not be made, for a reason the user can act on: {@link #getMessage()}
 * names the problem, {@link #fix()} what to do, {@link #kind()} lets callers pick an exit code or icon.
 */
public class ReportException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Broad kinds of failure. */
    public enum Kind {
        /** The parameters are wrong (dates, period). */
        BAD_REQUEST,
        /** A named thing (department) does not exist, or there is nothing to report. */
        NOT_FOUND,
        /** The output file cannot be written. */
        FILE,
        /** The user cancelled; nothing was written. */
        CANCELLED
    }

    private final String fix;
    private final Kind kind;

    public ReportException(Kind kind, String problem, String fix) {
        this(kind, problem, fix, null);
    }

    public ReportException(Kind kind, String problem, String fix, Throwable cause) {
        super(problem, cause);
        this.kind = kind;
        this.fix = fix;
    }

    public String fix() {
        return fix;
    }

    public Kind kind() {
        return kind;
    }
}
