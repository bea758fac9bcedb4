package com.faceattend.comparison;

/** An outside reference cannot run on this machine; the message says why, the fix what would make it run. */
public final class ReferenceUnavailableException extends RuntimeException {
    private final String fix;

    ReferenceUnavailableException(String problem, String fix) {
        super(problem);
        this.fix = fix;
    }

    ReferenceUnavailableException(String problem, String fix, Throwable cause) {
        super(problem, cause);
        this.fix = fix;
    }

    public String problem() {
        return getMessage();
    }

    public String fix() {
        return fix;
    }
}
