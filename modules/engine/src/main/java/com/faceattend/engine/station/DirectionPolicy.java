package com.faceattend.engine.station;

import com.faceattend.spi.AttendanceEvent.Direction;
import java.time.Instant;

/**
 * Whether a recognised person is checking in or out.
 */
@FunctionalInterface
public interface DirectionPolicy {
    Direction directionFor(String employeeCode, Instant time);

    /** A door used only for entering (or only for leaving). */
    static DirectionPolicy fixed(Direction direction) {
        return (code, time) -> direction;
    }
}
