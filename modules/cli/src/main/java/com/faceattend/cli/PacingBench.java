package com.faceattend.cli;

import com.faceattend.comparison.PacingComparison;
import com.faceattend.engine.pipeline.FacePipeline;
import com.faceattend.spi.SourceSpec;
import com.faceattend.suite.SuiteServices;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * bench's station pacing section: today's path and the detector-paced one on the video, side by side,
 * and the same again pinned to one core. Pinning is a child process, {@code taskset -c 0 java … bench
 * --pacing-only --no-one-core}, because a JVM cannot confine itself to a core; the child's lines are
 * printed here.
 */
final class PacingBench {
    private PacingBench() {
    }

    static void print(PrintWriter out, SuiteServices ctx, FacePipeline pipeline, Path video, List<Path> enrol, String where) {
        List<PacingComparison.Result> results = PacingComparison.measure(pipeline, enrol, Photos::read, ctx.providers(),
                SourceSpec.parse(video.toString()));
        out.printf(Locale.ROOT, "%nStation pacing on %s, %s (%d cores visible), second of two alternating plays:%n",
                video.getFileName(), where, Runtime.getRuntime().availableProcessors());
        out.printf(Locale.ROOT, "  %-16s %7s %8s %9s %14s  %s%n", "path", "frames", "fps", "ratio", "CPU ms/frame", "decisions");
        double base = results.get(0).framesPerSecond();
        for (PacingComparison.Result r : results) {
            out.printf(Locale.ROOT, "  %-16s %7d %8.1f %8.2fx %14.1f  %s%n", label(r), r.analysedFrames(), r.framesPerSecond(),
                    r.framesPerSecond() / base, r.cpuMillisPerFrame(), r.decisions());
        }
        boolean same = results.stream().map(PacingComparison.Result::decisions).distinct().count() == 1;
        out.printf(Locale.ROOT, "  decisions %s%n", same ? "identical on both paths" : "DIFFER between the paths");
        out.flush();
    }

    private static String label(PacingComparison.Result r) {
        return switch (r.pacing()) {
            case EVERY_FRAME -> "today (every)";
            case DETECTOR_PACED -> "detector-paced";
        };
    }

    /**
     * Runs this bench's pacing section again in a child JVM pinned to core 0; prints why not when
     * {@code taskset} is missing (it is Linux's util-linux).
     */
    static void pinnedToOneCore(PrintWriter out, Path dataDir, Path video, List<Path> enrol) {
        Path taskset = Path.of("/usr/bin/taskset");
        if (!Files.isExecutable(taskset)) {
            out.printf(Locale.ROOT, "%n(one core: skipped, no %s; run `taskset -c 0 faceattend bench --pacing-only --video …`)%n", taskset);
            return;
        }
        List<String> command = new ArrayList<>(List.of(taskset.toString(), "-c", "0",
                ProcessHandle.current().info().command().orElse("java")));
        command.addAll(java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), FaceAttendCli.class.getName(),
                "--data", dataDir.toString(), "bench", "--pacing-only", "--no-one-core", "--video", video.toString()));
        if (!enrol.isEmpty()) {
            command.add("--enroll");
            command.add(enrol.stream().map(Path::toString).collect(Collectors.joining(",")));
        }
        try {
            Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                lines.lines().filter(l -> !l.startsWith("WARNING")).forEach(out::println);
            }
            int rc = child.waitFor();
            if (rc != 0) {
                out.printf(Locale.ROOT, "  (the pinned run ended with exit code %d)%n", rc);
            }
        } catch (IOException e) {
            out.printf(Locale.ROOT, "  (the pinned run could not start: %s)%n", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        out.flush();
    }
}
