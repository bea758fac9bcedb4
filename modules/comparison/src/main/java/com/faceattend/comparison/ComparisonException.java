package com.faceattend.comparison;

import com.faceattend.spi.Problem;

/** The comparison cannot run: a data folder is missing or malformed. The message names it, {@link #fix} says what to do. */
public final class ComparisonException extends Problem {
    private static final long serialVersionUID = 1L;

    public ComparisonException(String problem, String fix) {
        super(Kind.BAD_INPUT, problem, fix);
    }

    public ComparisonException(String problem, String fix, Throwable cause) {
        super(Kind.BAD_INPUT, problem, fix, cause);
    }
}
