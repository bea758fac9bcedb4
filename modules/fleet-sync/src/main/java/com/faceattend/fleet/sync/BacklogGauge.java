package com.faceattend.fleet.sync;

/**
 * How many events a station holds that have not reached the central store yet, for its heartbeat.
 * The station's event journal provides it; without one nothing waits, so {@link #NONE} says 0.
 */
@FunctionalInterface
public interface BacklogGauge {
    BacklogGauge NONE = () -> 0;

    /** Events waiting to be forwarded; must be quick and must not throw. */
    int backlog();
}
