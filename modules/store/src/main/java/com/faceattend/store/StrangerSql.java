package com.faceattend.store;

import com.faceattend.spi.Embedding;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** SQL for the STRANGER_EVENT table. Runs inside the caller's transaction. */
final class StrangerSql {
    private StrangerSql() {
    }

    /** {@code embedding} may be null: then only the fact of the visit is kept. */
    static void insert(Connection c, long stationId, Instant time, float bestSimilarity, Embedding embedding,
                       Instant expiresAt) throws SQLException {
        insert(c, stationId, time, bestSimilarity, embedding, expiresAt, null);
    }

    /** As above, with the station's event id (null: none). */
    static void insert(Connection c, long stationId, Instant time, float bestSimilarity, Embedding embedding,
                       Instant expiresAt, String eventId) throws SQLException {
        String sql = "INSERT INTO stranger_event (station_id, event_time, best_similarity, model_id, embedding, "
                + "expires_at, event_id) VALUES (?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, stationId);
            UtcTime.set(ps, 2, time);
            ps.setFloat(3, bestSimilarity);
            if (embedding == null) {
                ps.setNull(4, Types.VARCHAR);
                ps.setNull(5, Types.VARBINARY);
            } else {
                ps.setString(4, embedding.modelId());
                ps.setBytes(5, VectorCodec.encode(embedding.vector()));
            }
            UtcTime.set(ps, 6, expiresAt);
            ps.setString(7, eventId);
            ps.executeUpdate();
        }
    }

    /** Visits in [from, to), oldest first. */
    static List<StrangerRecord> list(Connection c, Instant from, Instant to) throws SQLException {
        String sql = "SELECT x.id, s.name AS station, x.event_time, x.best_similarity, x.model_id, x.embedding, "
                + "x.expires_at FROM stranger_event x JOIN station s ON s.id = x.station_id "
                + "WHERE x.event_time >= ? AND x.event_time < ? ORDER BY x.event_time, x.id";
        List<StrangerRecord> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            UtcTime.set(ps, 1, from);
            UtcTime.set(ps, 2, to);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byte[] bytes = rs.getBytes("embedding");
                    String modelId = rs.getString("model_id");
                    Embedding embedding = bytes == null || modelId == null || bytes.length == 0
                            ? null : new Embedding(modelId, VectorCodec.decode(bytes));
                    float best = rs.getFloat("best_similarity");
                    out.add(new StrangerRecord(rs.getLong("id"), rs.getString("station"), UtcTime.get(rs, "event_time"),
                            rs.wasNull() ? Float.NaN : best, embedding, UtcTime.get(rs, "expires_at")));
                }
            }
        }
        return out;
    }

    /** Deletes visits whose expiry is at or before {@code now}. */
    static int deleteExpired(Connection c, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "DELETE FROM stranger_event WHERE expires_at IS NOT NULL AND expires_at <= ?")) {
            UtcTime.set(ps, 1, now);
            return ps.executeUpdate();
        }
    }
}
