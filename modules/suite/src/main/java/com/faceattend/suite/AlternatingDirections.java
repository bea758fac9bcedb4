package com.faceattend.suite;

import com.faceattend.engine.station.DirectionPolicy;
import com.faceattend.spi.AttendanceEvent.Direction;
import com.faceattend.store.AttendanceRecord;
import com.faceattend.store.DerbyAttendanceStore;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One door for both ways: a person's first passage of the (local) day is IN, the next OUT, and so
 * on, judged from the database so that a restarted station continues correctly.
 */
public final class AlternatingDirections implements DirectionPolicy {
    private final Supplier<DerbyAttendanceStore> store;
    private final ZoneId zone;

    public AlternatingDirections(DerbyAttendanceStore store, ZoneId zone) {
        this(() -> store, zone);
    }

    /** Asks {@code store} at each decision: a station that started offline gets its central store once it is back. */
    public AlternatingDirections(Supplier<DerbyAttendanceStore> store, ZoneId zone) {
        this.store = store;
        this.zone = zone;
    }

    @Override
    public Direction directionFor(String employeeCode, Instant time) {
        Instant startOfDay = time.atZone(zone).toLocalDate().atStartOfDay(zone).toInstant();
        Optional<AttendanceRecord> last = store.get().lastAttendance(employeeCode, startOfDay);
        return last.isPresent() && last.get().direction() == Direction.IN ? Direction.OUT : Direction.IN;
    }
}
