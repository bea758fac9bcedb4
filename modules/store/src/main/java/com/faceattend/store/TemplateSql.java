package com.faceattend.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** SQL for the FACE_TEMPLATE table. Runs inside the caller's transaction. */
final class TemplateSql {
    private TemplateSql() {
    }

    /**
     * Inserts the templates the employee does not have yet (same model and vector bytes, by
     * {@link #contentHash}), so enrolling the same photos twice stores them once.
     *
     * @return how many were new and inserted
     */
    static int insertNew(Connection c, long employeeId, List<TemplateToSave> templates, Instant now)
            throws SQLException {
        String sql = "INSERT INTO face_template (employee_id, model_id, dimension, vector, quality, created_at, content_hash) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)";
        Set<String> have = hashesOf(c, employeeId);
        int inserted = 0;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (TemplateToSave t : templates) {
                byte[] bytes = VectorCodec.encode(t.embedding().vector());
                String hash = contentHash(t.embedding().modelId(), bytes);
                if (!have.add(hash)) {
                    continue;
                }
                ps.setLong(1, employeeId);
                ps.setString(2, t.embedding().modelId());
                ps.setInt(3, t.embedding().dimension());
                ps.setBytes(4, bytes);
                ps.setFloat(5, t.quality());
                UtcTime.set(ps, 6, now);
                ps.setString(7, hash);
                ps.addBatch();
                inserted++;
            }
            ps.executeBatch();
        }
        return inserted;
    }

    private static Set<String> hashesOf(Connection c, long employeeId) throws SQLException {
        Set<String> out = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT content_hash FROM face_template WHERE employee_id = ? AND content_hash IS NOT NULL")) {
            ps.setLong(1, employeeId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    /** Hex SHA-256 of the model id and the encoded vector: equal for the same photo enrolled again. */
    static String contentHash(String modelId, byte[] vectorBytes) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(modelId.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(vectorBytes);
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
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
