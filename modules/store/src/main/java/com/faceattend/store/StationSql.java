package com.faceattend.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.OptionalLong;

/** SQL for the STATION table. Runs inside the caller's transaction. */
final class StationSql {
    private StationSql() {
    }

    /** The station's id, creating the station if it is new. */
    static long ensure(Connection c, String name, Instant now) throws SQLException {
        OptionalLong existing = find(c, name);
        if (existing.isPresent()) {
            return existing.getAsLong();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO station (name, created_at) VALUES (?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, name);
            UtcTime.set(ps, 2, now);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        } catch (SQLException e) {
            // Another station sharing the network server created it between our SELECT and INSERT;
            // Derby undid only the failed statement, so the transaction can carry on.
            if ("23505".equals(e.getSQLState())) {
                OptionalLong raced = find(c, name);
                if (raced.isPresent()) {
                    return raced.getAsLong();
                }
            }
            throw e;
        }
    }

    private static OptionalLong find(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM station WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
            }
        }
    }
}
