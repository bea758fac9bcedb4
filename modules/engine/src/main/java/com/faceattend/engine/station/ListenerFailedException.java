package com.faceattend.engine.station;

/**
 * A listener (typically the database recorder) threw while being told of an event. The station
 * keeps running; whoever drives it decides whether to stop (a recorder that cannot write must
 * not let the station pretend it recorded attendance).
 */
public final class ListenerFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ListenerFailedException(RuntimeException cause) {
        super(cause.getMessage(), cause);
    }
}
