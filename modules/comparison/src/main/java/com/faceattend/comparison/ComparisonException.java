package com.faceattend.comparison;

/** The comparison cannot run: a data folder is missing or malformed. The message names it, {@link #fix} says what to do. */
public final class ComparisonException extends RuntimeException {
    private final String fix;

    public ComparisonException(String problem, String fix) {
        super(problem);
        this.fix = fix;
    }

    public ComparisonException(String problem, String fix, Throwable cause) {
        super(problem, cause);
        this.fix = fix;
    }

    public String fix() {
        return fix;
    }
}
