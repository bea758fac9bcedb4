package com.faceattend.reports.rules;

import com.faceattend.spi.AttendanceEvent.Direction;
import java.time.Instant;
import java.util.Objects;

/** One pass that counts for attendance: a camera pass, or a manual one added by an administrator. */
public record Punch(Instant time, Direction direction, boolean manual) {
    public Punch {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(direction, "direction");
    }
}
