package com.faceattend.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Station heartbeats (V8 table STATION_HEARTBEAT): each running station rewrites its one row every
 * few seconds; the Stations window and {@code faceattend stations list} read them all.
 */
public final class StationHeartbeats {
    private static final int MAX_TEXT = 128;
    private static final int MAX_HOST = 255;
    private static final int MAX_VERSION = 64;
    private final Database db;

    public StationHeartbeats(DerbyAttendanceStore store) {
        this.db = Objects.requireNonNull(store, "store").database();
    }

    /** Writes {@code beat} as its station's current state (one transaction). */
    public void write(StationBeat beat) {
        Objects.requireNonNull(beat, "beat");
        String station = cut(beat.station(), MAX_TEXT);
        db.transaction("write the heartbeat of station '" + station + "'", c -> {
            int fpsCenti = (int) Math.max(0, Math.min(Integer.MAX_VALUE, Math.round(beat.framesPerSecond() * 100)));
            try (PreparedStatement up = c.prepareStatement("UPDATE station_heartbeat SET host = ?, started_at = ?, last_beat = ?, "
                    + "interval_ms = ?, events_today = ?, backlog = ?, fps_centi = ?, version = ?, gallery_seq = ? WHERE station_name = ?")) {
                bind(up, beat, fpsCenti, 1);
                up.setString(10, station);
                if (up.executeUpdate() > 0) {
                    return null;
                }
            }
            try (PreparedStatement ins = c.prepareStatement("INSERT INTO station_heartbeat (host, started_at, last_beat, interval_ms, "
                    + "events_today, backlog, fps_centi, version, gallery_seq, station_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                bind(ins, beat, fpsCenti, 1);
                ins.setString(10, station);
                ins.executeUpdate();
            }
            return null;
        });
    }

    private static void bind(PreparedStatement ps, StationBeat b, int fpsCenti, int from) throws java.sql.SQLException {
        ps.setString(from, cut(b.host(), MAX_HOST));
        UtcTime.set(ps, from + 1, b.startedAt());
        UtcTime.set(ps, from + 2, b.lastBeat());
        ps.setInt(from + 3, (int) Math.min(Integer.MAX_VALUE, b.interval().toMillis()));
        ps.setInt(from + 4, b.eventsToday());
        ps.setInt(from + 5, b.backlog());
        ps.setInt(from + 6, fpsCenti);
        ps.setString(from + 7, cut(b.version(), MAX_VERSION));
        ps.setLong(from + 8, b.gallerySeq());
    }

    /** Every station that ever wrote a heartbeat, by name. */
    public List<StationBeat> list() {
        return db.transaction("read station heartbeats", c -> {
            List<StationBeat> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT station_name, host, started_at, last_beat, interval_ms, events_today, "
                    + "backlog, fps_centi, version, gallery_seq FROM station_heartbeat ORDER BY station_name");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new StationBeat(rs.getString(1), rs.getString(2), UtcTime.get(rs, "started_at"), UtcTime.get(rs, "last_beat"),
                            Duration.ofMillis(Math.max(1, rs.getInt(5))), rs.getInt(6), rs.getInt(7), rs.getInt(8) / 100.0,
                            rs.getString(9), rs.getLong(10)));
                }
            }
            return out;
        });
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
