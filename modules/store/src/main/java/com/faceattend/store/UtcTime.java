package com.faceattend.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;

/**
 * Binds and reads TIMESTAMP columns as UTC. Plain {@code setTimestamp(i, ts)} would store the
 * JVM's local wall-clock time, so the same instant recorded at two stations in different zones
 * (or before and after a DST change) would sort wrongly. Passing a UTC calendar makes the column
 * hold UTC regardless of {@link TimeZone#getDefault()}.
 *
 * <p>Times are kept to the microsecond on every engine: PostgreSQL's TIMESTAMP holds microseconds
 * and rounds finer values (an event at 23:59:59.9999996 would move to the next day), Derby's holds
 * nanoseconds. Cutting the nanoseconds off here makes both store, and read back, the same instant.
 * A range bound finer than a microsecond is cut the same way.
 */
final class UtcTime {
    private static final TimeZone UTC = TimeZone.getTimeZone("UTC");

    private UtcTime() {
    }

    // A new calendar per call: Derby mutates the one it is given, and Calendar is not thread-safe.
    private static Calendar utc() {
        return new GregorianCalendar(UTC);
    }

    static void set(PreparedStatement statement, int index, Instant instant) throws SQLException {
        if (instant == null) {
            statement.setNull(index, Types.TIMESTAMP);
        } else {
            statement.setTimestamp(index, Timestamp.from(instant.truncatedTo(ChronoUnit.MICROS)), utc());
        }
    }

    static Instant get(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column, utc());
        return ts == null ? null : ts.toInstant();
    }
}
