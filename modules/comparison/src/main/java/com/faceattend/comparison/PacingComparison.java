package com.faceattend.comparison;

import com.faceattend.engine.gallery.GalleryIndex;
import com.faceattend.engine.pipeline.FacePipeline;
import com.faceattend.engine.providers.ProviderRegistry;
import com.faceattend.engine.station.AttendanceStation;
import com.faceattend.engine.station.DirectionPolicy;
import com.faceattend.engine.station.StationPacing;
import com.faceattend.engine.station.StationRunner;
import com.faceattend.engine.station.StationSettings;
import com.faceattend.spi.AttendanceEvent;
import com.faceattend.spi.FrameImage;
import com.faceattend.spi.SourceSpec;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Station paths side by side in one process on one video: today's path against the detector-paced
 * one ({@link StationPacing}), each on the providers as set up before and as set up now (a pipeline
 * per set-up): frame rate, process CPU per analysed frame, and what each decided (check-ins,
 * stranger and spoof alerts), which must be the same. Each variant is played twice, alternating,
 * and the second play is reported, so none pays the JIT's and the models' warm-up alone.
 */
public final class PacingComparison {
    /** One way to run the station: a label, its pacing, and the pipeline it runs on. */
    public record Variant(String label, StationPacing pacing, FacePipeline pipeline) { }

    /**
     * One variant's figures.
     *
     * @param cpuMillisPerFrame process CPU time (all threads, JIT and GC included) per analysed frame
     * @param decisions         the events in order, e.g. "IN ALEX", "stranger", "spoof LIN"
     */
    public record Result(String label, StationPacing pacing, long frames, long analysedFrames, double seconds,
                         double cpuMillisPerFrame, List<String> decisions) {
        public double framesPerSecond() {
            return seconds <= 0 ? 0 : frames / seconds;
        }
    }

    private PacingComparison() {
    }

    /**
     * Plays {@code source} through each variant, twice, alternating; the people in {@code enrol} are
     * enrolled into memory with the first variant's pipeline (all variants must share its embedder).
     */
    public static List<Result> measure(List<Variant> variants, List<Path> enrol, Function<Path, FrameImage> decoder,
                                       ProviderRegistry providers, SourceSpec source) {
        GalleryIndex gallery = StationFrameRate.enrolInMemory(variants.get(0).pipeline(), enrol, decoder);
        Result[] last = new Result[variants.size()];
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < variants.size(); i++) {
                last[i] = play(variants.get(i), gallery, providers, source);
            }
        }
        return List.of(last);
    }

    private static Result play(Variant variant, GalleryIndex gallery, ProviderRegistry providers, SourceSpec source) {
        AttendanceStation station = new AttendanceStation("bench", variant.pipeline(), gallery, StationSettings.defaults(),
                DirectionPolicy.fixed(AttendanceEvent.Direction.IN), Clock.systemUTC());
        station.pacing(variant.pacing());
        List<String> decisions = new ArrayList<>();
        station.addListener(e -> decisions.add(describe(e)));
        long cpuBefore = processCpuNanos();
        StationRunner.RunStats stats = new StationRunner(station, () -> providers.frameSourceFor(source).open(source))
                .onStatus(s -> { }).run();
        double cpuMillis = (processCpuNanos() - cpuBefore) / 1e6;
        return new Result(variant.label(), variant.pacing(), stats.frames(), stats.analysedFrames(), stats.seconds(),
                cpuMillis / Math.max(1, stats.analysedFrames()), List.copyOf(decisions));
    }

    private static String describe(AttendanceEvent e) {
        return switch (e) {
            case AttendanceEvent.PersonRecognized p -> "check-in " + p.employeeCode();
            case AttendanceEvent.StrangerSeen s -> "stranger";
            case AttendanceEvent.SpoofSuspected s -> "spoof " + s.claimedEmployeeCode();
        };
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }
}
