package com.faceattend.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18, items 7 and 10: no stack trace reaches a user, whatever fails and whenever (checked in
 * a fresh JVM, where nothing has set up logging yet); one validation of every value, shared with
 * the desktop's settings; an unknown employee code is "not found" everywhere.
 */
class Issue18ErrorsAndValuesTest {
    @TempDir
    static Path data;

    @BeforeAll
    static void enrolOnePerson() {
        Cli.enrolAlex(data);
    }

    /** The real command line in its own JVM, as a user starts it. */
    private static Cli.Result fresh(List<String> jvmOptions, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("--add-modules=jdk.incubator.vector");
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(FaceAttendCli.class.getName());
        cmd.add("--data");
        cmd.add(data.toString());
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the command ends");
        return new Cli.Result(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    private static void assertClear(Cli.Result r, int exitCode) {
        assertEquals(exitCode, r.exitCode(), r.toString());
        assertTrue(r.err().contains("error: ") && r.err().contains("  fix: "), "problem and fix: " + r);
        assertFalse(r.err().contains("\tat ") || r.out().contains("\tat "), "no stack trace: " + r);
        assertFalse(r.err().contains("Exception") || r.err().contains("INFO:") || r.err().contains("SEVERE:"),
                "no exception names or log records on the console: " + r);
    }

    @Test
    void errorsBeforeAnyCommandWorkReachTheUserWithoutAStackTrace(@TempDir Path tmp) throws Exception {
        Path ref = Cli.data().resolve("video-and-small/video/ref_alex_lacamoire.png");
        assertClear(fresh(List.of(), "enroll", "--code", "X1", "--name", "X", ref.toString()), ExitCode.USAGE);
        assertClear(fresh(List.of(), "enroll", "--code", "X1", "--name", "X", "--consent", tmp.resolve("missing.jpg").toString()),
                ExitCode.BAD_INPUT);
        assertClear(fresh(List.of(), "run", "--source", "/nonexistent/clip.mp4", "--accept-strangers", "7"), ExitCode.USAGE);
        assertClear(fresh(List.of(), "report", "--from", "2026-03-31", "--to", "2026-03-01", "--xlsx", tmp.resolve("r.xlsx").toString()),
                ExitCode.USAGE);
    }

    @Test
    void runningOutOfMemoryIsReportedNotThrown() throws Exception {
        Path ref = Cli.data().resolve("video-and-small/video/ref_alex_lacamoire.png");
        Cli.Result r = fresh(List.of("-Xmx24m"), "identify", ref.toString());
        assertEquals(ExitCode.INTERNAL, r.exitCode(), r.toString());
        assertTrue(r.err().contains("error: FaceAttend ran out of memory"), r.toString());
        assertTrue(r.err().contains("-Xmx"), "the fix says how to give it more: " + r);
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r);
    }

    @Test
    void aMalformedPairsFileIsBadInputNotAnInternalError(@TempDir Path tmp) throws Exception {
        Path pairs = Files.writeString(tmp.resolve("pairs.txt"), "10 300\nAaron_Peirsol 1\n");
        Cli.Result r = Cli.run(data, "eval", "verify", "--pairs", pairs.toString(), "--images", tmp.toString());
        assertEquals(ExitCode.BAD_INPUT, r.exitCode(), r.toString());
        assertTrue(r.err().contains("pairs.txt line 2"), r.toString());
    }

    @Test
    void acceptRuleAndThresholdsAreCheckedAsTheDesktopChecksThem() {
        Path ref = Cli.data().resolve("video-and-small/video/ref_alex_lacamoire.png");
        Cli.Result identify = Cli.run(data, "identify", "--accept-strangers", "99", ref.toString());
        assertEquals(ExitCode.USAGE, identify.exitCode(), "identify --accept-strangers 99 is looser than offered: " + identify);
        assertTrue(identify.err().contains("between 100 and 1,000,000") && identify.err().contains("fix: "), identify.toString());
        Cli.Result verify = Cli.run(data, "verify", "--threshold", "NaN", ref.toString(), ref.toString());
        assertEquals(ExitCode.USAGE, verify.exitCode(), "verify --threshold NaN is refused: " + verify);
        assertTrue(verify.err().contains("between 0.20 and 0.90"), verify.toString());
        Cli.Result verifyHigh = Cli.run(data, "verify", "--threshold", "1.5", ref.toString(), ref.toString());
        assertEquals(ExitCode.USAGE, verifyHigh.exitCode(), "verify --threshold 1.5 is refused: " + verifyHigh);
        Cli.Result run = Cli.run(data, "run", "--source", "/nonexistent/clip.mp4", "--accept-strangers", "2000000");
        assertEquals(ExitCode.USAGE, run.exitCode(), "run refuses what the desktop refuses: " + run);
        assertTrue(run.err().contains("between 100 and 1,000,000"), run.toString());
        Cli.Result eval = Cli.run(data, "eval", "identify", "--dir", ref.getParent().toString(), "--enroll", "1",
                "--accept-strangers", "0");
        assertEquals(ExitCode.USAGE, eval.exitCode(), "eval identify checks the rule as the station does: " + eval);
        Cli.Result every = Cli.run(data, "run", "--source", "/nonexistent/clip.mp4", "--every", "50");
        assertEquals(ExitCode.USAGE, every.exitCode(), every.toString());
        assertTrue(Cli.run(data, "events", "list").exitCode() == ExitCode.OK, "nothing was half-started");
    }

    @Test
    void anUnknownEmployeeCodeIsNotFoundEverywhere() {
        for (List<String> cmd : List.of(List.of("employees", "delete", "NOBODY", "--yes"), List.of("employees", "deactivate", "NOBODY"),
                List.of("employees", "activate", "NOBODY"), List.of("employees", "consent", "NOBODY"),
                List.of("attendance", "correct", "--employee", "NOBODY", "--at", "2026-03-02T09:00", "--direction", "IN",
                        "--reason", "forgot to check in"))) {
            Cli.Result r = Cli.run(data, cmd.toArray(String[]::new));
            assertEquals(ExitCode.NOT_FOUND, r.exitCode(), String.join(" ", cmd) + ": " + r);
            assertTrue(r.err().contains("NOBODY"), r.toString());
        }
    }
}
