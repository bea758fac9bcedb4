package com.faceattend.comparison;

import com.faceattend.spi.Problem;

/** An outside reference cannot run on this machine; the message says why, the fix what would make it run. */
public final class ReferenceUnavailableException extends Problem {
    private static final long serialVersionUID = 1L;

    ReferenceUnavailableException(String problem, String fix) {
        super(Kind.MODEL_UNAVAILABLE, problem, fix);
    }

    ReferenceUnavailableException(String problem, String fix, Throwable cause) {
        super(Kind.MODEL_UNAVAILABLE, problem, fix, cause);
    }
}
