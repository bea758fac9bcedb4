package com.faceattend.store;

import com.faceattend.spi.Embedding;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** SQL for the STRANGER_GROUP table. Runs inside the caller's transaction. */
final class StrangerGroupSql {
    private static final String COLUMNS = "id, model_id, centroid, members, visit_count, first_seen, last_seen, expires_at";

    private StrangerGroupSql() {
    }

    /** Unexpired groups of one model, oldest first. */
    static List<StrangerGroup> live(Connection c, String modelId, Instant now) throws SQLException {
        List<StrangerGroup> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                + " FROM stranger_group WHERE model_id = ? AND expires_at > ? ORDER BY id")) {
            ps.setString(1, modelId);
            UtcTime.set(ps, 2, now);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs));
                }
            }
        }
        return out;
    }

    static Optional<StrangerGroup> find(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM stranger_group WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    static long insert(Connection c, Embedding centroid, Instant seen, Instant expiresAt) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO stranger_group (model_id, dimension, centroid, members, "
                + "visit_count, first_seen, last_seen, expires_at) VALUES (?, ?, ?, 1, 1, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, centroid.modelId());
            ps.setInt(2, centroid.dimension());
            ps.setBytes(3, VectorCodec.encode(centroid.vector()));
            UtcTime.set(ps, 4, seen);
            UtcTime.set(ps, 5, seen);
            UtcTime.set(ps, 6, expiresAt);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    static void update(Connection c, long id, Embedding centroid, int members, int visits, Instant lastSeen,
                       Instant expiresAt) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE stranger_group SET centroid = ?, members = ?, "
                + "visit_count = ?, last_seen = ?, expires_at = ? WHERE id = ?")) {
            ps.setBytes(1, VectorCodec.encode(centroid.vector()));
            ps.setInt(2, members);
            ps.setInt(3, visits);
            UtcTime.set(ps, 4, lastSeen);
            UtcTime.set(ps, 5, expiresAt);
            ps.setLong(6, id);
            ps.executeUpdate();
        }
    }

    static int deleteExpired(Connection c, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM stranger_group WHERE expires_at <= ?")) {
            UtcTime.set(ps, 1, now);
            return ps.executeUpdate();
        }
    }

    private static StrangerGroup read(ResultSet rs) throws SQLException {
        return new StrangerGroup(rs.getLong("id"), new Embedding(rs.getString("model_id"), VectorCodec.decode(rs.getBytes("centroid"))),
                rs.getInt("members"), rs.getInt("visit_count"), UtcTime.get(rs, "first_seen"), UtcTime.get(rs, "last_seen"),
                UtcTime.get(rs, "expires_at"));
    }
}
