package com.faceattend.cli;

import com.faceattend.alerts.AlertSettings;
import com.faceattend.engine.station.StationRunner;
import com.faceattend.spi.AttendanceEvent;
import com.faceattend.spi.Problem;
import com.faceattend.suite.StationSession;
import com.faceattend.suite.SuiteServices;
import com.faceattend.suite.SuiteSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code faceattend run}: a headless camera station recording attendance. */
@Command(name = "run", description = "Run a headless station: watch a camera, video file, stream or image folder and record attendance until stopped (Ctrl+C) or the file ends.")
final class RunCommand implements Callable<Integer> {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @ParentCommand
    FaceAttendCli app;
    @Spec
    CommandSpec spec;

    // Station options left out take their value from the data folder's settings.properties (the
    // desktop's Settings window), so both front ends behave the same; given, they apply to this run.

    @Option(names = "--source", description = "Camera index (0), video file, folder of images, or rtsp:// / http:// URL (default: the saved setting).")
    String source;

    @Option(names = "--station", description = "Name of this station, e.g. 'Main entrance' (default: the saved setting, else '${DEFAULT-VALUE}').")
    String station = SuiteSettings.defaults().stationName();

    @Option(names = "--direction", description = "in, out, or auto (first passage of the day = in, next = out…) (default: the saved setting, else ${DEFAULT-VALUE}).")
    String direction = SuiteSettings.defaults().direction();

    @Mixin
    AcceptRuleOption acceptRule;

    @Option(names = "--cooldown", converter = DurationConverter.class, showDefaultValue = Visibility.NEVER,
            description = "Ignore the same person at this station for this long after recording them (default: the saved setting, else 2m).")
    Duration cooldown = SuiteSettings.defaults().cooldown();

    @Option(names = "--every", description = "Analyse every n-th frame only, 1–10 (default: the saved setting, else ${DEFAULT-VALUE}).")
    int every = SuiteSettings.defaults().processEveryNth();

    @Option(names = "--max-width", description = "Scale frames down to this width before analysis; 0 = never (default: the saved setting, else ${DEFAULT-VALUE}).")
    int maxWidth = SuiteSettings.defaults().maxFrameWidth();

    @Option(names = "--no-liveness", description = "Do not run the anti-spoofing check (not recommended at a real door; default: the saved setting, else the check runs).")
    boolean noLiveness;

    @Option(names = "--liveness-threshold", description = "Live score needed, 0.01–0.95 (default: the saved setting, else ${DEFAULT-VALUE}). Measured (README \"Liveness\"): the default stops about 98 of 100 printed-photo attempts and 3 of 10 phone-screen replays; asks about 5 of 100 real people to look again.")
    float livenessThreshold = SuiteSettings.defaults().livenessThreshold();

    @Option(names = "--detector", paramLabel = "ID", description = "Face detector provider id (default: the saved setting, else ${DEFAULT-VALUE}; see `faceattend models`).")
    String detector = SuiteSettings.DEFAULT_DETECTOR;

    @Option(names = "--embedder", paramLabel = "ID", description = "Face embedder provider id (default: the saved setting, else ${DEFAULT-VALUE}; see `faceattend models`).")
    String embedder = SuiteSettings.DEFAULT_EMBEDDER;

    @Option(names = "--blink", description = "Also require a blink (eye-blink check, fr_eye) before a face counts as live; defeats printed photos, not screens. Off by default.")
    boolean blink;

    @Option(names = "--haar-prescreen", description = "Skip the face detector on frames where a Haar cascade sees no face (the seed design's pre-screen; off by default because on the reference machine it costs more than it saves).")
    boolean haarPrescreen;

    @Option(names = "--max-reconnects", showDefaultValue = Visibility.NEVER,
            description = "Give up after this many failed reconnects of a live source in a row (default: keep trying).")
    int maxReconnects = Integer.MAX_VALUE;

    @Option(names = "--stranger-retention", converter = DurationConverter.class,
            showDefaultValue = Visibility.NEVER,
            description = "Keep a stranger's embedding (never a photo) this long to group repeat visits (default: 720h = 30 days).")
    Duration strangerRetention = AlertSettings.defaults().strangerRetention();

    @Option(names = "--snapshots", description = "Keep an encrypted face crop with each stranger/spoof alert (off by default; AES-GCM, key in DATA/snapshots, deleted after --snapshot-retention).")
    boolean snapshots;

    @Option(names = "--snapshot-retention", converter = DurationConverter.class,
            showDefaultValue = Visibility.NEVER, description = "Delete alert snapshots after this long (default: 168h = 7 days).")
    Duration snapshotRetention = AlertSettings.defaults().snapshotRetention();

