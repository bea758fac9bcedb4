package com.faceattend.suite;

/** FaceAttend refused to do something it must not (e.g. store templates without consent); says why and what to do. */
public final class ActionRefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String fix;

    public ActionRefusedException(String problem, String fix) {
        super(problem);
        this.fix = fix;
    }

    public String fix() {
        return fix;
    }
}
