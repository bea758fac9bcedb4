package com.faceattend.suite;

/** A setting has a value FaceAttend cannot use; says which and what would be valid. */
public final class SettingsException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String field;
    private final String fix;

    public SettingsException(String field, String problem, String fix) {
        super(problem);
        this.field = field;
        this.fix = fix;
    }

    /** The settings key, e.g. {@code strangersOneIn}, so a form can mark the field. */
    public String field() {
        return field;
    }

    public String fix() {
        return fix;
    }
}
