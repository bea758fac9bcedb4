package com.faceattend.cli;

import com.faceattend.alerts.AlertService;
import com.faceattend.alerts.AlertSettings;
import com.faceattend.alerts.StationAlerts;
import com.faceattend.engine.gallery.GalleryIndex;
import com.faceattend.suite.AlternatingDirections;
import com.faceattend.suite.StoreRecorder;
import com.faceattend.engine.pipeline.FacePipeline;
import com.faceattend.engine.pipeline.PipelineSettings;
import com.faceattend.engine.station.AttendanceStation;
import com.faceattend.engine.station.DirectionPolicy;
import com.faceattend.engine.station.ListenerFailedException;
import com.faceattend.engine.station.StationRunner;
import com.faceattend.engine.station.StationSettings;
import com.faceattend.gpio.GpioConfig;
import com.faceattend.gpio.GpioException;
import com.faceattend.gpio.GpioOutputs;
import com.faceattend.spi.AttendanceEvent;
import com.faceattend.spi.ProviderSettings;
import com.faceattend.spi.SourceSpec;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
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

    @Option(names = "--source", required = true, description = "Camera index (0), video file, folder of images, or rtsp:// / http:// URL.")
    String source;

    @Option(names = "--station", required = true, description = "Name of this station, e.g. 'Main entrance'.")
    String station;

    @Option(names = "--direction", description = "in, out, or auto (first passage of the day = in, next = out…). Default: ${DEFAULT-VALUE}.")
    String direction = "auto";

    @Mixin
    AcceptRuleOption acceptRule;

    @Option(names = "--cooldown", converter = DurationConverter.class,
            description = "Ignore the same person at this station for this long after recording them (default: 2m).")
    Duration cooldown = StationSettings.defaults().cooldown();

    @Option(names = "--every", description = "Analyse every n-th frame only (frame skipping; default: ${DEFAULT-VALUE}).")
    int every = StationSettings.defaults().processEveryNth();

    @Option(names = "--max-width", description = "Scale frames down to this width before analysis; 0 = never (default: ${DEFAULT-VALUE}).")
    int maxWidth = StationSettings.defaults().maxFrameWidth();

    @Option(names = "--no-liveness", description = "Do not run the anti-spoofing check (not recommended at a real door).")
    boolean noLiveness;

    @Option(names = "--liveness-threshold", description = "Live score needed (default: ${DEFAULT-VALUE}).")
    float livenessThreshold = StationSettings.defaults().livenessThreshold();

    @Option(names = "--blink", description = "Also require a blink (eye-blink check, fr_eye) before a face counts as live; defeats printed photos, not screens. Off by default.")
    boolean blink;

    @Option(names = "--haar-prescreen", description = "Skip the face detector on frames where a Haar cascade sees no face (the seed design's pre-screen; off by default because on the reference machine it costs more than it saves).")
    boolean haarPrescreen;

    @Option(names = "--max-reconnects", description = "Give up after this many failed reconnects of a live source in a row (default: keep trying).")
    int maxReconnects = Integer.MAX_VALUE;

    @Option(names = "--stranger-retention", converter = DurationConverter.class,
            description = "Keep a stranger's embedding (never a photo) this long to group repeat visits (default: 720h = 30 days).")
    Duration strangerRetention = Duration.ofDays(30);

    @Option(names = "--snapshots", description = "Keep an encrypted face crop with each stranger/spoof alert (off by default; AES-GCM, key in DATA/snapshots, deleted after --snapshot-retention).")
    boolean snapshots;

    @Option(names = "--snapshot-retention", converter = DurationConverter.class,
            description = "Delete alert snapshots after this long (default: 168h = 7 days).")
    Duration snapshotRetention = AlertSettings.defaults().snapshotRetention();

    @Option(names = "--gpio", paramLabel = "FILE", arity = "0..1", fallbackValue = "",
            description = "Drive the door relay, LEDs and buzzer on Raspberry Pi GPIO; FILE = pin configuration (default pins without it, see modules/gpio/README.md).")
    String gpio;

    @Override
    public Integer call() {
        StationSettings settings;
        try {
            settings = StationSettings.defaults().withAcceptRule(acceptRule.rule()).withCooldown(cooldown)
                    .withProcessEveryNth(every).withMaxFrameWidth(maxWidth).withLiveness(livenessThreshold, !noLiveness);
        } catch (IllegalArgumentException e) {
            throw new UserFacingException(e.getMessage(), "see faceattend run --help", ExitCode.USAGE);
        }
        SourceSpec spec0 = parseSource();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CountDownLatch finished = new CountDownLatch(1);
        try (AppContext ctx = app.openContext()) {
            FacePipeline pipeline = ctx.pipeline(PipelineSettings.defaults().withLiveness(!noLiveness), blink && !noLiveness);
            GalleryIndex gallery = ctx.loadGallery(pipeline);
            if (gallery.personCount() == 0) {
                err.println("warning: nobody is enrolled; every face will be reported as a stranger");
            }
            ctx.store().ensureStation(station);
            ctx.store().purgeExpired(java.time.Instant.now());
            AttendanceStation st = new AttendanceStation(station, pipeline, gallery, settings, directions(ctx),
                    Clock.systemDefaultZone());
            if (haarPrescreen) {
                st.usePrescreen(ctx.register(ctx.registry().prescreen("opencv-haar").create(ProviderSettings.defaults())));
            }
            st.addListener(new StoreRecorder(ctx.store(), strangerRetention));
            StationAlerts alerts = alertService(ctx).forStation();
            st.addListener(alerts);
            GpioOutputs door = gpio == null ? null : ctx.register(openGpio());
            if (door != null) {
                st.addListener(door);
                err.printf("[%s] GPIO: %s%n", station, door.config());
            }
            st.addListener(e -> print(out, e));
            StationRunner runner = new StationRunner(st, () -> ctx.registry().frameSourceFor(spec0).open(spec0))
                    .onStatus(s -> {
                        err.println("[" + station + "] " + s);
                        err.flush();
                    })
                    .onFrame(f -> alerts.snapshotFrom(f.frame(), f.analysis()))
                    .maxReconnects(maxReconnects);
            Thread hook = new Thread(() -> {
                runner.stop();
                try {
                    finished.await();
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                }
            }, "faceattend-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            err.printf("[%s] watching %s with %d enrolled people; Ctrl+C stops%n", station, spec0, gallery.personCount());
            err.flush();
            StationRunner.RunStats stats;
            try {
                stats = runner.run();
            } catch (ListenerFailedException e) {
                throw new UserFacingException("attendance could not be recorded: " + e.getMessage(),
                        "check that the database folder " + ctx.dataDir().resolve("db") + " is writable and the disk is not full",
                        ExitCode.STORE_UNAVAILABLE);
            }
            err.printf(Locale.ROOT, "[%s] %d frames (%d analysed) in %.1f s = %.1f fps, %d event(s), %d reconnect(s)%n", station,
                    stats.frames(), stats.analysedFrames(), stats.seconds(), stats.framesPerSecond(), stats.events(), stats.reconnects());
            err.flush();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl+C: the hook is running and waits for us to finish closing.
            }
            return ExitCode.OK;
        } finally {
            finished.countDown();
        }
    }

    private AlertService alertService(AppContext ctx) {
        AlertSettings settings;
        try {
            settings = AlertSettings.defaults().withStrangerRetention(strangerRetention).withSnapshots(snapshots, snapshotRetention);
        } catch (IllegalArgumentException e) {
            throw new UserFacingException(e.getMessage(), "see faceattend run --help", ExitCode.USAGE);
        }
        AlertService service = new AlertService(ctx.store(), settings, ctx.dataDir().resolve("snapshots"), Clock.systemUTC());
        service.purgeExpired();
        return service;
    }

    private GpioOutputs openGpio() {
        try {
            return GpioOutputs.openOnThisMachine(gpio.isBlank() ? GpioConfig.defaults() : GpioConfig.load(Path.of(gpio)));
        } catch (GpioException e) {
            throw new UserFacingException(e.getMessage(), e.fix(), ExitCode.USAGE);
        }
    }

    private SourceSpec parseSource() {
        try {
            return SourceSpec.parse(source);
        } catch (IllegalArgumentException e) {
            throw new UserFacingException(e.getMessage(), "see faceattend run --help", ExitCode.USAGE);
        }
    }

    private DirectionPolicy directions(AppContext ctx) {
        return switch (direction.toLowerCase(Locale.ROOT)) {
            case "in" -> DirectionPolicy.fixed(AttendanceEvent.Direction.IN);
            case "out" -> DirectionPolicy.fixed(AttendanceEvent.Direction.OUT);
            case "auto" -> new AlternatingDirections(ctx.store(), ZoneId.systemDefault());
            default -> throw new UserFacingException("--direction must be in, out or auto, was '" + direction + "'",
                    "use --direction auto for a door used both ways", ExitCode.USAGE);
        };
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
