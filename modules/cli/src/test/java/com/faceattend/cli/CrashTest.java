package com.faceattend.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.faceattend.store.AttendanceRecord;
import com.faceattend.store.DerbyAttendanceStore;
import com.faceattend.store.StoreKeys;
import com.faceattend.store.Employee;
import com.faceattend.store.StoredTemplate;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18: real {@code faceattend} processes killed with SIGKILL (kill -9) at random moments of
 * station runs, enrolments, deletions and first starts; afterwards the invariants must hold: no
 * printed pass missing from the database, no pass doubled by a restart, no employee without
 * templates, no template byte of a deleted person in any file, and the database opens.
 */
class CrashTest {
    private static final Pattern PRINTED_PASS = Pattern.compile("\\b(IN|OUT)\\s+.*\\((\\w+)\\) similarity");
    private static final String[] PEOPLE = {"9336923", "9338535", "anpage"};

    @TempDir
    Path tmp;

    private final Random random = new Random(Long.getLong("crash.seed", 18));
    private int kills;

    @Test
    void killedStationsNeitherLoseNorDoublePasses() throws Exception {
        Path data = tmp.resolve("data");
        Path frames = Files.createDirectories(tmp.resolve("door"));
        int n = 0;
        for (String person : PEOPLE) {
            Path dir = Cli.data().resolve("faces94/identities/" + person);
            Cli.Result r = Cli.run(data, "enroll", "--code", "P" + person, "--name", person, "--consent", "--quiet",
                    dir.resolve(person + ".1.jpg").toString(), dir.resolve(person + ".2.jpg").toString());
            assertEquals(ExitCode.OK, r.exitCode(), r.toString());
            // one walk-past: the same person in front of the camera for a few frames
            for (int k = 0; k < 8; k++) {
                Files.copy(dir.resolve(person + "." + (10 + k % 4) + ".jpg"), frames.resolve(String.format("%03d.jpg", n++)));
            }
        }
        Map<String, Integer> printed = new HashMap<>();
        int runs = 0;
        boolean completed = false;
        while (!completed && runs < 8) {
            runs++;
            Child c = Child.start(tmp, data, "run", "--source", frames.toString(), "--station", "Door", "--no-liveness",
                    "--cooldown", "1h", "--direction", "in");
            completed = runs > 5 ? c.waitFor(300) : killSomewhere(c, 4_000, 25_000);
            Matcher m = PRINTED_PASS.matcher(c.output());
            while (m.find()) {
                printed.merge(m.group(2), 1, Integer::sum);
            }
            checkStation(data, printed);
        }
        assertTrue(completed, "the last station run must complete");
        try (DerbyAttendanceStore store = DerbyAttendanceStore.openEmbedded(data.resolve("db"), StoreKeys.forDatabase(data.resolve("db")).forOpening())) {
            assertTrue(store.countAttendance() > 0, "the folder's people were recognised at least once");
        }
        System.out.printf("CrashTest station: %d runs, %d killed, printed %s, lost 0, doubled 0%n", runs, kills, printed);
    }

    /** Every printed pass is in the database; nobody was recorded twice within the (1 h) cooldown. */
    private static void checkStation(Path data, Map<String, Integer> printed) {
        try (DerbyAttendanceStore store = DerbyAttendanceStore.openEmbedded(data.resolve("db"), StoreKeys.forDatabase(data.resolve("db")).forOpening())) {
            Map<String, Integer> rows = new HashMap<>();
            for (AttendanceRecord a : store.listAttendance(Instant.EPOCH, Instant.now().plusSeconds(3600), null)) {
                rows.merge(a.employeeCode(), 1, Integer::sum);
            }
            rows.forEach((code, count) -> assertEquals(1, count, "pass of " + code + " doubled by a restart: " + rows));
            printed.forEach((code, count) -> assertTrue(rows.getOrDefault(code, 0) >= 1,
                    "pass of " + code + " was printed but is not in the database: " + rows));
        }
    }

    @Test
    void killedEnrolmentsAndDeletionsLeaveNoHalfDoneWork() throws Exception {
        Path data = tmp.resolve("data");
        Path photos = Cli.data().resolve("faces94/identities/" + PEOPLE[0]);
        String[] three = Stream.of(1, 2, 3).map(i -> photos.resolve(PEOPLE[0] + "." + i + ".jpg").toString()).toArray(String[]::new);
        Cli.Result keep = Cli.run(data, "enroll", "--code", "KEEP", "--name", "Keeper", "--consent", "--quiet",
                Cli.data().resolve("faces94/identities/" + PEOPLE[1] + "/" + PEOPLE[1] + ".1.jpg").toString());
        assertEquals(ExitCode.OK, keep.exitCode(), keep.toString());
        int keptTemplates = countTemplates(data, "KEEP");
        int killsBefore = kills;
        for (int round = 0; round < 3; round++) {
            String code = "E" + round;
            List<String> args = new ArrayList<>(List.of("enroll", "--code", code, "--name", "Person " + round, "--consent", "--quiet"));
            args.addAll(Arrays.asList(three));
            killSomewhere(Child.start(tmp, data, args.toArray(String[]::new)), 3_000, 20_000);
            checkNoEmployeeWithoutTemplates(data);
            Cli.Result done = Cli.run(data, args.toArray(String[]::new));
            assertEquals(ExitCode.OK, done.exitCode(), done.toString());
            int templates = countTemplates(data, code);
            assertEquals(ExitCode.OK, Cli.run(data, args.toArray(String[]::new)).exitCode());
            assertEquals(templates, countTemplates(data, code), "enrolling the same photos again doubled templates");

            byte[] needle = templateNeedle(data, code);
            killSomewhere(Child.start(tmp, data, "employees", "delete", code, "--yes"), 2_000, 15_000);
            boolean gone;
            try (DerbyAttendanceStore store = DerbyAttendanceStore.openEmbedded(data.resolve("db"), StoreKeys.forDatabase(data.resolve("db")).forOpening())) {
                gone = store.findEmployee(code).isEmpty(); // opening finishes a scrub the kill left pending
            }
            if (!gone) {
                assertEquals(ExitCode.OK, Cli.run(data, "employees", "delete", code, "--yes").exitCode());
            }
            assertEquals(List.of(), filesContaining(data.resolve("db"), needle),
                    "template bytes of deleted " + code + " remain in the database files");
            checkNoEmployeeWithoutTemplates(data);
        }
        assertEquals(keptTemplates, countTemplates(data, "KEEP"), "the other employee kept their templates");
        System.out.printf("CrashTest enrol/delete: %d killed, employees without templates 0, leftover template bytes 0%n",
                kills - killsBefore);
    }

