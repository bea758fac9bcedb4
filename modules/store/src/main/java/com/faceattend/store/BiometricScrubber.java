package com.faceattend.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * Makes deleted biometric rows really leave the database files. A Derby DELETE only marks rows
 * as deleted: the template bytes stay in the table's pages until reused, and the INSERT that
 * once wrote them stays in the transaction log (log/logN.dat) until that log file is retired.
 * So after deleting a person's templates (or expired stranger embeddings) we:
 * <ol>
 *   <li>compress the table: Derby copies the live rows into a new file and deletes the old one;</li>
 *   <li>push the transaction log over its switch size inside a transaction that is rolled back,
 *       so Derby starts a new log file, then checkpoint, which deletes the old log files that
 *       recovery no longer needs.</li>
 * </ol>
 * If another connection is in the middle of a write transaction at that moment, Derby keeps the
 * older log file a little longer and drops it at a later checkpoint.
 */
final class BiometricScrubber {
    private static final String LOG_SWITCH_PROPERTY = "derby.storage.logSwitchInterval";
    // Derby's default and bounds for the log switch interval (LogToFile)
    private static final int DEFAULT_LOG_SWITCH = 1024 * 1024;
    private static final int MIN_LOG_SWITCH = 100_000;
    private static final int MAX_LOG_SWITCH = 128 * 1024 * 1024;
    private static final int PAD_ROW_BYTES = 32_000;

    private BiometricScrubber() {
    }

    /** The tables that hold biometric data and may need a scrub after a delete. */
    private static final Set<String> BIOMETRIC_TABLES = Set.of("FACE_TEMPLATE", "STRANGER_EVENT", "STRANGER_GROUP");

    /**
     * Records, inside the caller's transaction (the one that deletes the rows), that {@code table}
     * must be scrubbed. If the process dies before {@link #scrubPending} ran, the next open of the
     * store finds the record and finishes the scrub: the erasure cannot be half done for good.
     */
    static void markPending(Connection c, String table) throws SQLException {
        checkTable(table);
        Instant now = Instant.now();
        try (PreparedStatement up = c.prepareStatement("UPDATE scrub_pending SET requested_at = ? WHERE table_name = ?")) {
            UtcTime.set(up, 1, now);
            up.setString(2, table);
            if (up.executeUpdate() > 0) {
                return;
            }
        }
        try (PreparedStatement ins = c.prepareStatement("INSERT INTO scrub_pending (table_name, requested_at) VALUES (?, ?)")) {
            ins.setString(1, table);
            UtcTime.set(ins, 2, now);
            ins.executeUpdate();
        }
    }

    /**
     * Scrubs every table with a pending record and then clears the records that the scrub covered
     * (a delete committed while the scrub ran keeps its newer record for the next scrub).
     *
     * @return the tables scrubbed
     */
    static List<String> scrubPending(Database db) {
        List<String> tables = db.transaction("read pending wipes of deleted face data", c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT table_name FROM scrub_pending ORDER BY table_name");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        });
        tables.removeIf(t -> !BIOMETRIC_TABLES.contains(t)); // written only by markPending; never trust a name in SQL
        if (tables.isEmpty()) {
            return tables;
        }
        Instant started = Instant.now().minusMillis(1);
        scrub(db, tables.toArray(String[]::new));
        db.transaction("clear pending wipes of deleted face data", c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM scrub_pending WHERE requested_at <= ?")) {
                UtcTime.set(ps, 1, started);
                ps.executeUpdate();
            }
            return null;
        });
        return tables;
    }

    private static void checkTable(String table) {
        if (!BIOMETRIC_TABLES.contains(table)) {
            throw new IllegalArgumentException(table + " holds no biometric data");
        }
    }

    /** Compresses {@code tables} (upper-case names in the connection's schema) and retires old log files. */
    static void scrub(Database db, String... tables) {
        if (db.location().isPostgres()) {
            vacuumFull(db, tables);
            return;
        }
        db.autoCommit("wipe deleted face data from the database files", c -> {
            String schema = c.getSchema();
            for (String table : tables) {
                try (PreparedStatement ps = c.prepareStatement("CALL SYSCS_UTIL.SYSCS_COMPRESS_TABLE(?, ?, 1)")) {
                    ps.setString(1, schema);
                    ps.setString(2, table);
                    ps.execute();
                }
            }
            padLogInRolledBackTransaction(c, logSwitchInterval(c, db.location().isNetwork()));
            try (Statement s = c.createStatement()) {
                s.execute("CALL SYSCS_UTIL.SYSCS_CHECKPOINT_DATABASE()");
            }
            return null;
        });
    }

    /**
     * PostgreSQL keeps deleted rows in the table's pages until a vacuum; {@code VACUUM FULL} writes
     * the live rows into a new file and deletes the old one, as Derby's compress does. Old row
     * images stay in the write-ahead log until its segments are recycled after checkpoints; a
     * CHECKPOINT is asked for where the role may (superuser or pg_checkpoint), else the server's
     * own checkpoints retire them. Needs the tables' owner (the role that created the schema).
     */
    private static void vacuumFull(Database db, String... tables) {
        db.autoCommit("wipe deleted face data from the database files", c -> {
            try (Statement s = c.createStatement()) {
                for (String table : tables) {
                    checkTable(table);
                    s.execute("VACUUM (FULL) " + table.toLowerCase(Locale.ROOT));
                }
                try {
                    s.execute("CHECKPOINT");
                } catch (SQLException notAllowed) {
                    // 42501 for a role without pg_checkpoint: the server's next checkpoint does it
                }
            }
            return null;
        });
    }

    /**
     * Writes a little more than one log file's worth of zeros into a scratch table created in the
     * same transaction, then rolls it all back: nothing remains in the database, but Derby has
     * switched to a fresh log file.
     */
    private static void padLogInRolledBackTransaction(Connection c, int logSwitchInterval) throws SQLException {
        String table = "SCRUB_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toUpperCase(Locale.ROOT);
        int rows = logSwitchInterval / PAD_ROW_BYTES + 2;
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + table + " (b VARCHAR(32672) FOR BIT DATA)");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + " (b) VALUES (?)")) {
                byte[] zeros = new byte[PAD_ROW_BYTES];
                for (int i = 0; i < rows; i++) {
                    ps.setBytes(1, zeros);
                    ps.addBatch();
                    if (i % 32 == 31) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
        } finally {
            c.rollback();
            c.setAutoCommit(true);
        }
    }

    private static int logSwitchInterval(Connection c, boolean network) throws SQLException {
        String value = null;
        try (PreparedStatement ps = c.prepareStatement("VALUES SYSCS_UTIL.SYSCS_GET_DATABASE_PROPERTY(?)")) {
            ps.setString(1, LOG_SWITCH_PROPERTY);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    value = rs.getString(1);
                }
            }
        }
        if (value == null && !network) {
            value = System.getProperty(LOG_SWITCH_PROPERTY); // a server's JVM settings are not visible from here
        }
        int interval = DEFAULT_LOG_SWITCH;
        if (value != null) {
            try {
                interval = Integer.parseInt(value.trim());
            } catch (NumberFormatException ignored) {
                // Derby would not boot with it either; keep the default
            }
        }
        return Math.max(MIN_LOG_SWITCH, Math.min(MAX_LOG_SWITCH, interval));
    }
}
