package com.faceattend.spi;

/**
 * Receives a station's decisions. Called on the station's worker thread: return quickly, hand
 * slow work (network, relays with long pulses) to your own executor.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface AttendanceListener {
    void onEvent(AttendanceEvent event);
}
