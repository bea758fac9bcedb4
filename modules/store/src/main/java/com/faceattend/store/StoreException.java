package com.faceattend.store;

/**
 * The attendance store could not do what was asked, for a reason a user can act on. The message
 * names the problem in plain words; {@link #fix()} says what to do about it. The original
 * {@link java.sql.SQLException}, if any, is kept as the cause for logs.
 */
public class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String fix;

    public StoreException(String problem, String fix) {
        this(problem, fix, null);
    }

    public StoreException(String problem, String fix, Throwable cause) {
        super(problem, cause);
        this.fix = fix;
    }

    /** The problem, one sentence (same as {@link #getMessage()}). */
    public String problem() {
        return getMessage();
    }

    /** What the user can do about it, one or two sentences. */
    public String fix() {
        return fix;
    }
}
