package com.faceattend.reports;

import com.faceattend.spi.Problem;

/**
 * A report or export could not be made, for a reason the user can act on: {@link #getMessage()}
 * names the problem, {@link #fix()} what to do, {@link #kind()} lets callers pick an exit code or
 * icon ({@link Problem.Kind#BAD_VALUE} for a wrong period, {@link Problem.Kind#NOT_FOUND} when there
 * is nothing to report, {@link Problem.Kind#BAD_INPUT} when the output file cannot be written,
 * {@link Problem.Kind#CANCELLED} when the user stopped it).
 */
public class ReportException extends Problem {
    private static final long serialVersionUID = 1L;

    public ReportException(Kind kind, String problem, String fix) {
        this(kind, problem, fix, null);
    }

    public ReportException(Kind kind, String problem, String fix, Throwable cause) {
        super(kind, problem, fix, cause);
    }
}
