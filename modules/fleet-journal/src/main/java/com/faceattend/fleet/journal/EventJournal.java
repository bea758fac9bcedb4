package com.faceattend.fleet.journal;

import com.faceattend.spi.Problem;
import com.faceattend.store.LocalDatabase;
import com.faceattend.store.StoreException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

/**
 * A station's durable event journal: a small embedded Derby database in the station's data folder
 * ({@code journal/}), encrypted like the central store (its own key from the same key files). Every
 * event is committed here before anyone is told about it; {@link JournalForwarder} reads the waiting
 * entries in order and marks them delivered. A delivered entry keeps its id and kind (a station can
 * prove what it sent) but loses its payload at once, so a stranger's embedding lives on the station
 * only until the central store has it; delivered entries are deleted after {@link #KEEP_DELIVERED}.
 *
 * <p>Thread-safe: the station thread appends while the forwarder reads and marks; one connection,
 * one short transaction per call. Only one process may open a journal (Derby's embedded lock).
 */
public final class EventJournal implements AutoCloseable {
    /** How long delivered entries (ids only) are kept: long enough to answer "did this station send X". */
    public static final Duration KEEP_DELIVERED = Duration.ofDays(7);
    private static final Logger LOG = Logger.getLogger(EventJournal.class.getName());
    private static final short WAITING = 0;
    private static final short DELIVERED = 1;
    private static final short REJECTED = 2;
    private static final int MAX_NOTE = 500;

    private final LocalDatabase db;
    private final Connection connection;
    private final AtomicLong waiting = new AtomicLong();

    private EventJournal(LocalDatabase db, Connection connection) {
        this.db = db;
        this.connection = connection;
    }

    /**
     * Opens (creating) the journal in {@code dir}; delivered entries older than
     * {@link #KEEP_DELIVERED} are deleted.
     *
     * @throws StoreException STORE_UNAVAILABLE when the folder is in use by another station process,
     *                        or its key is missing
     */
    public static EventJournal open(Path dir) {
        LocalDatabase db = LocalDatabase.open(dir);
        Connection c = db.connect();
        EventJournal journal = new EventJournal(db, c);
        try {
            c.setAutoCommit(false);
            journal.createSchema();
            journal.deleteDeliveredBefore(Instant.now().minus(KEEP_DELIVERED));
            journal.waiting.set(journal.count(WAITING));
        } catch (SQLException | RuntimeException e) {
            journal.close();
            throw e instanceof SQLException s ? db.translate(s, "open the station journal") : (RuntimeException) e;
        }
        return journal;
    }

    private void createSchema() throws SQLException {
        try (ResultSet rs = connection.getMetaData().getTables(null, null, "JOURNAL_EVENT", null)) {
            if (rs.next()) {
                return;
            }
        }
        try (Statement s = connection.createStatement()) {
            // journal's own schema (Derby only: it never leaves the station)
            s.execute("CREATE TABLE journal_event (seq BIGINT GENERATED ALWAYS AS IDENTITY, event_id CHAR(36) NOT NULL, "
                    + "kind VARCHAR(16) NOT NULL, event_time TIMESTAMP NOT NULL, written_at TIMESTAMP NOT NULL, "
                    + "payload BLOB(1M), state SMALLINT NOT NULL, done_at TIMESTAMP, note VARCHAR(" + MAX_NOTE + "), "
                    + "CONSTRAINT journal_event_pk PRIMARY KEY (seq), CONSTRAINT journal_event_id_uq UNIQUE (event_id))");
            s.execute("CREATE INDEX journal_event_state_ix ON journal_event (state, seq)");
        }
        connection.commit();
    }

