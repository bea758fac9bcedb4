package com.faceattend.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.faceattend.fleet.journal.EventJournal;
import com.faceattend.store.SecureNetworkServer;
import com.faceattend.store.StoreKeys;
import com.faceattend.suite.StationJournal;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13, a station that starts while its central server is down, with real parts: a real
 * {@code faceattend server} (TLS and its password), people enrolled through it, a station started
 * once while it runs (so it has its copy of the gallery) and stopped; then, with the server stopped,
 * a brand-new station is refused with a clear message (exit 5), and the known station, a real
 * {@code faceattend run} process on a folder of real photos, starts, recognises from its copy,
 * journals passes and stranger sightings and says it is offline. When the server is started again
 * the station does its start-up work there, catches up with the gallery, and delivers each event
 * exactly once (its journal against the central tables).
 */
class OfflineStationStartTest {
    private static final String KNOWN = "9336923";
    private static final String STRANGER = "asamma";
    private static final String STATION = "Door O";

    @TempDir
    Path tmp;

    @Test
    void aStationStartsWithTheServerDownRecordsOfflineAndDeliversEachEventOnceWhenItIsBack() throws Exception {
        long t0 = System.nanoTime();
        int port = freePort();
        Path serverData = tmp.resolve("server");
        Path serverKeys = keysDir("server-keys");
        Path stationKeys = keysDir("station-keys");
        Path stationData = tmp.resolve("station");
        String dbServer = "127.0.0.1:" + port; // a faceattend server's own database, "db"
        Path frames = walkPasts();
        List<Proc> procs = new ArrayList<>();
        try {
            Proc server = Proc.start(tmp, serverKeys, serverData, "server", "--port", Integer.toString(port));
            procs.add(server);
            server.await(Pattern.compile("serving "), 120);
            Path passwordFile = SecureNetworkServer.userPasswordFile(serverKeys);
            String password = Files.readString(passwordFile).strip();
            copySecret(passwordFile, stationKeys);

            // enrolment at the admin side through the server, and the station's first start there: it keeps a copy
            withKeys(stationKeys, () -> {
                Path dir = Cli.data().resolve("faces94/identities/" + KNOWN);
                Cli.Result enrol = Cli.run(tmp.resolve("admin"), "--db-server", dbServer, "enroll", "--code", "P" + KNOWN, "--name", KNOWN,
                        "--consent", "--quiet", dir.resolve(KNOWN + ".1.jpg").toString(), dir.resolve(KNOWN + ".2.jpg").toString());
                assertEquals(ExitCode.OK, enrol.exitCode(), enrol.toString());
                Cli.Result first = Cli.run(stationData, "--db-server", dbServer, "run", "--source", emptyDoorway().toString(),
                        "--station", STATION, "--no-liveness");
                assertEquals(ExitCode.OK, first.exitCode(), first.toString());
                return null;
            });
            server.stop();

            Proc station = Proc.start(tmp, stationKeys, stationData, "--db-server", dbServer, "run", "--source", frames.toString(),
                    "--station", STATION, "--no-liveness", "--cooldown", "0s");
            procs.add(station);
            // while it starts: a brand-new station has nobody to recognise without the server; said plainly,
            // with the exit code of "database unavailable"
            Cli.Result fresh = withKeys(stationKeys, () -> Cli.run(tmp.resolve("new-station"), "--db-server", dbServer, "run",
                    "--source", frames.toString(), "--station", "Door N", "--no-liveness"));
            assertEquals(ExitCode.STORE_UNAVAILABLE, fresh.exitCode(), fresh.toString());
            assertTrue(fresh.err().contains("error: the central store is unreachable (no Derby network server answers at 127.0.0.1:" + port
                    + ") and this station has no copy of the gallery yet"), fresh.toString());
            assertTrue(fresh.err().contains("fix: Start the station once while the central store is reachable"), fresh.toString());
            assertFalse(fresh.err().contains("Exception") || fresh.err().contains("\tat "), fresh.toString());
            assertFalse(Files.exists(tmp.resolve("new-station").resolve("station-gallery")), "no empty copy left behind");

            station.await(Pattern.compile("recognising from the local copy of the gallery, 1 people"), 120);
            station.await(Pattern.compile("offline, 0 events waiting \\(no Derby network server answers"), 60);
            station.await(Pattern.compile("IN  " + KNOWN + " \\(P" + KNOWN + "\\) similarity"), 120);
            station.await(Pattern.compile("STRANGER at " + STATION), 120);
            station.await(Pattern.compile("offline, [1-9]\\d* events? waiting"), 60);

            server = Proc.start(tmp, serverKeys, serverData, "server", "--port", Integer.toString(port));
            procs.add(server);
            server.await(Pattern.compile("serving "), 120);
            station.await(Pattern.compile("online again, delivering [1-9]\\d* waiting events?"), 60);
            station.await(Pattern.compile("central store reachable: station registered, expired entries purged"), 60);
            station.await(Pattern.compile("central store reachable again: gallery loaded"), 60);
            station.await(Pattern.compile("online, all waiting events delivered"), 60);
            station.stop(); // SIGTERM: the station delivers what is left before it exits

            // the journal's key is in the station's keys folder
            List<String> journalled = withKeys(stationKeys, () -> {
                try (EventJournal j = EventJournal.open(stationData.resolve(StationJournal.FOLDER))) {
                    assertEquals(0, j.waitingCount(), () -> "events left waiting:\n" + station.output());
                    assertEquals(0, j.rejectedCount(), () -> "events refused:\n" + station.output());
                    return j.eventIds();
                }
            });
            Central central = central(port, password);
            assertEquals(journalled.size(), central.eventIds.size(), "as many events centrally as journalled");
            assertEquals(journalled.size(), new HashSet<>(central.eventIds).size(), "no event twice centrally");
            assertEquals(new HashSet<>(journalled), new HashSet<>(central.eventIds), "every journalled event arrived, none from elsewhere");
            assertTrue(central.passes > 0 && central.strangers > 0, "passes and stranger sightings: " + central);
            assertTrue(central.stationRegistered && central.heartbeat, "station and heartbeat in the central store: " + central);
            System.out.printf(Locale.ROOT, "OfflineStationStartTest: started with the server down, %d events journalled (%d passes, %d strangers), "
                    + "each once centrally after the server's return; %.0f s%n",
                    journalled.size(), central.passes, central.strangers, (System.nanoTime() - t0) / 1e9);
        } finally {
            for (Proc p : procs) {
                p.stop();
            }
        }
    }

