package com.faceattend.store;

import static com.faceattend.store.StoreTestSupport.addConsented;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.faceattend.store.testdb.StoreEngine;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every failure a user can meet reads as a problem plus a fix, never as a bare SQLException.
 * The store API's refusals run on every engine; the rest is Derby's: an embedded database folder
 * missing, unwritable or damaged, a network server not answering.
 */
class ErrorMessagesTest {
    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0}")
    @EnumSource(StoreEngine.class)
    void unknownEmployee(StoreEngine engine) {
        try (StoreEngine.TestDatabase db = engine.fresh(tmp); DerbyAttendanceStore store = db.open()) {
            StoreException e = assertThrows(StoreException.class, () -> store.requireEmployee("X9"));
            assertEquals("no employee with code 'X9'", e.problem());
            assertEquals(com.faceattend.spi.Problem.Kind.NOT_FOUND, e.kind());
            assertFalse(e.fix().contains("faceattend"), "a fix both front ends can show: " + e.fix());
            assertTrue(store.findEmployee("X9").isEmpty());
            assertThrows(StoreException.class, () -> store.countTemplates("X9"));
            assertThrows(StoreException.class, () -> store.setActive("X9", false));
            assertThrows(StoreException.class, () -> store.listAttendance(java.time.Instant.EPOCH,
                    java.time.Instant.now(), "X9"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(StoreEngine.class)
    void duplicateCode(StoreEngine engine) {
        try (StoreEngine.TestDatabase db = engine.fresh(tmp); DerbyAttendanceStore store = db.open()) {
            addConsented(store, "E1");
            StoreException e = assertThrows(StoreException.class, () -> store.addEmployee("E1", "Other", null, null));
            assertEquals("an employee with code 'E1' already exists", e.getMessage());
            assertEquals(com.faceattend.spi.Problem.Kind.REFUSED, e.kind());
            assertEquals(1, store.listEmployees(true).size());
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(StoreEngine.class)
    void overlongOrEmptyText(StoreEngine engine) {
        try (StoreEngine.TestDatabase db = engine.fresh(tmp); DerbyAttendanceStore store = db.open()) {
            StoreException e = assertThrows(StoreException.class, () -> store.addEmployee("C".repeat(65), "n", null, null));
            assertTrue(e.getMessage().contains("longer than 64"), e.getMessage());
            assertThrows(StoreException.class, () -> store.addEmployee(" ", "n", null, null));
        }
    }

    @Test
    void folderThatIsNotADerbyDatabase() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("photos"));
        Files.writeString(dir.resolve("holiday.txt"), "not a database");
        StoreException e = assertThrows(StoreException.class, () -> DerbyAttendanceStore.openEmbedded(dir));
        assertEquals("the folder " + dir + " exists but is not a FaceAttend database", e.getMessage());
        assertTrue(e.fix().contains("empty or new folder"), e.fix());
        assertTrue(Files.exists(dir.resolve("holiday.txt")), "the user's files are untouched");
    }

    @Test
    void derbyDatabaseOfAnotherProgram() throws Exception {
        Path dir = tmp.resolve("other-app");
        org.apache.derby.jdbc.EmbeddedDataSource ds = new org.apache.derby.jdbc.EmbeddedDataSource();
        ds.setDatabaseName(dir.toString());
        ds.setCreateDatabase("create");
        try (java.sql.Connection c = ds.getConnection(); java.sql.Statement s = c.createStatement()) {
            s.execute("CREATE TABLE invoices (id INT)");
        }
        MigrationAndPersistenceTest.query(dir, "VALUES 1"); // shuts it down
        StoreException e = assertThrows(StoreException.class, () -> DerbyAttendanceStore.openEmbedded(dir));
        assertEquals("the database at " + dir + " holds tables of another program, not a FaceAttend database",
                e.getMessage());
        // a failed open leaves nothing booted: the folder can be opened again right away
        assertEquals(java.util.List.of("1"), MigrationAndPersistenceTest.query(dir, "VALUES 1"));
    }

    @Test
    void corruptDatabase() throws IOException {
        Path dir = tmp.resolve("db");
        DerbyAttendanceStore.openEmbedded(dir).close();
        Files.writeString(dir.resolve("service.properties"), "garbage\u0000");
        StoreException e = assertThrows(StoreException.class, () -> DerbyAttendanceStore.openEmbedded(dir));
        assertTrue(e.getMessage().startsWith("the database at " + dir + " could not be opened: its files look damaged"),
                e.getMessage());
        assertTrue(e.fix().contains("backup"), e.fix());
    }

    @Test
    void databaseWhoseParentIsAFile() throws IOException {
        Path file = Files.writeString(tmp.resolve("afile"), "x");
        StoreException e = assertThrows(StoreException.class, () -> DerbyAttendanceStore.openEmbedded(file.resolve("db")));
        assertTrue(e.getMessage().startsWith("cannot create the folder " + file), e.getMessage());
        assertTrue(e.fix().contains("folder you can write to"), e.fix());

        StoreException onFile = assertThrows(StoreException.class, () -> DerbyAttendanceStore.openEmbedded(file));
        assertEquals(file + " is a file, not a database folder", onFile.getMessage());
    }

    @Test
    void readOnlyFolder() throws IOException {
        // Permission bits do not stop root (CI runs as root). The kernel refuses writes into a process's
        // /proc folder to every user, root included, so that is the read-only folder there.
        boolean root = "root".equals(System.getProperty("user.name"));
        Path locked = root ? Path.of("/proc/self").toRealPath() : Files.createDirectories(tmp.resolve("ro"));
        if (!root) {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
        }
        try {
            assertFalse(Files.isWritable(locked), locked + " must be read-only for this test");
            StoreException e = assertThrows(StoreException.class, () -> DerbyAttendanceStore.openEmbedded(locked.resolve("db")));
            assertTrue(e.getMessage().contains("the folder " + locked + " is not writable"), e.getMessage());
            assertTrue(e.fix().contains("folder you can write to"), e.fix());
        } finally {
            if (!root) {
                Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
    }

    @Test
    void networkServerNotReachable() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort(); // free now, and nobody listens once closed
        }
        int closedPort = port;
        StoreException e = assertThrows(StoreException.class,
                () -> DerbyAttendanceStore.openNetwork("127.0.0.1", closedPort, "attendance"));
        assertEquals("no Derby network server answers at 127.0.0.1:" + closedPort, e.getMessage());
        assertTrue(e.fix().contains("startNetworkServer"), e.fix());
        assertFalse(e.getMessage().contains("SQLException"));
    }

    @Test
    void translatorNeverReturnsABareSqlMessage() {
        java.sql.SQLException raw = new java.sql.SQLException("Something odd happened.", "XYZ99");
        StoreException e = StoreErrors.translate(raw, Location.embedded(tmp), "list employees");
        assertTrue(e.getMessage().startsWith("could not list employees in the database at " + tmp), e.getMessage());
        assertTrue(e.getMessage().contains("SQLState XYZ99"), e.getMessage());
        assertFalse(e.fix().isBlank());
        assertEquals(raw, e.getCause());
    }
}
