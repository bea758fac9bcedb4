package com.faceattend.benchmarks.soak;

import com.faceattend.alerts.StationAlerts;
import com.faceattend.engine.gallery.GalleryIndex;
import com.faceattend.engine.pipeline.FacePipeline;
import com.faceattend.engine.station.AttendanceStation;
import com.faceattend.engine.station.DirectionPolicy;
import com.faceattend.engine.station.StationRunner;
import com.faceattend.spi.AttendanceEvent;
import com.faceattend.spi.SourceSpec;
import com.faceattend.suite.StoreRecorder;
import com.faceattend.suite.SuiteServices;
import com.faceattend.suite.SuiteSettings;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Soak benchmark (issue 18, not a CI test): one station, wired as the desktop wires it (store
 * recorder, stranger/spoof alerts, cooldown recalled from the store), on a video looped for a
 * given time at its own frame rate, as a door camera would run all day. Every minute it samples
 * the live heap (after a full GC) and the process's resident memory (heap + native: ONNX Runtime,
 * OpenCV/FFmpeg buffers, Derby), so a leak in either shows as a rising line.
 *
 * <p>Run: {@code mvn -pl modules/benchmarks -am package -DskipTests}, then
 * {@code java -cp <benchmarks jar + dependencies> com.faceattend.benchmarks.soak.StationSoak
 * --video ../shared/data/video-and-small/video/short_hamilton_clip.mp4 --minutes 30}
 * (optionally {@code --enrol photo.png,...}). Prints one CSV line per minute and a summary.
 */
public final class StationSoak {
    private StationSoak() {
    }

    public static void main(String[] args) throws Exception {
        Path video = null;
        double minutes = 30;
        List<Path> enrol = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--video" -> video = Path.of(args[++i]);
                case "--minutes" -> minutes = Double.parseDouble(args[++i]);
                case "--enrol" -> {
                    for (String p : args[++i].split(",")) {
                        enrol.add(Path.of(p));
                    }
                }
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + "; use --video FILE [--minutes N] [--enrol PHOTO,...]");
            }
        }
        if (video == null || !Files.isRegularFile(video)) {
            throw new IllegalArgumentException("--video must name a video file, was " + video);
        }
        Path dataDir = Files.createTempDirectory("faceattend-soak");
        try (SuiteServices suite = new SuiteServices(dataDir)) {
            for (Path photo : enrol) {
                String code = photo.getFileName().toString().replaceAll("\\..*$", "");
                var result = suite.enrolment().checkPhotos(List.of(photo), p -> { });
                if (!result.accepted().isEmpty()) {
                    suite.enrolment().save(code, code, null, true, result.accepted(), "soak");
                }
            }
            run(suite, video, Duration.ofMillis((long) (minutes * 60_000)));
        }
    }

    private static void run(SuiteServices suite, Path video, Duration length) throws InterruptedException {
        SuiteSettings settings = suite.settings().withSource(video.toString());
        SourceSpec spec = SourceSpec.parse(settings.source());
        AtomicLong frames = new AtomicLong();
        AtomicLong events = new AtomicLong();
        AtomicLong loops = new AtomicLong();
        List<long[]> samples = new ArrayList<>(); // minute, heap bytes, rss bytes
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "soak-sampler");
            t.setDaemon(true);
            return t;
        });
        long start = System.nanoTime();
        System.out.println("minute,loops,frames,events,heap_live_mib,rss_mib");
        Runnable sample = () -> {
            System.gc(); // the live heap, not garbage waiting for the next collection
            long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            long rss = residentBytes();
            long minute = Math.round((System.nanoTime() - start) / 60e9);
            synchronized (samples) {
                samples.add(new long[] {minute, heap, rss});
            }
            System.out.printf(Locale.ROOT, "%d,%d,%d,%d,%.1f,%.1f%n", minute, loops.get(), frames.get(), events.get(),
                    heap / 1048576.0, rss / 1048576.0);
            System.out.flush();
        };
        try (FacePipeline pipeline = suite.openPipeline(settings, true)) {
            GalleryIndex gallery = suite.loadGallery(pipeline);
            var store = suite.store();
            AttendanceStation station = new AttendanceStation(settings.stationName(), pipeline, gallery,
                    settings.stationSettings(), DirectionPolicy.fixed(AttendanceEvent.Direction.IN), Clock.systemUTC());
            station.recallPassesFrom(store::lastRecordedAt);
            station.addListener(StoreRecorder.besideAlerts(store));
            StationAlerts alerts = suite.alerts().forStation();
            station.addListener(alerts);
            station.addListener(e -> events.incrementAndGet());
            sample.run();
            sampler.scheduleAtFixedRate(sample, 1, 1, TimeUnit.MINUTES);
            long deadline = start + length.toNanos();
            while (System.nanoTime() < deadline) {
                long loopStart = System.nanoTime();
                StationRunner runner = new StationRunner(station, () -> suite.providers().frameSourceFor(spec).open(spec))
                        .onFrame(f -> {
                            frames.incrementAndGet();
                            alerts.snapshotFrom(f.frame(), f.analysis());
                            paceTo(loopStart, f.frame().timestampMillis());
                        });
                runner.run();
                loops.incrementAndGet();
            }
        } finally {
            sampler.shutdown();
            sampler.awaitTermination(2, TimeUnit.MINUTES);
        }
        sample.run();
        summarise(samples);
    }

    /** Plays the video at its own speed, as a camera delivers frames. */
    private static void paceTo(long loopStartNanos, long frameMillis) {
        long waitMillis = (loopStartNanos + frameMillis * 1_000_000L - System.nanoTime()) / 1_000_000L;
        if (waitMillis > 0) {
            try {
                Thread.sleep(waitMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Resident set size from /proc (Linux); -1 elsewhere. */
    private static long residentBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux
        }
        return -1;
    }

    /** Growth from the sample after warm-up (minute 2 on) to the last, and the per-10-minute slope. */
    private static void summarise(List<long[]> samples) {
        List<long[]> steady = samples.stream().filter(s -> s[0] >= 2).toList();
        if (steady.size() < 2) {
            System.out.println("too short for a summary (needs samples from minute 2 on)");
            return;
        }
        long[] first = steady.get(0);
        long[] last = steady.get(steady.size() - 1);
        double span = Math.max(1, last[0] - first[0]);
        System.out.printf(Locale.ROOT, "summary: minutes %d..%d, live heap %.1f -> %.1f MiB (%+.2f MiB/10 min), "
                        + "RSS %.1f -> %.1f MiB (%+.2f MiB/10 min), RSS min/max after warm-up %.1f/%.1f MiB%n",
                first[0], last[0], first[1] / 1048576.0, last[1] / 1048576.0, (last[1] - first[1]) / 1048576.0 / span * 10,
                first[2] / 1048576.0, last[2] / 1048576.0, (last[2] - first[2]) / 1048576.0 / span * 10,
                steady.stream().mapToLong(s -> s[2]).min().orElse(0) / 1048576.0,
                steady.stream().mapToLong(s -> s[2]).max().orElse(0) / 1048576.0);
    }
}
