package com.faceattend.store;

import com.faceattend.spi.AttendanceEvent;
import java.util.Objects;

/**
 * A recognised pass with the event id its station gave it (issue 13), for
 * {@link DerbyAttendanceStore#recordAttendance(java.util.List)}.
 */
public record StationPass(AttendanceEvent.PersonRecognized event, String eventId) {
    public StationPass {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(eventId, "eventId");
    }
}
