package com.faceattend.store;

import com.faceattend.spi.AttendanceEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** SQL for the ATTENDANCE_EVENT table. Runs inside the caller's transaction. */
final class AttendanceSql {
    private static final String SELECT = "SELECT a.id, e.code, e.name, s.name AS station, a.event_time, "
            + "a.direction, a.similarity, a.live_score FROM attendance_event a "
            + "JOIN employee e ON e.id = a.employee_id JOIN station s ON s.id = a.station_id ";

    private AttendanceSql() {
    }

    static void insert(Connection c, long employeeId, long stationId, AttendanceEvent.PersonRecognized e)
            throws SQLException {
        insert(c, employeeId, stationId, e, null);
    }

    /** As {@link #insert(Connection, long, long, AttendanceEvent.PersonRecognized)}, with the station's event id (null: none). */
    static void insert(Connection c, long employeeId, long stationId, AttendanceEvent.PersonRecognized e, String eventId)
            throws SQLException {
        String sql = "INSERT INTO attendance_event (employee_id, station_id, event_time, direction, similarity, "
                + "live_score, source, event_id) VALUES (?, ?, ?, ?, ?, ?, 'camera', ?)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, employeeId);
            ps.setLong(2, stationId);
            UtcTime.set(ps, 3, e.time());
            ps.setString(4, e.direction().name());
            setScore(ps, 5, e.similarity());
            setScore(ps, 6, e.liveScore()); // NaN = no liveness check ran: stored as NULL, read back as NaN
            ps.setString(7, eventId);
            ps.executeUpdate();
        }
    }

    /** Events in [from, to), oldest first, optionally of one employee. */
    static List<AttendanceRecord> list(Connection c, Instant from, Instant to, Long employeeId) throws SQLException {
        String sql = SELECT + "WHERE a.event_time >= ? AND a.event_time < ?"
                + (employeeId == null ? "" : " AND a.employee_id = ?") + " ORDER BY a.event_time, a.id";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            UtcTime.set(ps, 1, from);
            UtcTime.set(ps, 2, to);
            if (employeeId != null) {
                ps.setLong(3, employeeId);
            }
            return readAll(ps);
        }
    }

    /** The employee's latest event at or after {@code since}, or null. */
    static AttendanceRecord last(Connection c, long employeeId, Instant since) throws SQLException {
        String sql = SELECT + "WHERE a.employee_id = ? AND a.event_time >= ? ORDER BY a.event_time DESC, a.id DESC";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, employeeId);
            UtcTime.set(ps, 2, since);
            ps.setMaxRows(1);
            List<AttendanceRecord> rows = readAll(ps);
            return rows.isEmpty() ? null : rows.get(0);
        }
    }

    /** Event time of the employee's latest event at the station at or after {@code since}. */
    static Optional<Instant> lastAt(Connection c, String employeeCode, String station, Instant since)
            throws SQLException {
        String sql = "SELECT MAX(a.event_time) AS last_time FROM attendance_event a JOIN employee e ON e.id = a.employee_id "
                + "JOIN station s ON s.id = a.station_id WHERE e.code = ? AND s.name = ? AND a.event_time >= ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, employeeCode);
            ps.setString(2, station);
            UtcTime.set(ps, 3, since);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(UtcTime.get(rs, "last_time")) : Optional.empty();
            }
        }
    }

    /** NULL for a score that was not measured (NaN); Derby refuses NaN in a REAL column. */
    private static void setScore(PreparedStatement ps, int index, float score) throws SQLException {
        if (Float.isNaN(score)) {
            ps.setNull(index, Types.REAL);
        } else {
            ps.setFloat(index, score);
        }
    }

    /** Whether a pass with this station event id is stored already (a replay of a delivered event). */
    static boolean hasEventId(Connection c, String eventId) throws SQLException {
        return EventIds.exists(c, "attendance_event", eventId);
    }

    static long count(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM attendance_event");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static int deleteForEmployee(Connection c, long employeeId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM attendance_event WHERE employee_id = ?")) {
            ps.setLong(1, employeeId);
            return ps.executeUpdate();
        }
    }

    private static List<AttendanceRecord> readAll(PreparedStatement ps) throws SQLException {
        List<AttendanceRecord> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new AttendanceRecord(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
                        rs.getString("station"), UtcTime.get(rs, "event_time"),
                        AttendanceEvent.Direction.valueOf(rs.getString("direction")),
                        floatOrNaN(rs, "similarity"), floatOrNaN(rs, "live_score")));
            }
        }
        return out;
    }

    private static float floatOrNaN(ResultSet rs, String column) throws SQLException {
        float v = rs.getFloat(column);
        return rs.wasNull() ? Float.NaN : v;
    }
}
