package com.faceattend.store;

import com.faceattend.spi.Problem;

/**
 * The attendance store could not do what was asked, for a reason a user can act on. The message
 * names the problem in plain words; {@link #fix()} says what to do about it; {@link #kind()} is
 * {@link Problem.Kind#STORE_UNAVAILABLE} unless the request itself was wrong (an unknown code, a
 * value out of range, an action refused). The original {@link java.sql.SQLException}, if any, is
 * kept as the cause for logs.
 */
public class StoreException extends Problem {
    private static final long serialVersionUID = 1L;

    /** The database could not do it. */
    public StoreException(String problem, String fix) {
        this(Kind.STORE_UNAVAILABLE, problem, fix, null);
    }

    /** The database could not do it. */
    public StoreException(String problem, String fix, Throwable cause) {
        this(Kind.STORE_UNAVAILABLE, problem, fix, cause);
    }

    public StoreException(Kind kind, String problem, String fix) {
        this(kind, problem, fix, null);
    }

    public StoreException(Kind kind, String problem, String fix, Throwable cause) {
        super(kind, problem, fix, cause);
    }
}
