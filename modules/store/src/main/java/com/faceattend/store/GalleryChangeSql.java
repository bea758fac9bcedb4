package com.faceattend.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** SQL for GALLERY_CHANGE (V8). {@link #record} runs inside the transaction of the change it records. */
final class GalleryChangeSql {
    private GalleryChangeSql() {
    }

    /**
     * Appends one change row. Called last in the change's transaction: the counter row's lock is
     * then held only from here to the commit, and every writer takes it as its last lock, so two
     * changes cannot deadlock on it and they commit in sequence order.
     *
     * @return the change's sequence number
     */
    static long record(Connection c, String employeeCode, GalleryChange.Kind kind, Instant at) throws SQLException {
        try (PreparedStatement up = c.prepareStatement("UPDATE gallery_change_counter SET last_seq = last_seq + 1 WHERE id = 1")) {
            if (up.executeUpdate() != 1) {
                throw new SQLException("gallery_change_counter has no row 1; the V8 migration did not run completely");
            }
        }
        long seq;
        try (PreparedStatement q = c.prepareStatement("SELECT last_seq FROM gallery_change_counter WHERE id = 1");
                ResultSet rs = q.executeQuery()) {
            rs.next();
            seq = rs.getLong(1);
        }
        try (PreparedStatement ins = c.prepareStatement(
                "INSERT INTO gallery_change (seq, employee_code, kind, changed_at) VALUES (?, ?, ?, ?)")) {
            ins.setLong(1, seq);
            ins.setString(2, employeeCode);
            ins.setString(3, kind.name());
            UtcTime.set(ins, 4, at);
            ins.executeUpdate();
        }
        return seq;
    }

    static long latest(Connection c) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT last_seq FROM gallery_change_counter WHERE id = 1");
                ResultSet rs = q.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    static List<GalleryChange> since(Connection c, long afterSeq, int limit) throws SQLException {
        List<GalleryChange> out = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement(
                "SELECT seq, employee_code, kind, changed_at FROM gallery_change WHERE seq > ? ORDER BY seq")) {
            q.setLong(1, afterSeq);
            q.setMaxRows(limit);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    out.add(new GalleryChange(rs.getLong(1), rs.getString(2), GalleryChange.Kind.parse(rs.getString(3)),
                            UtcTime.get(rs, "changed_at")));
                }
            }
        }
        return out;
    }
}
