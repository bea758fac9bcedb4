package com.faceattend.cli;

import com.faceattend.comparison.PacingComparison;
import com.faceattend.engine.pipeline.FacePipeline;
import com.faceattend.engine.pipeline.PipelineSettings;
import com.faceattend.engine.providers.ProviderRegistry;
import com.faceattend.engine.station.StationPacing;
import com.faceattend.onnx.LeanOption;
import com.faceattend.spi.FaceDetector;
import com.faceattend.spi.FaceEmbedder;
import com.faceattend.spi.LivenessCheck;
import com.faceattend.spi.ProviderSettings;
import com.faceattend.spi.SourceSpec;
import com.faceattend.suite.SuiteServices;
import com.faceattend.suite.SuiteSettings;
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
import java.util.Map;
import java.util.stream.Collectors;

/**
 * bench's station pacing section: today's path and the detector-paced one on the video, each on the
 * providers' earlier and lean runtime set-up ({@link LeanOption}), side by side, and the same again
 * pinned to one core. Pinning is a child process, {@code taskset -c 0 java … bench --pacing-only
 * --no-one-core}, because a JVM cannot confine itself to a core; the child's lines are printed here.
 */
final class PacingBench {
    private PacingBench() {
    }

    static void print(PrintWriter out, SuiteServices ctx, FacePipeline pipeline, Path video, List<Path> enrol, String where) {
        List<PacingComparison.Result> results;
        try (FacePipeline earlier = earlierRuntime(ctx.providers(), SuiteSettings.defaults(), pipeline.settings())) {
            results = PacingComparison.measure(List.of(
                    new PacingComparison.Variant("every frame, earlier runtime", StationPacing.EVERY_FRAME, earlier),
                    new PacingComparison.Variant("paced, earlier runtime", StationPacing.DETECTOR_PACED, earlier),
                    new PacingComparison.Variant("every frame, lean runtime", StationPacing.EVERY_FRAME, pipeline),
                    new PacingComparison.Variant("paced, lean runtime (default)", StationPacing.DETECTOR_PACED, pipeline)),
                    enrol, Photos::read, ctx.providers(), SourceSpec.parse(video.toString()));
        }
        out.printf(Locale.ROOT, "%nStation pacing on %s, %s (%d cores visible), second of two alternating plays:%n",
                video.getFileName(), where, Runtime.getRuntime().availableProcessors());
        out.printf(Locale.ROOT, "  %-30s %7s %8s %9s %14s %9s  %s%n", "path", "frames", "fps", "ratio", "CPU ms/frame", "CPU ratio", "decisions");
        PacingComparison.Result base = results.get(0);
        for (PacingComparison.Result r : results) {
            out.printf(Locale.ROOT, "  %-30s %7d %8.1f %8.2fx %14.1f %8.2fx  %s%n", r.label(), r.analysedFrames(), r.framesPerSecond(),
                    r.framesPerSecond() / base.framesPerSecond(), r.cpuMillisPerFrame(), base.cpuMillisPerFrame() / r.cpuMillisPerFrame(),
                    r.decisions());
        }
        boolean same = results.stream().map(PacingComparison.Result::decisions).distinct().count() == 1;
        out.printf(Locale.ROOT, "  decisions %s%n", same ? "identical on every path" : "DIFFER between the paths");
        out.printf(Locale.ROOT, "  (earlier runtime: ONNX Runtime's spinning thread pools and per-pixel resampling, provider option %s=false;%n"
                + "   ratio: fps against the first row; CPU ratio: the first row's CPU per frame over this row's)%n", LeanOption.KEY);
        out.flush();
    }

    /** The station's providers set up as before the lean runtime ({@link LeanOption} off); the caller closes it. */
    private static FacePipeline earlierRuntime(ProviderRegistry registry, SuiteSettings s, PipelineSettings settings) {
        ProviderSettings ps = new ProviderSettings(ProviderSettings.defaults().intraOpThreads(), Map.of(LeanOption.KEY, "false"));
        List<AutoCloseable> opened = new ArrayList<>();
        try {
            LivenessCheck liveness = settings.livenessEnabled() ? registry.liveness(s.livenessId()).create(ps) : null;
            if (liveness != null) {
                opened.add(liveness);
            }
            FaceDetector detector = registry.detector(s.detectorId()).create(ps);
            opened.add(detector);
            FaceEmbedder embedder = registry.embedder(s.embedderId()).create(ps);
            return new FacePipeline(detector, embedder, liveness, settings);
        } catch (RuntimeException e) {
            for (AutoCloseable c : opened) {
                try {
                    c.close();
                } catch (Exception suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw e;
        }
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