    @Option(names = "--gpio", paramLabel = "FILE", arity = "0..1", fallbackValue = "",
            description = "Drive the door relay, LEDs and buzzer on Raspberry Pi GPIO; FILE = pin configuration (default pins without it, see modules/gpio/README.md).")
    String gpio;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (SuiteServices suite = app.openSuite()) {
            SuiteSettings settings = settings(suite.settings());
            StationSession.Options options = new StationSession.Options(false, blink, haarPrescreen, maxReconnects, alertSettings(),
                    gpio != null, gpio == null || gpio.isBlank() ? null : Path.of(gpio));
            String name = settings.stationName();
            AtomicReference<Problem> failure = new AtomicReference<>();
            StationSession session = suite.startStation(settings, options, new StationSession.Observer() {
                @Override
                public void onStarted(String source, int enrolledPeople) {
                    if (enrolledPeople == 0) {
                        err.println("warning: nobody is enrolled; every face will be reported as a stranger");
                    }
                    if (!app.quiet) {
                        err.printf("[%s] watching %s with %d enrolled people; Ctrl+C stops%n", name, source, enrolledPeople);
                        err.flush();
                    }
                }

                @Override
                public void onEvent(AttendanceEvent event) {
                    print(out, event);
                }

                @Override
                public void onStatus(String status) {
                    if (!app.quiet) {
                        err.println("[" + name + "] " + status);
                        err.flush();
                    }
                }

                @Override
                public void onStopped(StationRunner.RunStats stats, Problem problem) {
                    failure.set(problem);
                    if (problem == null && !app.quiet) {
                        err.printf(Locale.ROOT, "[%s] %d frames (%d analysed) in %.1f s = %.1f fps, %d event(s), %d reconnect(s)%n", name,
                                stats.frames(), stats.analysedFrames(), stats.seconds(), stats.framesPerSecond(), stats.events(),
                                stats.reconnects());
                        err.flush();
                    }
                }
            });
            // Ctrl+C: stop the station and let it finish recording before the JVM exits.
            Thread hook = new Thread(() -> {
                session.stop();
                try {
                    session.awaitStopped(Duration.ofSeconds(30));
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                }
            }, "faceattend-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                while (!session.awaitStopped(Duration.ofHours(1))) {
                    // a station runs until its source ends or it is stopped
                }
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // Ctrl+C: the hook is running and waits for the station to stop.
                }
            }
            if (failure.get() != null) {
                throw failure.get();
            }
            return ExitCode.OK;
        }
    }

    /** The saved settings, with the options given on this command line in their place. */
    private SuiteSettings settings(SuiteSettings saved) {
        return new SuiteSettings(given("--source") ? source : saved.source(), given("--station") ? station : saved.stationName(),
                given("--direction") ? direction : saved.direction(), acceptRule.given() ? acceptRule.oneIn : saved.strangersOneIn(),
                given("--no-liveness") ? !noLiveness : saved.livenessEnabled(),
                given("--liveness-threshold") ? livenessThreshold : saved.livenessThreshold(),
                given("--cooldown") ? cooldown : saved.cooldown(), given("--every") ? every : saved.processEveryNth(),
                given("--max-width") ? maxWidth : saved.maxFrameWidth(), given("--detector") ? detector : saved.detectorId(),
                given("--embedder") ? embedder : saved.embedderId(), saved.livenessId());
    }

    private boolean given(String option) {
        return spec.commandLine().getParseResult().hasMatchedOption(option);
    }

    private AlertSettings alertSettings() {
        try {
            return AlertSettings.defaults().withStrangerRetention(strangerRetention).withSnapshots(snapshots, snapshotRetention);
        } catch (IllegalArgumentException e) {
            throw new Problem(Problem.Kind.BAD_VALUE, e.getMessage(), "see the defaults in the help (-h)");
        }
    }

    private static void print(PrintWriter out, AttendanceEvent e) {
        String when = TIME.format(e.time().atZone(ZoneId.systemDefault()));
        switch (e) {
            case AttendanceEvent.PersonRecognized p -> out.printf(Locale.ROOT, "%s %-3s %s (%s) similarity %.2f%s%n", when,
                    p.direction(), p.employeeName(), p.employeeCode(), p.similarity(),
                    Float.isNaN(p.liveScore()) ? "" : String.format(Locale.ROOT, ", live %.2f", p.liveScore()));
            case AttendanceEvent.StrangerSeen s -> out.printf(Locale.ROOT, "%s STRANGER at %s (best similarity %.2f)%n", when,
                    s.station(), s.bestSimilarity());
            case AttendanceEvent.SpoofSuspected s -> out.printf(Locale.ROOT, "%s SPOOF? face resembling %s failed the liveness check (%.2f)%n",
                    when, s.claimedEmployeeCode(), s.liveScore());
        }
        out.flush();
    }
}
