package com.faceattend.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** SQL for the AUDIT_LOG table. Runs inside the caller's transaction. */
final class AuditSql {
    static final int MAX_ACTOR = 128;
    static final int MAX_ACTION = 64;
    static final int MAX_DETAIL = 2000;

    private AuditSql() {
    }

    /**
     * Appends an entry. Over-long text is cut rather than refused: failing the deletion of a
     * person because its audit note was long would be worse than a shortened note.
     */
    static void insert(Connection c, Instant now, String actor, String action, String detail) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO audit_log (event_time, actor, action, detail) VALUES (?, ?, ?, ?)")) {
            UtcTime.set(ps, 1, now);
            ps.setString(2, cut(actor == null || actor.isBlank() ? "unknown" : actor, MAX_ACTOR));
            ps.setString(3, cut(action, MAX_ACTION));
            ps.setString(4, detail == null ? null : cut(detail, MAX_DETAIL));
            ps.executeUpdate();
        }
    }

    /** The newest {@code limit} entries, newest first. */
    static List<AuditEntry> latest(Connection c, int limit) throws SQLException {
        List<AuditEntry> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, event_time, actor, action, detail FROM audit_log ORDER BY id DESC")) {
            ps.setMaxRows(limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new AuditEntry(rs.getLong("id"), UtcTime.get(rs, "event_time"), rs.getString("actor"),
                            rs.getString("action"), rs.getString("detail")));
                }
            }
        }
        return out;
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
