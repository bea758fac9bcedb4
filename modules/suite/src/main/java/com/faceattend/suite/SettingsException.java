package com.faceattend.suite;

import com.faceattend.spi.Problem;

/**
 * A setting (saved, or given for one run on the command line) has a value FaceAttend cannot use;
 * says which and what would be valid. Its kind is {@link Problem.Kind#BAD_VALUE}.
 */
public final class SettingsException extends Problem {
    private static final long serialVersionUID = 1L;
    private final String field;

    public SettingsException(String field, String problem, String fix) {
        super(Kind.BAD_VALUE, problem, fix);
        this.field = field;
    }

    /** The settings key, e.g. {@code strangersOneIn}, so a form can mark the field. */
    public String field() {
        return field;
    }
}
