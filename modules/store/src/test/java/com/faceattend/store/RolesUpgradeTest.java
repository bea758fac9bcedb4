package com.faceattend.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.faceattend.spi.Problem;
import com.faceattend.store.testdb.DerbyNetworkServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13: a database secured (users init) before V7–V9 added their tables lacks the grants they
 * need. Made here on a real encrypted, secured Derby database the old way: secured with today's
 * code, then taken back to V6 as its owner (V7–V9 objects dropped, their history rows deleted, the
 * station's SELECT on alert revoked: the roles.sql of that time, commit 4c7e1e0). Then the owner's
 * next open migrates and adds the grants, HR enrols (change feed row), and a station over the
 * network server writes its heartbeat and reads the feed; accounts that cannot migrate are refused
 * with the owner's fix. Costs about 4 s a test (an encrypted database, two reboots).
 */
class RolesUpgradeTest {
    static final String PW = "correct horse 42";
    static final BootSecret SECRET = BootSecret.password("boot secret for the test", "the test");

    @TempDir
    Path tmp;

    @Test
    void anOwnerOpenUpgradesTheGrantsOfADatabaseSecuredBeforeV7() throws Exception {
        Path dir = tmp.resolve("db");
        String ownerPw = securedBeforeV7(dir);

        // HR on a machine without the owner secret cannot migrate: refused, naming who can
        Path secretFile = OwnerSecret.of(dir).file();
        Path away = tmp.resolve("secret-elsewhere");
        Files.move(secretFile, away);
        StoreException notOwner = assertThrows(StoreException.class,
                () -> DerbyAttendanceStore.openEmbedded(dir, SECRET, StoreLogin.user("hilda", PW)).close());
        Files.move(away, secretFile);
        assertEquals(Problem.Kind.REFUSED, notOwner.kind());
        assertTrue(notOwner.getMessage().contains("needs a schema update") && notOwner.getMessage().contains("owner"),
                notOwner.getMessage());
        assertTrue(notOwner.fix().contains("owner secret"), notOwner.fix());

        // the owner's machine: any sign-in there migrates V7-V9 and adds the grants, audited
        try (DerbyAttendanceStore admin = DerbyAttendanceStore.openEmbedded(dir, SECRET, StoreLogin.user("boss", PW))) {
            var upgrades = admin.listAudit(new AuditQuery(null, null, null, "roles-upgrade", 10));
            assertEquals(1, upgrades.size());
            assertTrue(upgrades.get(0).detail().contains("INSERT on station_heartbeat for FA_STATION"), upgrades.get(0).detail());
            assertTrue(upgrades.get(0).detail().contains("SELECT on alert for FA_STATION"), upgrades.get(0).detail());
        }
        try (Connection dbo = owner(dir, ownerPw)) {
            assertEquals(List.of(), RoleGrants.missing(dbo, null));
        }

        // HR enrols: the change feed row is written under HR's own grants
        try (DerbyAttendanceStore hr = DerbyAttendanceStore.openEmbedded(dir, SECRET, StoreLogin.user("hilda", PW))) {
            assertEquals(StoreRole.HR, hr.role().orElseThrow());
            hr.enrol("E2", "Erna", null, StoreTestSupport.CONSENT, List.of(StoreTestSupport.template(StoreTestSupport.MODEL,
                    StoreTestSupport.distinctive(8, 2), 1)), "hilda");
        }

        // a station over the network server (the owner's store keeps the encrypted database booted)
        DerbyNetworkServer server = DerbyNetworkServer.shared();
        try (DerbyAttendanceStore keepsBooted = DerbyAttendanceStore.openEmbedded(dir, SECRET, StoreLogin.owner())) {
            try (DerbyAttendanceStore station = stationOverNetwork(server, dir)) {
                List<GalleryChange> feed = new GalleryChanges(station).since(0, 10);
                assertEquals(GalleryChange.Kind.ENROLMENT, feed.get(feed.size() - 1).kind());
                assertEquals("E2", feed.get(feed.size() - 1).employeeCode());
                Instant now = Instant.parse("2026-01-05T08:00:00Z");
                new StationHeartbeats(station).write(new StationBeat("gate", "pi", now, now, Duration.ofSeconds(2), 0, 0, 9.5,
                        "test", feed.get(feed.size() - 1).seq()));
                assertEquals(1, new StationHeartbeats(station).list().size());
            }

            // a grant lost again (revoked by hand): the station is refused naming it, until the owner opens
            try (Connection dbo = owner(dir, ownerPw); Statement s = dbo.createStatement()) {
                s.execute("REVOKE INSERT ON station_heartbeat FROM fa_station");
            }
            StoreException lacking = assertThrows(StoreException.class, () -> stationOverNetwork(server, dir).close());
            assertEquals(Problem.Kind.REFUSED, lacking.kind());
            assertTrue(lacking.getMessage().contains("INSERT on station_heartbeat for FA_STATION")
                    && lacking.getMessage().contains("only the database owner may apply"), lacking.getMessage());
            DerbyAttendanceStore.openEmbedded(dir, SECRET, StoreLogin.owner()).close();
            stationOverNetwork(server, dir).close();
        }
    }

    /**
     * {@code faceattend server} on the database's machine (it holds the owner secret): its start
     * migrates and adds the grants as the owner, so its stations work after a restart with the new
     * version. The server runs in its own JVM (Derby's server settings are JVM-wide); about 4 s.
     */
    @Test
    void aRestartedServerUpgradesTheGrantsForItsStations() throws Exception {
        Path dir = tmp.resolve("data/db");
        securedBeforeV7(dir, StoreChild.SERVER_SECRET);
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        Path log = tmp.resolve("server.log");
        Process server = ChildJvm.start(log, "serve", dir.toString(), dir.resolveSibling("secrets").toString(),
                String.valueOf(port), "plain");
        try {
            assertTrue(ChildJvm.awaitLine(server, log, "SERVING", 120), () -> read(log));
            try (DerbyAttendanceStore station = DerbyAttendanceStore.openNetwork("127.0.0.1", port, dir.toString(),
                    StoreLogin.user("gate1", PW))) {
                Instant now = Instant.parse("2026-01-05T08:00:00Z");
                new StationHeartbeats(station).write(new StationBeat("gate", "pi", now, now, Duration.ofSeconds(2), 0, 0, 9.5,
                        "test", new GalleryChanges(station).latest()));
                assertEquals(1, new StationHeartbeats(station).list().size());
            }
        } finally {
            server.destroy();
            server.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** An encrypted database with accounts (boss, hilda of HR, station gate1) as FaceAttend left it before V7; shut down. */
    private String securedBeforeV7(Path dir) throws Exception {
        return securedBeforeV7(dir, SECRET);
    }

    private static String securedBeforeV7(Path dir, BootSecret secret) throws Exception {
        try (DerbyAttendanceStore store = DerbyAttendanceStore.openEmbedded(dir, secret)) {
            StoreTestSupport.addConsented(store, "E1");
            store.ensureStation("gate");
        }
        UserAccounts.initialise(dir, secret, "boss", PW);
        try (DerbyAttendanceStore admin = DerbyAttendanceStore.openEmbedded(dir, secret, StoreLogin.user("boss", PW))) {
            admin.userAccounts().add("hilda", StoreRole.HR, PW);
            admin.userAccounts().add("gate1", StoreRole.STATION, PW);
        }
        String ownerPw = Files.readString(OwnerSecret.of(dir).file()).strip();
        try (Connection dbo = owner(dir, secret, ownerPw)) {
            backToV6(dbo);
            assertFalse(RoleGrants.missing(dbo, null).isEmpty(), "the old way lacks grants (else this test proves nothing)");
        }
        shutdown(dir, ownerPw);
        return ownerPw;
    }

    private static String read(Path log) {
        try {
            return Files.exists(log) ? Files.readString(log) : "(no output)";
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }

    private static DerbyAttendanceStore stationOverNetwork(DerbyNetworkServer server, Path dir) {
        return DerbyAttendanceStore.openNetwork("127.0.0.1", server.port(), dir.toString(), StoreLogin.user("gate1", PW));
    }

    private static Connection owner(Path dir, String ownerPw) throws SQLException {
        return owner(dir, SECRET, ownerPw);
    }

    private static Connection owner(Path dir, BootSecret secret, String ownerPw) throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:derby:" + dir + ";" + secret.bootAttributes(), OwnerSecret.OWNER, ownerPw);
        try (Statement s = c.createStatement()) {
            s.execute("SET SCHEMA APP");
        }
        return c;
    }

    private static void shutdown(Path dir, String ownerPw) {
        try {
            DriverManager.getConnection("jdbc:derby:" + dir + ";shutdown=true", OwnerSecret.OWNER, ownerPw).close();
        } catch (SQLException expected) {
            assertEquals("08006", expected.getSQLState(), expected.getMessage());
        }
    }

    /** Undoes V7–V9 and the grants added with them, as the owner: the database as FaceAttend left it before V7. */
    private static void backToV6(Connection dbo) throws SQLException {
        try (Statement s = dbo.createStatement()) {
            s.execute("REVOKE SELECT ON alert FROM fa_station");
            for (String table : List.of("gallery_change", "gallery_change_counter", "station_heartbeat")) {
                s.execute("DROP TABLE " + table); // its grants go with it
            }
            for (String table : List.of("attendance_event", "stranger_event", "alert")) {
                s.execute("ALTER TABLE " + table + " DROP CONSTRAINT " + table + "_event_id_uq");
                s.execute("ALTER TABLE " + table + " DROP COLUMN event_id");
            }
            s.execute("ALTER TABLE employee DROP CONSTRAINT employee_dates_ck");
            s.execute("ALTER TABLE employee DROP COLUMN hire_date");
            s.execute("ALTER TABLE employee DROP COLUMN leave_date");
            s.execute("DELETE FROM \"flyway_schema_history\" WHERE \"version\" IN ('7', '8', '9')");
        }
    }
}
