package com.faceattend.store;

import com.faceattend.spi.AttendanceEvent;
import java.time.Instant;

/**
 * An administrator's manual correction: either an added pass ({@link Kind#ADD}: {@code time} and
 * {@code direction} set) or a voided camera pass ({@link Kind#VOID}: {@code voidedEventId} set).
 * Camera events themselves are never changed.
 */
public record Correction(long id, String employeeCode, Kind kind, Instant time, AttendanceEvent.Direction direction,
                         Long voidedEventId, String reason, String actor, Instant createdAt) {
    public enum Kind { ADD, VOID }
}
