package com.faceattend.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.faceattend.spi.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17: each role's limits hold for a plain JDBC client (DriverManager with the account's user
 * name and password, then SET ROLE), not only inside FaceAttend; nobody may change the audit log.
 * One database with one account per role is shared by the tests (they only read or are refused).
 * Derby only: FaceAttend's accounts are Derby's (PostgreSQL deployments use PostgreSQL's roles).
 */
class RolesOverJdbcTest {
    static final String PW = "correct horse 42";

    @TempDir
    static Path tmp;
    static Path dir;

    @BeforeAll
    static void accountsForEveryRole() {
        dir = tmp.resolve("db");
        try (DerbyAttendanceStore store = DerbyAttendanceStore.openEmbedded(dir)) {
            StoreTestSupport.addConsented(store, "E1");
            store.ensureStation("gate");
        }
        UserAccounts.initialise(dir, "boss", PW);
        try (DerbyAttendanceStore admin = DerbyAttendanceStore.openEmbedded(dir, StoreLogin.user("boss", PW))) {
            assertEquals(StoreRole.ADMIN, admin.role().orElseThrow());
            admin.userAccounts().add("hilda", StoreRole.HR, PW);
            admin.userAccounts().add("sam", StoreRole.SECURITY, PW);
            admin.userAccounts().add("gate1", StoreRole.STATION, PW);
            admin.userAccounts().add("audra", StoreRole.AUDITOR, PW);
            admin.userAccounts().add("locky", StoreRole.HR, PW);
        }
    }

    @AfterAll
    static void shutDown() throws Exception {
        String owner = Files.readString(OwnerSecret.of(dir).file()).strip();
        try {
            DriverManager.getConnection("jdbc:derby:" + dir + ";shutdown=true", "APP", owner).close();
        } catch (SQLException expected) {
            // 08006: shut down
        }
    }

    /** A plain JDBC connection, as any SQL tool would open it, with the role set. */
    static Connection jdbc(String user, String role) throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:derby:" + dir, user, PW);
        try (Statement s = c.createStatement()) {
            s.execute("SET SCHEMA APP");
            if (role != null) {
                s.execute("SET ROLE " + role);
            }
        }
        return c;
    }

    static void refused(Connection c, String sql) {
        SQLException e = assertThrows(SQLException.class, () -> {
            try (Statement s = c.createStatement()) {
                s.execute(sql);
            }
        }, sql);
        assertTrue(e.getSQLState().startsWith("425") || e.getSQLState().equals("23513") || e.getSQLState().equals("0P000"),
                sql + " refused for the wrong reason: " + e.getSQLState() + " " + e.getMessage());
    }

    static int count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Test
    void issue13StationFollowsChangesAndBeatsHrWritesChangesSecurityWatchesStations() throws Exception {
        try (DerbyAttendanceStore hr = DerbyAttendanceStore.openEmbedded(dir, StoreLogin.user("hilda", PW))) {
            hr.setActive("E1", true, "hilda"); // writes the change sequence under HR's grants
        }
        try (Connection c = jdbc("gate1", "FA_STATION")) {
            assertTrue(count(c, "SELECT COUNT(*) FROM gallery_change") >= 1);
            assertTrue(count(c, "SELECT COUNT(*) FROM gallery_change_counter") == 1);
            try (Statement s = c.createStatement()) {
                assertEquals(1, s.executeUpdate("INSERT INTO station_heartbeat (station_name, host, started_at, last_beat, interval_ms, "
                        + "events_today, backlog, fps_centi, version, gallery_seq) VALUES ('gate', 'pi', CURRENT_TIMESTAMP, "
                        + "CURRENT_TIMESTAMP, 2000, 0, 0, 0, 'test', 0)"));
                assertEquals(1, s.executeUpdate("UPDATE station_heartbeat SET events_today = 1 WHERE station_name = 'gate'"));
            }
            refused(c, "UPDATE gallery_change_counter SET last_seq = 0");
            refused(c, "DELETE FROM gallery_change");
        }
        try (Connection c = jdbc("sam", "FA_SECURITY")) {
            assertEquals(1, count(c, "SELECT COUNT(*) FROM station_heartbeat"));
            refused(c, "DELETE FROM station_heartbeat");
        }
        try (Connection c = jdbc("audra", "FA_AUDITOR")) {
            refused(c, "SELECT COUNT(*) FROM station_heartbeat");
        }
    }

    @Test
    void withoutAccountOrWithWrongPasswordDerbyRefusesTheConnection() {
        SQLException none = assertThrows(SQLException.class, () -> DriverManager.getConnection("jdbc:derby:" + dir).close());
        assertEquals("08004", none.getSQLState());
        SQLException wrong = assertThrows(SQLException.class,
                () -> DriverManager.getConnection("jdbc:derby:" + dir, "hilda", "not her password 1").close());
        assertEquals("08004", wrong.getSQLState());
    }

    @Test
    void stationReadsTheGalleryAndInsertsEventsButCannotDeleteOrReadTheAuditLog() throws Exception {
        try (Connection c = jdbc("gate1", "FA_STATION")) {
            assertEquals(1, count(c, "SELECT COUNT(*) FROM employee"));
            assertEquals(0, count(c, "SELECT COUNT(*) FROM face_template"));
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                assertEquals(1, s.executeUpdate("INSERT INTO attendance_event (employee_id, station_id, event_time, direction) "
                        + "SELECT e.id, s.id, CURRENT_TIMESTAMP, 'IN' FROM employee e, station s"));
            }
            c.rollback();
            c.setAutoCommit(true);
            refused(c, "DELETE FROM attendance_event");
            refused(c, "DELETE FROM employee");
            refused(c, "UPDATE employee SET name = 'x'");
            refused(c, "SELECT * FROM audit_log");
            refused(c, "SELECT * FROM user_account");
            refused(c, "SET ROLE FA_ADMIN");
        }
    }

    @Test
    void hrManagesEmployeesButCannotChangeUsersOrReadTheAuditLog() throws Exception {
        try (Connection c = jdbc("hilda", "FA_HR")) {
            assertEquals(1, count(c, "SELECT COUNT(*) FROM employee"));
            refused(c, "CALL SYSCS_UTIL.SYSCS_CREATE_USER('mallory', 'mallory pw 123')");
            refused(c, "CALL SYSCS_UTIL.SYSCS_RESET_PASSWORD('BOSS', 'taken over 123')");
            refused(c, "INSERT INTO user_account (username, role_name, created_at) VALUES ('X', 'ADMIN', CURRENT_TIMESTAMP)");
            refused(c, "UPDATE user_account SET disabled = TRUE");
            refused(c, "SELECT * FROM audit_log");
            refused(c, "SELECT * FROM alert");
            refused(c, "SET ROLE FA_ADMIN");
            assertThrows(SQLException.class, () -> c.createStatement().execute("GRANT FA_ADMIN TO hilda"));
        }
    }

    @Test
    void securityAcknowledgesAlertsButCannotReadTemplatesOrDeletePeople() throws Exception {
        try (Connection c = jdbc("sam", "FA_SECURITY")) {
            try (Statement s = c.createStatement()) {
                assertEquals(0, s.executeUpdate("UPDATE alert SET ack_note = 'seen' WHERE ack_time IS NULL"));
            }
            refused(c, "SELECT * FROM face_template");
            refused(c, "DELETE FROM employee");
            refused(c, "SELECT * FROM audit_log");
        }
    }

    @Test
    void auditorReadsTheAuditLogAndChangesNothing() throws Exception {
        try (Connection c = jdbc("audra", "FA_AUDITOR")) {
            assertTrue(count(c, "SELECT COUNT(*) FROM audit_log WHERE action = 'user-add'") >= 5);
            refused(c, "SELECT * FROM face_template");
            refused(c, "INSERT INTO holiday (holiday_date, name) VALUES (DATE('2030-01-01'), 'x')");
            refused(c, "UPDATE employee SET active = FALSE");
            refused(c, "DELETE FROM attendance_event");
        }
    }

    @Test
    void withoutARoleAnAccountReadsNothing() throws Exception {
        try (Connection c = jdbc("hilda", null)) {
            refused(c, "SELECT * FROM employee");
        }
    }

    @Test
    void nobodyMayUpdateOrDeleteAuditRowsNotEvenAdministratorOrOwner() throws Exception {
        String owner = Files.readString(OwnerSecret.of(dir).file()).strip();
        try (Connection admin = jdbc("boss", "FA_ADMIN");
                Connection dbo = DriverManager.getConnection("jdbc:derby:" + dir, "APP", owner)) {
            int before = count(dbo, "SELECT COUNT(*) FROM audit_log");
            refused(admin, "UPDATE audit_log SET actor = 'someone else'");
            refused(admin, "DELETE FROM audit_log");
            refused(dbo, "UPDATE audit_log SET detail = NULL");
            refused(dbo, "DELETE FROM audit_log WHERE action = 'login'");
            assertEquals(before, count(dbo, "SELECT COUNT(*) FROM audit_log"));
            try (Statement s = admin.createStatement()) { // appending stays allowed
                assertEquals(1, s.executeUpdate("INSERT INTO audit_log (event_time, actor, action) VALUES (CURRENT_TIMESTAMP, 'boss', 'test')"));
            }
            try (Statement s = dbo.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT db_user FROM audit_log WHERE action = 'test'")) {
                assertTrue(rs.next());
                assertEquals("BOSS", rs.getString(1), "the engine records which account wrote the entry");
            }
        }
    }

    @Test
    void throughTheStoreARefusalNamesTheRoleNeeded() {
        try (DerbyAttendanceStore hr = DerbyAttendanceStore.openEmbedded(dir, StoreLogin.user("hilda", PW))) {
            assertEquals(StoreRole.HR, hr.role().orElseThrow());
            StoreException users = assertThrows(StoreException.class, hr::userAccounts);
            assertEquals(Problem.Kind.REFUSED, users.kind());
            assertTrue(users.getMessage().contains("needs the role ADMIN"), users.getMessage());
            StoreException audit = assertThrows(StoreException.class, () -> hr.listAudit(5));
            assertEquals(Problem.Kind.REFUSED, audit.kind());
            assertTrue(audit.getMessage().contains("needs the role ADMIN or AUDITOR"), audit.getMessage());
            assertEquals(1, hr.listEmployees(true).size());
            hr.addEmployee("E2", "Short Stay", null, StoreTestSupport.CONSENT);
            hr.deleteEmployee("E2", "hilda"); // HR erases people; the wipe of the files runs as the owner
            assertEquals(1, hr.listEmployees(true).size());
        }
        StoreException anonymous = assertThrows(StoreException.class, () -> DerbyAttendanceStore.openEmbedded(dir));
        assertEquals(Problem.Kind.REFUSED, anonymous.kind());
        assertTrue(anonymous.getMessage().contains("sign in"), anonymous.getMessage());
    }

    /** A station on another machine signs in over the Derby network server with its device account. */
    @Test
    void aStationAccountOverTheNetworkRecordsPassesAndIsRefusedTheRest() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        var server = new org.apache.derby.drda.NetworkServerControl(java.net.InetAddress.getByName("127.0.0.1"), port);
        server.start(new java.io.PrintWriter(new java.io.StringWriter(), true));
        try {
            for (int i = 0; ; i++) {
                try {
                    server.ping();
                    break;
                } catch (Exception notYet) {
                    if (i > 100) {
                        throw notYet;
                    }
                    Thread.sleep(100);
                }
            }
            StoreException anonymous = assertThrows(StoreException.class,
                    () -> DerbyAttendanceStore.openNetwork("127.0.0.1", port, dir.toString()));
            assertEquals(Problem.Kind.REFUSED, anonymous.kind(), anonymous.getMessage());
            try (DerbyAttendanceStore station = DerbyAttendanceStore.openNetwork("127.0.0.1", port, dir.toString(),
                    StoreLogin.user("gate1", PW))) {
                assertEquals(StoreRole.STATION, station.role().orElseThrow());
                java.time.Instant t = java.time.Instant.parse("2026-01-05T08:00:00Z");
                station.recordAttendance(new com.faceattend.spi.AttendanceEvent.PersonRecognized(t, "gate", "E1", "x",
                        com.faceattend.spi.AttendanceEvent.Direction.IN, 0.8f, 0.95f));
                assertEquals(1, station.listAttendance(t, t.plusSeconds(1), "E1").size());
                StoreException delete = assertThrows(StoreException.class, () -> station.deleteEmployee("E1", "gate1"));
                assertEquals(Problem.Kind.REFUSED, delete.kind());
                assertTrue(delete.getMessage().contains("needs the role"), delete.getMessage());
            }
        } finally {
            server.shutdown();
        }
    }

    @Test
    void repeatedWrongPasswordsLockTheAccountAndAreAudited() {
        for (int i = 0; i < StoreSignIn.MAX_FAILURES; i++) {
            StoreException e = assertThrows(StoreException.class,
                    () -> DerbyAttendanceStore.openEmbedded(dir, StoreLogin.user("locky", "wrong password 1")));
            assertEquals(Problem.Kind.REFUSED, e.kind());
            assertTrue(e.getMessage().contains("wrong user name or password"), e.getMessage());
        }
        StoreException locked = assertThrows(StoreException.class,
                () -> DerbyAttendanceStore.openEmbedded(dir, StoreLogin.user("locky", PW)));
        assertTrue(locked.getMessage().contains("is locked until"), locked.getMessage());
        try (DerbyAttendanceStore admin = DerbyAttendanceStore.openEmbedded(dir, StoreLogin.user("boss", PW))) {
            var failures = admin.listAudit(new AuditQuery(null, null, "locky", "login-failed", 100));
            assertEquals(StoreSignIn.MAX_FAILURES, failures.size());
            assertTrue(failures.get(0).detail().contains("locked"), failures.get(0).detail());
            assertFalse(failures.get(0).station() == null);
            admin.userAccounts().setPassword("locky", "a fresh password 7");
        }
        try (DerbyAttendanceStore unlocked = DerbyAttendanceStore.openEmbedded(dir, StoreLogin.user("locky", "a fresh password 7"))) {
            assertEquals("locky", unlocked.account().orElseThrow());
        }
    }
}