    /**
     * Commits {@code entry} to the journal (durably: Derby syncs its log on commit).
     *
     * @return the entry with its journal order
     */
    public synchronized JournalEntry append(JournalEntry entry) {
        Objects.requireNonNull(entry, "entry");
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO journal_event (event_id, kind, event_time, "
                + "written_at, payload, state) VALUES (?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, entry.eventId());
            ps.setString(2, EventCodec.kind(entry.event()));
            ps.setTimestamp(3, java.sql.Timestamp.from(entry.event().time()));
            ps.setTimestamp(4, java.sql.Timestamp.from(Instant.now()));
            ps.setBytes(5, EventCodec.encode(entry.event()));
            ps.setShort(6, WAITING);
            ps.executeUpdate();
            long seq;
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                seq = keys.getLong(1);
            }
            connection.commit();
            waiting.incrementAndGet();
            return new JournalEntry(seq, entry.eventId(), entry.event());
        } catch (SQLException e) {
            throw failed(e, "write event " + entry.eventId() + " to the station journal");
        }
    }

    /** Up to {@code max} waiting entries, oldest first. */
    public synchronized List<JournalEntry> waiting(int max) {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT seq, event_id, payload FROM journal_event WHERE state = ? ORDER BY seq")) {
            ps.setShort(1, WAITING);
            ps.setMaxRows(max);
            List<JournalEntry> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new JournalEntry(rs.getLong(1), rs.getString(2), EventCodec.decode(rs.getBytes(3))));
                }
            }
            connection.commit();
            return out;
        } catch (SQLException e) {
            throw failed(e, "read the station journal");
        }
    }

    /** Marks entries as arrived centrally, and drops their payload (a stranger's embedding with it). */
    public synchronized void markDelivered(List<JournalEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = connection.prepareStatement(
                "UPDATE journal_event SET state = ?, done_at = ?, payload = NULL WHERE seq = ? AND state = ?")) {
            java.sql.Timestamp now = java.sql.Timestamp.from(Instant.now());
            for (JournalEntry e : entries) {
                ps.setShort(1, DELIVERED);
                ps.setTimestamp(2, now);
                ps.setLong(3, e.seq());
                ps.setShort(4, WAITING);
                ps.addBatch();
            }
            int changed = 0;
            for (int n : ps.executeBatch()) {
                changed += Math.max(n, 0);
            }
            connection.commit();
            waiting.addAndGet(-changed);
        } catch (SQLException e) {
            throw failed(e, "mark events delivered in the station journal");
        }
    }

    /**
     * Sets an entry aside that the central store refused for good (its employee was deleted meanwhile,
     * say), so it does not hold up the ones behind it; it stays in the journal with the reason.
     */
    public synchronized void markRejected(JournalEntry entry, String reason) {
        String note = reason == null ? "" : reason.length() > MAX_NOTE ? reason.substring(0, MAX_NOTE) : reason;
        try (PreparedStatement ps = connection.prepareStatement(
                "UPDATE journal_event SET state = ?, done_at = ?, note = ? WHERE seq = ? AND state = ?")) {
            ps.setShort(1, REJECTED);
            ps.setTimestamp(2, java.sql.Timestamp.from(Instant.now()));
            ps.setString(3, note);
            ps.setLong(4, entry.seq());
            ps.setShort(5, WAITING);
            int changed = ps.executeUpdate();
            connection.commit();
            waiting.addAndGet(-changed);
        } catch (SQLException e) {
            throw failed(e, "set event " + entry.eventId() + " aside in the station journal");
        }
    }

    /** Events waiting for delivery (kept in memory; no database round trip). */
    public long waitingCount() {
        return waiting.get();
    }

    /** Every event id in the journal (waiting, delivered within the last week, rejected), oldest first. */
    public synchronized List<String> eventIds() {
        try (PreparedStatement ps = connection.prepareStatement("SELECT event_id FROM journal_event ORDER BY seq");
                ResultSet rs = ps.executeQuery()) {
            List<String> ids = new ArrayList<>();
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
            connection.commit();
            return ids;
        } catch (SQLException e) {
            throw failed(e, "read the station journal");
        }
    }

    /** Entries set aside as rejected. */
    public synchronized long rejectedCount() {
        try {
            return count(REJECTED);
        } catch (SQLException e) {
            throw failed(e, "read the station journal");
        }
    }

    private long count(short state) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT COUNT(*) FROM journal_event WHERE state = ?")) {
            ps.setShort(1, state);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long n = rs.getLong(1);
                connection.commit();
                return n;
            }
        }
    }

    private void deleteDeliveredBefore(Instant before) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("DELETE FROM journal_event WHERE state = ? AND done_at < ?")) {
            ps.setShort(1, DELIVERED);
            ps.setTimestamp(2, java.sql.Timestamp.from(before));
            int n = ps.executeUpdate();
            connection.commit();
            if (n > 0) {
                LOG.fine(() -> "station journal: forgot " + n + " events delivered before " + before);
            }
        }
    }

    private StoreException failed(SQLException e, String doing) {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // the connection is gone; the failure below says so
        }
        return db.translate(e, doing);
    }

    /** Where the journal is, in words. */
    @Override
    public String toString() {
        return "the station journal at " + db.directory();
    }

    @Override
    public synchronized void close() {
        try {
            if (!connection.isClosed()) {
                connection.rollback();
                connection.close();
            }
        } catch (SQLException e) {
            LOG.warning("closing the station journal: " + e.getMessage());
        } finally {
            db.close();
        }
    }

    static boolean isFinal(RuntimeException failure) {
        return failure instanceof Problem p && (p.kind() == Problem.Kind.NOT_FOUND || p.kind() == Problem.Kind.BAD_VALUE
                || p.kind() == Problem.Kind.BAD_INPUT);
    }
}
