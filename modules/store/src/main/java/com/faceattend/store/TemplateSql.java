package com.faceattend.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** SQL for the FACE_TEMPLATE table. Runs inside the caller's transaction. */
final class TemplateSql {
    private TemplateSql() {
    }

    static void insertAll(Connection c, long employeeId, List<TemplateToSave> templates, Instant now)
            throws SQLException {
        String sql = "INSERT INTO face_template (employee_id, model_id, dimension, vector, quality, created_at) "
                + "VALUES (?, ?, ?, ?, ?, ?)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (TemplateToSave t : templates) {
                ps.setLong(1, employeeId);
                ps.setString(2, t.embedding().modelId());
                ps.setInt(3, t.embedding().dimension());
                ps.setBytes(4, VectorCodec.encode(t.embedding().vector()));
                ps.setFloat(5, t.quality());
                UtcTime.set(ps, 6, now);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Templates of {@code modelId} belonging to active employees, grouped by employee. */
    static List<StoredTemplate> loadActive(Connection c, String modelId) throws SQLException {
        return loadActive(c, modelId, null);
    }

    /** As {@link #loadActive(Connection, String)}, of one employee when {@code code} is not null. */
    static List<StoredTemplate> loadActive(Connection c, String modelId, String code) throws SQLException {
        String sql = "SELECT t.id, t.employee_id, e.code, e.name, t.model_id, t.vector, t.quality "
                + "FROM face_template t JOIN employee e ON e.id = t.employee_id "
                + "WHERE t.model_id = ? AND e.active = TRUE" + (code == null ? "" : " AND e.code = ?")
                + " ORDER BY t.employee_id, t.id";
        List<StoredTemplate> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, modelId);
            if (code != null) {
                ps.setString(2, code);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new StoredTemplate(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), VectorCodec.decode(rs.getBytes(6)), rs.getFloat(7)));
                }
            }
        }
        return out;
    }

    /** The dimensions already stored for {@code modelId} (normally none or exactly one). */
    static List<Integer> dimensionsOf(Connection c, String modelId) throws SQLException {
        List<Integer> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT DISTINCT dimension FROM face_template WHERE model_id = ?")) {
            ps.setString(1, modelId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getInt(1));
                }
            }
        }
        return out;
    }

    static int count(Connection c, long employeeId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM face_template WHERE employee_id = ?")) {
            ps.setLong(1, employeeId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    static Map<String, Integer> countsByModel(Connection c) throws SQLException {
        Map<String, Integer> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT model_id, COUNT(*) FROM face_template GROUP BY model_id ORDER BY model_id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getInt(2));
            }
        }
        return out;
    }

    static int deleteForEmployee(Connection c, long employeeId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM face_template WHERE employee_id = ?")) {
            ps.setLong(1, employeeId);
            return ps.executeUpdate();
        }
    }
}
