package com.faceattend.desktop.uitest;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/** The built desktop suite running on a virtual screen, watched through its log. */
final class SuiteProcess {
    private static final Duration STEP_TIMEOUT = Duration.ofMinutes(6);
    private final Process process;
    private final VirtualDisplay display;
    private final Path work;
    private final Path data;
    private final Path log;
    private boolean handedOver;

    private SuiteProcess(Process process, VirtualDisplay display, Path work, Path data) {
        this.process = process;
        this.display = display;
        this.work = work;
        this.data = data;
        this.log = work.resolve("userdir/var/log/messages.log");
    }

    static Path launcher() {
        return Path.of(System.getProperty("faceattend.app", "application/target/faceattend")).resolve("bin/faceattend");
    }

    static void requireBuilt() {
        assertTrue(Files.isExecutable(launcher()), "the desktop suite is not built at " + launcher() + ": run mvn package first");
    }

    static Path video() {
        Path video = Path.of(System.getProperty("faceattend.data", "../shared/data")).resolve("video-and-small/video");
        assertTrue(Files.isDirectory(video), "the shared test data is missing: expected " + video);
        return video;
    }

    static Path screenshots() throws IOException {
        return Files.createDirectories(Path.of(System.getProperty("faceattend.screenshots", "target/ui-screenshots")));
    }

    /** Starts the suite with its own user folder under {@code work} and data folder {@code data}. */
    static SuiteProcess launch(VirtualDisplay display, Path work, Path data, String... options) throws IOException {
        return new SuiteProcess(start(display, work, data, "suite.log", options), display, work, data);
    }

    /** Prints a step that took over 2 s (what the test's time goes to, for CI's log). */
    static void reportSlow(long startNanos, String step) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        if (seconds > 2) {
            System.out.printf(Locale.ROOT, "[ui-test] %.1f s: %s%n", seconds, step);
        }
    }

    /** Whether a second launch has handed options to this suite. */
    boolean handedOver() {
        return handedOver;
    }

    /** A second launch on the same user folder hands its options to this running suite, then returns. */
    void handOver(String... options) throws IOException, InterruptedException {
        handedOver = true;
        long t0 = System.nanoTime();
        Process second = start(display, work, data, "second-launch.log", options);
        assertTrue(second.waitFor(2, TimeUnit.MINUTES), "a second launch with " + List.of(options) + " did not return");
        reportSlow(t0, "second launch " + List.of(options));
    }

    private static Process start(VirtualDisplay display, Path work, Path data, String output, String... options) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(launcher().toString(), "--jdkhome", System.getProperty("java.home"),
                "--userdir", work.resolve("userdir").toString(), "--nosplash", "-J-Dfaceattend.home=" + data));
        cmd.addAll(List.of(options));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(work.resolve(output).toFile());
        pb.environment().put("DISPLAY", display.name);
        return pb.start();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** The first line of the suite's log matching {@code pattern}, waiting for it. */
    String waitForLog(Pattern pattern) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        long deadline = System.nanoTime() + STEP_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(log)) {
                for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                    if (pattern.matcher(line).find()) {
                        reportSlow(t0, "waiting for /" + pattern + "/ in the log");
                        return line;
                    }
                }
            }
            assertTrue(process.isAlive(), "the suite exited early; see " + log + " and " + work.resolve("suite.log"));
            Thread.sleep(500);
        }
        throw new AssertionError("the suite never logged /" + pattern + "/ within " + STEP_TIMEOUT + "; see " + log);
    }

    /** Saves the screen as a PNG, from a separate JVM on the virtual display. */
    static void grab(VirtualDisplay display, Path png) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                ScreenGrab.class.getName(), png.toString()).inheritIO();
        pb.environment().put("DISPLAY", display.name);
        Process p = pb.start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "screenshot failed");
        assertTrue(Files.size(png) > 10_000, "screenshot " + png + " is empty");
    }

    /** SIGTERM to the launcher and its JVM: the suite's shutdown hook closes the database cleanly. */
    void stop() {
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.add(process.toHandle());
        all.forEach(ProcessHandle::destroy);
        for (ProcessHandle h : all) {
            h.onExit().completeOnTimeout(h, 60, TimeUnit.SECONDS).join();
        }
        all.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }
}