    @Test
    void aFirstStartKilledAnywhereLeavesADatabaseThatOpens() throws Exception {
        for (int round = 0; round < 3; round++) {
            Path data = tmp.resolve("fresh-" + round);
            killSomewhere(Child.start(tmp, data, "employees", "list"), 1_500, 8_000);
            Cli.Result r = Cli.run(data, "employees", "list");
            assertEquals(ExitCode.OK, r.exitCode(), "killed during its first start, the database must open: " + r);
        }
        System.out.printf("CrashTest first start: %d killed, every database opened%n", kills);
    }

    /**
     * Kills the child with SIGKILL at a random moment in [fromMs, toMs) after start, unless it ended
     * first. Returns true when the child completed on its own.
     */
    private boolean killSomewhere(Child c, int fromMs, int toMs) throws Exception {
        long delay = fromMs + random.nextInt(toMs - fromMs);
        if (c.process.waitFor(delay, TimeUnit.MILLISECONDS)) {
            return true;
        }
        c.process.destroyForcibly(); // SIGKILL: no shutdown hook, no Derby shutdown
        c.process.waitFor(60, TimeUnit.SECONDS);
        kills++;
        return false;
    }

    private static void checkNoEmployeeWithoutTemplates(Path data) {
        try (DerbyAttendanceStore store = DerbyAttendanceStore.openEmbedded(data.resolve("db"), StoreKeys.forDatabase(data.resolve("db")).forOpening())) {
            for (Employee e : store.listEmployees(true)) {
                assertTrue(store.countTemplates(e.code()) > 0, "employee " + e.code() + " exists without templates");
            }
        }
    }

    private static int countTemplates(Path data, String code) {
        try (DerbyAttendanceStore store = DerbyAttendanceStore.openEmbedded(data.resolve("db"), StoreKeys.forDatabase(data.resolve("db")).forOpening())) {
            return store.countTemplates(code);
        }
    }

    /** 64 bytes from the middle of one of the employee's stored templates (little-endian float32, as stored). */
    private static byte[] templateNeedle(Path data, String code) {
        try (DerbyAttendanceStore store = DerbyAttendanceStore.openEmbedded(data.resolve("db"), StoreKeys.forDatabase(data.resolve("db")).forOpening())) {
            for (String model : store.templateCountsByModel().keySet()) {
                for (StoredTemplate t : store.loadTemplates(model)) {
                    if (t.employeeCode().equals(code)) {
                        ByteBuffer b = ByteBuffer.allocate(t.vector().length * 4).order(ByteOrder.LITTLE_ENDIAN);
                        for (float v : t.vector()) {
                            b.putFloat(v);
                        }
                        int from = b.capacity() / 2;
                        return Arrays.copyOfRange(b.array(), from, from + 64);
                    }
                }
            }
        }
        throw new AssertionError("no template of " + code);
    }

    private static List<String> filesContaining(Path root, byte[] needle) throws IOException {
        List<String> hits = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                byte[] hay = Files.readAllBytes(p);
                outer:
                for (int i = 0; i + needle.length <= hay.length; i++) {
                    for (int j = 0; j < needle.length; j++) {
                        if (hay[i + j] != needle[j]) {
                            continue outer;
                        }
                    }
                    hits.add(root.relativize(p).toString());
                    break;
                }
            }
        }
        return hits;
    }

    /** A real {@code faceattend} process on the test's class path. */
    private record Child(Process process, Path log) {
        static Child start(Path tmp, Path data, String... args) throws IOException {
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED", "-Xmx1g",
                    "-cp", System.getProperty("java.class.path"), FaceAttendCli.class.getName(), "--data", data.toString()));
            cmd.addAll(List.of(args));
            Path log = Files.createTempFile(tmp, "child", ".out");
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            return new Child(p, log);
        }

        boolean waitFor(int seconds) throws InterruptedException {
            return process.waitFor(seconds, TimeUnit.SECONDS);
        }

        String output() throws IOException {
            return Files.readString(log);
        }
    }
}
