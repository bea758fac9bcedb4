package com.faceattend.store;

import static com.faceattend.store.StoreTestSupport.addConsented;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Embedded Derby only: a database folder created, reopened and shared by two stores in one
 * process, which only an embedded engine has (the schema on PostgreSQL: {@link PostgresStoreTest}).
 */
class MigrationAndPersistenceTest {
    @TempDir
    Path tmp;

    @Test
    void createsMigratesAndKeepsDataAcrossReopen() throws Exception {
        Path dir = tmp.resolve("nested/folders/db");
        try (DerbyAttendanceStore store = DerbyAttendanceStore.openEmbedded(dir)) {
            assertEquals(dir.toAbsolutePath(), store.databaseDir());
            assertTrue(store.listEmployees(true).isEmpty());
            addConsented(store, "E1");
            store.addEmployee("E2", "Bea", null, null);
            store.ensureStation("gate");
        }
        assertTrue(Files.exists(dir.resolve("service.properties")), "a Derby database was created");

        // second open: Flyway finds V1 applied and does nothing; the data is still there
        try (DerbyAttendanceStore store = DerbyAttendanceStore.openEmbedded(dir)) {
            List<Employee> all = store.listEmployees(true);
            assertEquals(List.of("E1", "E2"), all.stream().map(Employee::code).toList());
            assertNull(all.get(1).department());
            assertNull(all.get(1).consentRecordedAt());
            assertEquals(store.ensureStation("gate"), store.ensureStation("gate"));
        }
        try (DerbyAttendanceStore store = DerbyAttendanceStore.openEmbedded(dir)) {
            assertEquals(2, store.listEmployees(true).size());
        }

        // the versions listed in index.txt (work in parallel leaves gaps between version ranges)
        List<String> everyScriptOnce;
        try (var in = SchemaMigrator.class.getResourceAsStream("/db/migration/index.txt")) {
            everyScriptOnce = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
                    .filter(l -> l.startsWith("derby/V") || l.startsWith("common/V"))
                    .map(l -> l.substring(l.indexOf("/V") + 2, l.indexOf("__")))
                    .sorted(java.util.Comparator.comparingInt(Integer::parseInt)).map(v -> v + ":true").toList();
        }
        assertEquals(everyScriptOnce, schemaHistory(dir), "every migration applied exactly once, successfully");
    }

    @Test
    void acceptsAnEmptyExistingFolder() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("made-by-mkdir"));
        try (DerbyAttendanceStore store = DerbyAttendanceStore.openEmbedded(dir)) {
            assertEquals(0, store.countAttendance());
        }
        assertTrue(Files.exists(dir.resolve("service.properties")));
    }

    @Test
    void twoStoresOnOneFolderInOneJvmShareTheDatabase() {
        Path dir = tmp.resolve("shared");
        try (DerbyAttendanceStore a = DerbyAttendanceStore.openEmbedded(dir)) {
            try (DerbyAttendanceStore b = DerbyAttendanceStore.openEmbedded(dir)) {
                addConsented(b, "E1");
            }
            // closing b must not have shut the database down under a
            assertEquals(1, a.listEmployees(false).size());
        }
    }

    @Test
    void closeIsIdempotentAndTheStoreRefusesWorkAfterwards() {
        DerbyAttendanceStore store = DerbyAttendanceStore.openEmbedded(tmp.resolve("db"));
        store.close();
        store.close();
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> store.listEmployees(true));
    }

    @Test
    void noPhotoColumnsAnywhere() throws Exception {
        Path dir = tmp.resolve("db");
        DerbyAttendanceStore.openEmbedded(dir).close();
        List<String> blobs = query(dir, "SELECT t.tablename || '.' || c.columnname FROM sys.syscolumns c "
                + "JOIN sys.systables t ON t.tableid = c.referenceid JOIN sys.sysschemas s ON s.schemaid = t.schemaid "
                + "WHERE s.schemaname = 'APP' AND (CAST(c.columndatatype AS VARCHAR(128)) LIKE '%BLOB%' "
                + "OR LOWER(c.columnname) LIKE '%photo%' OR LOWER(c.columnname) LIKE '%image%')");
        assertTrue(blobs.isEmpty(), "unexpected image-like columns: " + blobs);
        assertFalse(query(dir, "SELECT tablename FROM sys.systables WHERE tablename = 'FACE_TEMPLATE'").isEmpty());
    }

    @Test
    void auditTrailRecordsWhoDidWhat() {
        try (DerbyAttendanceStore store = DerbyAttendanceStore.openEmbedded(tmp.resolve("db"))) {
            store.addEmployee("E1", "Ann", "Ops", null);
            store.recordConsent("E1", Instant.parse("2025-02-01T10:00:00Z"), "hr-officer");
            store.setActive("E1", false, "hr-officer");
            store.audit("admin", "export", "monthly report");
            List<AuditEntry> latest = store.listAudit(3);
            assertEquals(List.of("export", "deactivate", "consent"), latest.stream().map(AuditEntry::action).toList());
            assertEquals("hr-officer", latest.get(1).actor());
            assertEquals(4, store.listAudit(100).size());
            assertTrue(store.listAudit(0).isEmpty());
        }
    }

    private static List<String> schemaHistory(Path dir) throws SQLException {
        return query(dir, "SELECT \"version\" || ':' || CAST(\"success\" AS VARCHAR(5)) FROM \"flyway_schema_history\" "
                + "WHERE \"version\" IS NOT NULL ORDER BY \"installed_rank\"");
    }

    /** Runs one query straight against the (closed) database, then shuts it down again. */
    static List<String> query(Path dir, String sql) throws SQLException {
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName(dir.toAbsolutePath().toString());
        List<String> out = new java.util.ArrayList<>();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        } finally {
            ds.setShutdownDatabase("shutdown");
            try {
                ds.getConnection().close();
            } catch (SQLException expected) {
                // 08006: shut down
            }
        }
        return out;
    }
}
