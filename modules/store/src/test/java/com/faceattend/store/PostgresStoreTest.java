package com.faceattend.store;

import static com.faceattend.store.StoreTestSupport.MODEL;
import static com.faceattend.store.StoreTestSupport.addConsented;
import static com.faceattend.store.StoreTestSupport.distinctive;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.faceattend.spi.Problem;
import com.faceattend.store.testdb.PostgresServer;
import com.faceattend.store.testdb.StoreEngine;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What is particular to the store on a real PostgreSQL server (the shared behaviour runs in the engine-parameterised tests). */
class PostgresStoreTest {
    @TempDir
    Path tmp;

    @Test
    void bothEnginesGetTheSameTablesAndColumnsAndVersions() throws Exception {
        try (StoreEngine.TestDatabase derby = StoreEngine.DERBY_NETWORK.fresh(tmp.resolve("derby"));
                StoreEngine.TestDatabase pg = StoreEngine.POSTGRESQL.fresh(tmp.resolve("pg"))) {
            sameTablesColumnsAndVersions(derby, pg);
        }
    }

    private static void sameTablesColumnsAndVersions(StoreEngine.TestDatabase derby, StoreEngine.TestDatabase pg) throws SQLException {
        derby.open().close();
        pg.open().close();
        TreeSet<String> derbyColumns = new TreeSet<>();
        try (Connection c = derby.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT t.tablename, c.columnname FROM sys.syscolumns c JOIN sys.systables t ON t.tableid = c.referenceid "
                        + "JOIN sys.sysschemas s ON s.schemaid = t.schemaid WHERE s.schemaname = 'APP' AND t.tabletype = 'T'")) {
            while (rs.next()) {
                derbyColumns.add((rs.getString(1) + "." + rs.getString(2)).toLowerCase(java.util.Locale.ROOT));
            }
        }
        TreeSet<String> pgColumns = new TreeSet<>();
        try (Connection c = pg.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public'")) {
            while (rs.next()) {
                pgColumns.add(rs.getString(1) + "." + rs.getString(2));
            }
        }
        assertTrue(pgColumns.contains("face_template.vector"), pgColumns.toString());
        assertEquals(derbyColumns, pgColumns, "the same schema on both engines");
        assertEquals(history(derby), history(pg), "the same migration versions, all successful");
    }

    private static List<String> history(StoreEngine.TestDatabase db) throws SQLException {
        List<String> out = new java.util.ArrayList<>();
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT \"version\", \"success\" FROM \"flyway_schema_history\" WHERE \"version\" IS NOT NULL ORDER BY \"installed_rank\"")) {
            while (rs.next()) {
                out.add(rs.getString(1) + ":" + rs.getBoolean(2));
            }
        }
        return out;
    }

    @Test
    void derbyOnlyFeaturesAreRefusedNamingWhatPostgresOffers() {
        try (StoreEngine.TestDatabase db = StoreEngine.POSTGRESQL.fresh(tmp); DerbyAttendanceStore store = db.open()) {
            assertTrue(store.isPostgres());
            StoreException e = assertThrows(StoreException.class, store::userAccounts);
            assertEquals(Problem.Kind.REFUSED, e.kind());
            assertTrue(e.getMessage().contains("Derby") && e.getMessage().contains("PostgreSQL server"), e.getMessage());
            assertTrue(e.fix().contains("CREATE ROLE") && e.fix().contains("hostssl"), e.fix());
            assertTrue(store.role().isEmpty() && !store.hasAccounts(), "PostgreSQL's own roles apply, not FaceAttend's");
        }
    }

    @Test
    void theAuditLogIsAppendOnlyOnPostgresToo() throws Exception {
        StoreEngine.TestDatabase db = StoreEngine.POSTGRESQL.fresh(tmp);
        try (DerbyAttendanceStore store = db.open()) {
            store.audit("admin", "export", "monthly report");
        }
        for (String change : List.of("UPDATE audit_log SET actor = 'nobody'", "DELETE FROM audit_log", "TRUNCATE audit_log")) {
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                SQLException refused = assertThrows(SQLException.class, () -> s.executeUpdate(change), change);
                StoreException e = StoreErrors.translate(refused, Location.postgres("127.0.0.1", 5432, "x"), "change the audit log");
                assertEquals(Problem.Kind.REFUSED, e.kind(), change + ": " + refused.getMessage());
                assertTrue(e.getMessage().contains("append-only"), e.getMessage());
            }
        }
        try (DerbyAttendanceStore store = db.open()) {
            assertEquals("export", store.listAudit(1).get(0).action());
        }
    }

    /** An erasure on PostgreSQL rewrites the template table (VACUUM FULL): the bytes leave its files. */
    @Test
    void deletedTemplatesLeaveTheTableFiles() throws Exception {
        StoreEngine.TestDatabase db = StoreEngine.POSTGRESQL.fresh(tmp);
        float[] v = distinctive(128, 41f); // 512 bytes: stored inline, uncompressed (larger values may be compressed by TOAST)
        byte[] bytes = VectorCodec.encode(v);
        Path base = PostgresServer.shared().dataDirectory().resolve("base");
        try (DerbyAttendanceStore store = db.open()) {
            addConsented(store, "E1");
            store.addTemplates("E1", List.of(StoreTestSupport.template(MODEL, v, 1f)), "hr");
            checkpoint(db);
            assertFalse(StoreTestSupport.filesContaining(base, bytes).isEmpty(),
                    "the template is in the table's files before the erasure (else this test proves nothing)");
            store.deleteEmployee("E1", "dpo");
            checkpoint(db);
            assertEquals(List.of(), StoreTestSupport.filesContaining(base, bytes), "template bytes left in the table files");
        }
    }

    private static void checkpoint(StoreEngine.TestDatabase db) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("CHECKPOINT");
        }
    }

    @Test
    void connectionProblemsAreNamedWithAFix() throws Exception {
        PostgresServer pg = PostgresServer.shared();
        StoreException wrong = assertThrows(StoreException.class,
                () -> DerbyAttendanceStore.openJdbc(pg.url("postgres"), StoreLogin.user(PostgresServer.USER, "not-the-password")));
        assertEquals(Problem.Kind.REFUSED, wrong.kind());
        assertTrue(wrong.getMessage().contains("refused the sign-in"), wrong.getMessage());
        assertFalse(wrong.getMessage().contains("not-the-password"));

        StoreException missing = assertThrows(StoreException.class,
                () -> DerbyAttendanceStore.openJdbc(pg.url("no_such_db"), pg.login()));
        assertTrue(missing.getMessage().contains("has no database 'no_such_db'"), missing.getMessage());
        assertTrue(missing.fix().contains("createdb"), missing.fix());

        int closedPort;
        try (var s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        StoreException down = assertThrows(StoreException.class,
                () -> DerbyAttendanceStore.openJdbc("jdbc:postgresql://127.0.0.1:" + closedPort + "/faceattend", pg.login()));
        assertTrue(down.getMessage().contains("no PostgreSQL server answers at 127.0.0.1:" + closedPort), down.getMessage());

        StoreException other = assertThrows(StoreException.class,
                () -> DerbyAttendanceStore.openJdbc("jdbc:mysql://db/faceattend?password=secret", pg.login()));
        assertEquals(Problem.Kind.BAD_VALUE, other.kind());
        assertFalse(other.getMessage().contains("secret"), other.getMessage());
    }
}
