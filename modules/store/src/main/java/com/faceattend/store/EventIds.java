package com.faceattend.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Set;
import java.util.UUID;

/**
 * Station event ids (migration V7): a UUID made at the station for every event, UNIQUE in each
 * central table, so a station that forwards an event twice (a crash between the central commit and
 * its journal's "delivered" mark) stores it once. Runs inside the caller's transaction.
 */
final class EventIds {
    private static final Set<String> TABLES = Set.of("attendance_event", "stranger_event", "alert");

    private EventIds() {
    }

    /** Refuses anything but a canonical UUID: the id is part of the row, and 36 characters wide. */
    static String check(String eventId) {
        try {
            if (eventId != null && UUID.fromString(eventId).toString().equals(eventId)) {
                return eventId;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw StoreErrors.invalid("the event id '" + eventId + "' is not a UUID",
                "Let the station make the id (java.util.UUID.randomUUID()).");
    }

    /** Whether {@code table} holds a row with this event id (its UNIQUE index answers). */
    static boolean exists(Connection c, String table, String eventId) throws SQLException {
        if (!TABLES.contains(table)) {
            throw new IllegalArgumentException("no event ids in " + table);
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM " + table + " WHERE event_id = ?")) {
            ps.setString(1, eventId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /**
     * Whether {@code failure} is a duplicate key on an event id: a replay raced with its original
     * (two deliveries of one event at once); the row is there, so the event counts as delivered.
     */
    static boolean isDuplicateEventId(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException e) {
                for (SQLException s = e; s != null; s = s.getNextException()) {
                    if ("23505".equals(s.getSQLState()) && String.valueOf(s.getMessage()).toUpperCase(java.util.Locale.ROOT).contains("EVENT_ID_UQ")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