    private record Central(List<String> eventIds, int passes, int strangers, boolean stationRegistered, boolean heartbeat) { }

    /** The station's events in the central store (passes, stranger sightings, spoof alerts), read over JDBC. */
    private static Central central(int port, String password) throws Exception {
        String url = "jdbc:derby://127.0.0.1:" + port + "/db;ssl=basic;user=" + SecureNetworkServer.USER + ";password=" + password;
        List<String> ids = new ArrayList<>();
        int[] counts = new int[2];
        try (Connection c = DriverManager.getConnection(url)) {
            List<String> queries = List.of(
                    "SELECT x.event_id FROM app.attendance_event x JOIN app.station s ON s.id = x.station_id WHERE s.name = ?",
                    "SELECT x.event_id FROM app.stranger_event x JOIN app.station s ON s.id = x.station_id WHERE s.name = ?",
                    "SELECT x.event_id FROM app.alert x JOIN app.station s ON s.id = x.station_id WHERE x.kind = 'SPOOF' AND s.name = ?");
            for (int q = 0; q < queries.size(); q++) {
                for (String id : strings(c, queries.get(q))) {
                    ids.add(id);
                    if (q < 2) {
                        counts[q]++;
                    }
                }
            }
            return new Central(ids, counts[0], counts[1], !strings(c, "SELECT name FROM app.station WHERE name = ?").isEmpty(),
                    !strings(c, "SELECT station_name FROM app.station_heartbeat WHERE station_name = ?").isEmpty());
        }
    }

    private static List<String> strings(Connection c, String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, STATION);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    /** Runs {@code body} with this JVM's keys folder (the in-process command line's) set to {@code keys}. */
    private static <T> T withKeys(Path keys, java.util.concurrent.Callable<T> body) throws Exception {
        String before = System.getProperty(StoreKeys.KEYS_DIR_PROPERTY);
        System.setProperty(StoreKeys.KEYS_DIR_PROPERTY, keys.toString());
        try {
            return body.call();
        } finally {
            if (before == null) {
                System.clearProperty(StoreKeys.KEYS_DIR_PROPERTY);
            } else {
                System.setProperty(StoreKeys.KEYS_DIR_PROPERTY, before);
            }
        }
    }

    private Path emptyDoorway() throws IOException {
        return DoorFolders.emptyDoorway(tmp.resolve("doorway"));
    }

    /**
     * A door camera as a folder of real photos (none used for enrolment): the enrolled person and a
     * stranger walk past in turn; long enough to outlast the test.
     */
    private Path walkPasts() throws IOException {
        // a stranger is declared after 10 frames that match nobody
        return DoorFolders.walkPasts(tmp.resolve("door"), tmp.resolve("doorway"), 200, KNOWN, STRANGER,
                person -> person.equals(KNOWN) ? 4 : 12, 3, 14);
    }

    private Path keysDir(String name) throws IOException {
        return DoorFolders.ownerOnly(tmp.resolve(name));
    }

    private static void copySecret(Path file, Path keys) throws IOException {
        DoorFolders.copySecret(file, keys);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** A real {@code faceattend} JVM on the test's class path with its own keys folder, its output in a file. */
    private record Proc(Process process, Path log) {
        static Proc start(Path tmp, Path keys, Path data, String... args) throws IOException {
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED", "-Xmx512m"));
            if (args[0].equals("server")) {
                cmd.add("-XX:TieredStopAtLevel=1"); // a short-lived Derby server: the quick compiler alone costs the CI machine less
            }
            cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), FaceAttendCli.class.getName(), "--data", data.toString()));
            cmd.addAll(List.of(args));
            Path log = Files.createTempFile(tmp, "proc", ".out");
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).directory(tmp.toFile());
            pb.environment().put(StoreKeys.KEYS_DIR_ENV, keys.toString());
            pb.environment().remove(StoreKeys.KEY_FILE_ENV);
            pb.environment().remove(StoreKeys.PASSPHRASE_ENV);
            return new Proc(pb.start(), log);
        }

        /** Waits up to {@code seconds} for {@code line} in the output; fails the test with the output if it does not come. */
        void await(Pattern line, int seconds) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (!line.matcher(output()).find()) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new AssertionError((process.isAlive() ? "no " : "ended before ") + line + ":\n" + output());
                }
                Thread.sleep(100);
            }
        }

        void stop() throws InterruptedException {
            if (process.isAlive()) {
                process.destroy(); // SIGTERM: the shutdown hooks stop the station and close the stores cleanly
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            }
        }

        String output() {
            try {
                return Files.readString(log);
            } catch (IOException e) {
                return e.toString();
            }
        }
    }
}
