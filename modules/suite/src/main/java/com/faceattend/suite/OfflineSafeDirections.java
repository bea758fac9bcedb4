package com.faceattend.suite;

import com.faceattend.engine.station.DirectionPolicy;
import com.faceattend.spi.AttendanceEvent.Direction;
import com.faceattend.spi.Problem;
import com.faceattend.store.StoreException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * IN/OUT for a journalled station (issue 13): asks the central store, as {@link AlternatingDirections}
 * does, while it answers and nothing of this station waits in the journal; otherwise (offline, or
 * the central store does not have this station's latest passes yet) alternates from what this
 * station decided today. Station thread only.
 */
final class OfflineSafeDirections implements DirectionPolicy {
    private record Last(LocalDate day, Direction direction) { }

    private final DirectionPolicy central;
    private final LongSupplier waiting;
    private final ZoneId zone;
    private final Map<String, Last> decidedHere = new HashMap<>();

    OfflineSafeDirections(DirectionPolicy central, LongSupplier waiting, ZoneId zone) {
        this.central = central;
        this.waiting = waiting;
        this.zone = zone;
    }

    @Override
    public Direction directionFor(String employeeCode, Instant time) {
        LocalDate day = time.atZone(zone).toLocalDate();
        Last mine = decidedHere.get(employeeCode);
        boolean mineToday = mine != null && mine.day().equals(day);
        Direction d;
        if (mineToday && waiting.getAsLong() > 0) {
            d = next(mine);
        } else {
            try {
                d = central.directionFor(employeeCode, time);
            } catch (StoreException e) {
                if (e.kind() != Problem.Kind.STORE_UNAVAILABLE) {
                    throw e;
                }
                d = mineToday ? next(mine) : Direction.IN;
            }
        }
        decidedHere.put(employeeCode, new Last(day, d));
        return d;
    }

    private static Direction next(Last last) {
        return last.direction() == Direction.IN ? Direction.OUT : Direction.IN;
    }
}
