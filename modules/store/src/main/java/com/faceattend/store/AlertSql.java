package com.faceattend.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** SQL for the ALERT table. Runs inside the caller's transaction. */
final class AlertSql {
    static final int MAX_NOTE = 2000;
    static final int MAX_ACTOR = 128;
    private static final String SELECT = "SELECT a.id, a.kind, a.event_time, s.name AS station, a.stranger_group_id, "
            + "g.visit_count, a.similarity, a.group_similarity, a.live_score, a.claimed_employee, a.snapshot, "
            + "a.ack_time, a.ack_actor, a.ack_note FROM alert a JOIN station s ON s.id = a.station_id "
            + "LEFT JOIN stranger_group g ON g.id = a.stranger_group_id";

    private AlertSql() {
    }

    static long insert(Connection c, AlertKind kind, Instant time, long stationId, Long groupId, float similarity,
                       float groupSimilarity, float liveScore, String claimedEmployee) throws SQLException {
        return insert(c, kind, time, stationId, groupId, similarity, groupSimilarity, liveScore, claimedEmployee, null);
    }

    /** As above, with the station's event id (null: none). */
    static long insert(Connection c, AlertKind kind, Instant time, long stationId, Long groupId, float similarity,
                       float groupSimilarity, float liveScore, String claimedEmployee, String eventId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO alert (kind, event_time, station_id, stranger_group_id, "
                + "similarity, group_similarity, live_score, claimed_employee, event_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, kind.name());
            UtcTime.set(ps, 2, time);
            ps.setLong(3, stationId);
            if (groupId == null) {
                ps.setNull(4, Types.BIGINT);
            } else {
                ps.setLong(4, groupId);
            }
            setReal(ps, 5, similarity);
            setReal(ps, 6, groupSimilarity);
            setReal(ps, 7, liveScore);
            ps.setString(8, claimedEmployee);
            ps.setString(9, eventId);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    static Optional<AlertRecord> find(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE a.id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    static List<AlertRecord> list(Connection c, AlertQuery q) throws SQLException {
        StringBuilder sql = new StringBuilder(SELECT).append(" WHERE 1 = 1");
        if (q.since() != null) {
            sql.append(" AND a.event_time >= ?");
        }
        if (q.kind() != null) {
            sql.append(" AND a.kind = ?");
        }
        if (q.unacknowledgedOnly()) {
            sql.append(" AND a.ack_time IS NULL");
        }
        sql.append(" ORDER BY a.event_time DESC, a.id DESC");
        List<AlertRecord> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int i = 1;
            if (q.since() != null) {
                UtcTime.set(ps, i++, q.since());
            }
            if (q.kind() != null) {
                ps.setString(i, q.kind().name());
            }
            ps.setMaxRows(q.limit());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs));
                }
            }
        }
        return out;
    }

    static int acknowledge(Connection c, long id, Instant at, String actor, String note) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE alert SET ack_time = ?, ack_actor = ?, ack_note = ? WHERE id = ? AND ack_time IS NULL")) {
            UtcTime.set(ps, 1, at);
            ps.setString(2, actor);
            ps.setString(3, note);
            ps.setLong(4, id);
            return ps.executeUpdate();
        }
    }

    static void setSnapshot(Connection c, long id, String snapshot) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE alert SET snapshot = ? WHERE id = ?")) {
            ps.setString(1, snapshot);
            ps.setLong(2, id);
            ps.executeUpdate();
        }
    }

    /** STRANGER alerts of one group at or after {@code since}: "seen 4 times this week". */
    static int countVisits(Connection c, long groupId, Instant since) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT COUNT(*) FROM alert WHERE stranger_group_id = ? AND kind = 'STRANGER' AND event_time >= ?")) {
            ps.setLong(1, groupId);
            UtcTime.set(ps, 2, since);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static void setReal(PreparedStatement ps, int i, float v) throws SQLException {
        if (Float.isNaN(v)) {
            ps.setNull(i, Types.REAL);
        } else {
            ps.setFloat(i, v);
        }
    }

    private static float real(ResultSet rs, String column) throws SQLException {
        float v = rs.getFloat(column);
        return rs.wasNull() ? Float.NaN : v;
    }

    private static AlertRecord read(ResultSet rs) throws SQLException {
        long group = rs.getLong("stranger_group_id");
        Long groupId = rs.wasNull() ? null : group;
        int visits = rs.getInt("visit_count");
        return new AlertRecord(rs.getLong("id"), AlertKind.valueOf(rs.getString("kind")), UtcTime.get(rs, "event_time"),
                rs.getString("station"), groupId, groupId == null ? 0 : visits, real(rs, "similarity"),
                real(rs, "group_similarity"), real(rs, "live_score"), rs.getString("claimed_employee"),
                rs.getString("snapshot"), UtcTime.get(rs, "ack_time"), rs.getString("ack_actor"), rs.getString("ack_note"));
    }
}
