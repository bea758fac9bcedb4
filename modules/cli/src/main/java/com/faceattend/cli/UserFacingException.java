package com.faceattend.cli;

/**
 * A problem the user can act on, raised by the CLI itself; printed as "problem" and "fix" without
 * a stack trace.
 */
public final class UserFacingException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String fix;
    private final int exitCode;

    public UserFacingException(String problem, String fix, int exitCode) {
        super(problem);
        this.fix = fix;
        this.exitCode = exitCode;
    }

    public String fix() {
        return fix;
    }

    public int exitCode() {
        return exitCode;
    }
}
