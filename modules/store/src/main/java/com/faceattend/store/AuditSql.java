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
                "INSERT INTO audit_log (event_time, actor, action, detail, station) VALUES (?, ?, ?, ?, ?)")) {
            UtcTime.set(ps, 1, now);
            ps.setString(2, cut(actor == null || actor.isBlank() ? "unknown" : actor, MAX_ACTOR));
            ps.setString(3, cut(action, MAX_ACTION));
            ps.setString(4, detail == null ? null : cut(detail, MAX_DETAIL));
            ps.setString(5, cut(Workstation.NAME, MAX_ACTOR));
            ps.executeUpdate();
        }
    }

    /** The newest {@code limit} entries, newest first. */
    static List<AuditEntry> latest(Connection c, int limit) throws SQLException {
        return query(c, AuditQuery.latest(limit));
    }

    /** The entries {@code q} selects, newest first. */
    static List<AuditEntry> query(Connection c, AuditQuery q) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT id, event_time, actor, action, detail, station, db_user FROM audit_log WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (q.from() != null) {
            sql.append(" AND event_time >= ?");
            args.add(q.from());
        }
        if (q.to() != null) {
            sql.append(" AND event_time < ?");
            args.add(q.to());
        }
        if (q.actor() != null) {
            sql.append(" AND UPPER(actor) = UPPER(?)");
            args.add(q.actor());
        }
        if (q.action() != null) {
            boolean prefix = q.action().endsWith("*");
            sql.append(prefix ? " AND action LIKE ?" : " AND action = ?");
            args.add(prefix ? q.action().substring(0, q.action().length() - 1) + "%" : q.action());
        }
        sql.append(" ORDER BY id DESC");
        List<AuditEntry> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                if (args.get(i) instanceof Instant t) {
                    UtcTime.set(ps, i + 1, t);
                } else {
                    ps.setString(i + 1, (String) args.get(i));
                }
            }
            ps.setMaxRows(q.limit());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new AuditEntry(rs.getLong("id"), UtcTime.get(rs, "event_time"), rs.getString("actor"),
                            rs.getString("action"), rs.getString("detail"), rs.getString("station"), rs.getString("db_user")));
                }
            }
        }
        return out;
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
