package com.faceattend.suite;

import com.faceattend.alerts.StationAlerts;
import com.faceattend.fleet.sync.HeartbeatWriter;
import com.faceattend.fleet.sync.StationVitals;
import com.faceattend.alerts.AlertSettings;
import com.faceattend.gpio.GpioListenerProvider;
import com.faceattend.spi.FacePrescreen;
import com.faceattend.spi.Problem;
import com.faceattend.spi.ProviderSettings;
import java.nio.file.Path;
import com.faceattend.engine.pipeline.FacePipeline;
import com.faceattend.engine.providers.ListenerNotStarted;
import com.faceattend.engine.providers.PluginListeners;
import com.faceattend.engine.station.AttendanceStation;
import com.faceattend.engine.station.DirectionPolicy;
import com.faceattend.engine.station.FrameAnalysis;
import com.faceattend.engine.station.StationRunner;
import com.faceattend.spi.AttendanceEvent;
import com.faceattend.spi.FrameImage;
import com.faceattend.spi.SourceSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A station running on its own thread: opens the source, recognises faces, records attendance and
 * strangers in the store, and tells an {@link Observer} about every frame, event and status change.
 * Model loading and video decoding never happen on the caller's (UI) thread.
 *
 * <p>A video file is played at its own speed (so a person watching sees real time); cameras and
 * streams run as fast as frames arrive.
 */
public final class StationSession {
    private static final Logger LOG = Logger.getLogger(StationSession.class.getName());
    /** How long a stranger's embedding is kept to group repeat visits (never a photo). */
    /** The OpenCV Haar cascade pre-screen's provider id. */
    static final String HAAR_PRESCREEN = "opencv-haar";
    /** How long a stopping station waits for its journal to reach the central store. */
    private static final Duration JOURNAL_DRAIN_ON_STOP = Duration.ofSeconds(5);

    /**
     * How a station runs beyond its settings. The desktop uses {@link #defaults()}; the command line
     * sets these from its options.
     *
     * @param paceVideoFiles     play a video file at its own frame rate (for a person watching), not as fast as possible
     * @param blink              a face must also blink (eye-blink check) to count as live
     * @param haarPrescreen      skip the detector on frames where a Haar cascade sees no face
     * @param maxReconnects      give up after this many failed reconnects of a live source in a row
     * @param alerts             stranger/spoof alert settings, including how long a stranger's embedding (never a
     *                           photo) is kept to group repeat visits (snapshots stay off by default)
     * @param gpio               drive the door relay, LEDs and buzzer on GPIO
     * @param gpioConfig         pin configuration file; null for the default pins
     * @param gpioRequired       false: without GPIO (not a Raspberry Pi, pins taken) the station says so and runs on
     */
    public record Options(boolean paceVideoFiles, boolean blink, boolean haarPrescreen, int maxReconnects,
            AlertSettings alerts, boolean gpio, Path gpioConfig, boolean gpioRequired) {
        /** GPIO, when asked for, is required: a station that cannot drive it does not start (the CLI's --gpio). */
        public Options(boolean paceVideoFiles, boolean blink, boolean haarPrescreen, int maxReconnects,
                       AlertSettings alerts, boolean gpio, Path gpioConfig) {
            this(paceVideoFiles, blink, haarPrescreen, maxReconnects, alerts, gpio, gpioConfig, true);
        }

        public Options {
            if (maxReconnects < 0) {
                throw new SettingsException("maxReconnects", "the number of reconnects must not be negative, was " + maxReconnects,
                        "leave it at its default to keep trying");
            }
            java.util.Objects.requireNonNull(alerts, "alerts");
        }

        /** What the desktop station uses: video files in real time, no blink, no pre-screen, no GPIO. */
        public static Options defaults() {
            return new Options(true, false, false, Integer.MAX_VALUE, AlertSettings.defaults(), false, null);
        }
    }

    /**
     * Callbacks arrive on the station thread (a journalled station's "offline, N events waiting"
     * status on its forwarder thread); a UI hands them to its own thread.
     */
    public interface Observer {
        default void onStarted(String source, int enrolledPeople) { }

        /** @param framesPerSecond frames shown per second, averaged over about a second */
        default void onFrame(FrameImage frame, FrameAnalysis analysis, double framesPerSecond) { }

        /**
         * After the event is recorded: in the store, or, for a station whose store is on a server, in
         * its journal (from where it reaches the central store as soon as it can).
         */
        default void onEvent(AttendanceEvent event) { }

        default void onStatus(String status) { }

        /** @param problem null when the source ended or stop() was called; else what went wrong */
        default void onStopped(StationRunner.RunStats stats, Problem problem) { }
    }

    private final AtomicReference<StationRunner> runner = new AtomicReference<>();
    private final AtomicReference<StationJournal> journal = new AtomicReference<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean stopRequested;
    private final Thread thread;

    private StationSession(SuiteServices suite, SuiteSettings settings, Options options, Observer observer) {
        this.thread = new Thread(() -> run(suite, settings, options, observer), "faceattend-station");
        this.thread.setDaemon(true);
    }

    static StationSession start(SuiteServices suite, SuiteSettings settings, Options options, Observer observer) {
        if (settings.source().isEmpty()) {
            throw new SettingsException("source", "no video source is set for this station",
                    "choose a camera, video file, image folder or stream for the station");
        }
        StationSession session = new StationSession(suite, settings, options, observer);
        session.thread.start();
        return session;
    }

    /** Asks the station to stop; returns at once. */
    public void stop() {
        stopRequested = true;
        StationRunner r = runner.get();
        if (r != null) {
            r.stop();
        }
    }

    public boolean awaitStopped(Duration timeout) throws InterruptedException {
        return stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public boolean isRunning() {
        return stopped.getCount() > 0;
    }

    /**
     * Events this station journalled that have not reached the central store yet (for the station's
     * heartbeat and status line); always 0 for a station on an embedded store.
     */
    public long waitingEvents() {
        StationJournal j = journal.get();
        return j == null ? 0 : j.waitingEvents();
    }

    /** False while this station's central store (on a server) is unreachable. */
    public boolean centralStoreOnline() {
        StationJournal j = journal.get();
        return j == null || j.online();
    }

    private void run(SuiteServices suite, SuiteSettings settings, Options options, Observer observer) {
        StationRunner.RunStats stats = new StationRunner.RunStats(0, 0, 0, 0, 0);
        Problem problem = null;
        SourceSpec spec = SourceSpec.parse(settings.source());
        StationVitals vitals = new StationVitals(Clock.systemDefaultZone());
        try (FacePipeline pipeline = suite.openPipeline(settings, true, options.blink());
                LiveGallery gallery = loadGallery(suite, pipeline, observer);
                FacePrescreen prescreen = options.haarPrescreen()
                        ? suite.providers().prescreen(HAAR_PRESCREEN).create(ProviderSettings.defaults()) : null;
                // every listener found through the provider registry, each isolated: plugins (webhooks...)
                // and the door hardware (GPIO), which starts only when asked for; required, it must start
                PluginListeners plugins = PluginListeners.open(suite.providers().listeners(), id -> listenerSettings(suite, options, id),
                        options.gpio() && options.gpioRequired() ? Set.of(GpioListenerProvider.ID) : Set.of(), observer::onStatus,
                        notStarted(observer));
                // its state in the store every few seconds, for the Stations window and `stations list`
                HeartbeatWriter heartbeat = suite.startHeartbeat(settings.stationName(), vitals,
                        // what the journal (opened below, on a server only) still holds
                        () -> (int) Math.min(Integer.MAX_VALUE, waitingEvents()), gallery::appliedChange)) {
            // the station's alert recorder (it groups strangers), one for the run, made on first use: a
            // station on a server that starts while the server is down makes it once the server is back
            Supplier<StationAlerts> alerts = once(() -> (options.alerts().equals(AlertSettings.defaults())
                    ? suite.alerts() : suite.alerts(options.alerts())).forStation());
            Runnable centralStartupWork = () -> {
                var store = suite.store();
                store.ensureStation(settings.stationName());
                store.purgeExpired(Instant.now());
                alerts.get(); // purges expired stranger groups
            };
            // A store on a server can go away while the station runs: events go to the station's
            // journal first and are forwarded from there (issue 13). An embedded store shares the
            // station's disk and process, so a journal beside it would only be a second copy.
            StationJournal journalled = null;
            if (suite.usesNetworkStore()) {
                journalled = StationJournal.open(suite.dataDir(), suite::store, alerts, observer::onStatus);
            } else {
                centralStartupWork.run();
            }
            journal.set(journalled);
            CentralStartup startup = null;
            try {
                if (journalled != null) {
                    // the server may be down as the station starts: it runs on from its journal and its copy
                    // of the gallery, and does the start-up work there once the server is back
                    startup = CentralStartup.start(centralStartupWork, CentralStartup.RETRY, observer::onStatus, journalled::waitingEvents);
                }
                DirectionPolicy directions = journalled == null ? directions(suite, settings)
                        : new OfflineSafeDirections(directions(suite, settings), journalled::waitingEvents, ZoneId.systemDefault());
                AttendanceStation station = new AttendanceStation(settings.stationName(), pipeline, gallery.index(),
                        settings.stationSettings(), directions, Clock.systemDefaultZone());
                // the cooldown survives a restart (offline, the central store cannot tell: no recall)
                station.recallPassesFrom(journalled == null ? suite.store()::lastRecordedAt
                        : offlineSafe((code, at, since) -> suite.store().lastRecordedAt(code, at, since)));
                if (prescreen != null) {
                    station.usePrescreen(prescreen);
                }
                // snapshots belong to alerts raised on the frame; a journalled station's alerts are stored
                // when they are delivered, once the frame is gone
                StationAlerts snapshots = journalled == null ? alerts.get() : null;
                if (journalled != null) {
                    station.addListener(journalled.recorder());
                } else {
                    // strangers are stored by the alert recorder, each sighting with its alert in one transaction
                    station.addListener(StoreRecorder.besideAlerts(suite.store()));
                    station.addListener(snapshots);
                }
                plugins.listeners().forEach(station::addListener);
                station.addListener(vitals);
                station.addListener(observer::onEvent);
                FrameClock clock = new FrameClock(options.paceVideoFiles() && spec.kind() == SourceSpec.Kind.FILE);
                StationRunner r = new StationRunner(station, () -> suite.providers().frameSourceFor(spec).open(spec))
                        .onStatus(observer::onStatus)
                        .onFrame(f -> {
                            if (snapshots != null) {
                                snapshots.snapshotFrom(f.frame(), f.analysis());
                            }
                            clock.pace(f.frame().timestampMillis());
                            vitals.framesPerSecond(clock.framesPerSecond());
                            observer.onFrame(f.frame(), f.analysis(), clock.framesPerSecond());
                        })
                        .maxReconnects(options.maxReconnects());
                runner.set(r);
                if (!stopRequested) {
                    observer.onStarted(spec.toString(), gallery.index().personCount());
                    stats = r.run();
                }
            } finally {
                try {
                    if (startup != null) {
                        startup.close();
                    }
                } finally {
                    closeJournal(journalled, observer);
                }
            }
        } catch (RuntimeException e) {
            problem = Problem.of(e);
            LOG.log(Level.INFO, "station stopped: {0}", problem.sentence());
            LOG.log(problem.kind() == Problem.Kind.INTERNAL ? Level.WARNING : Level.FINE, "station failure", e);
        } finally {
            try {
                observer.onStopped(stats, problem);
            } finally {
                stopped.countDown();
            }
        }
    }

    /** A last moment to deliver what waits; what is left is delivered at the next start. */
    private void closeJournal(StationJournal j, Observer observer) {
        if (j == null) {
            return;
        }
        try {
            // offline, waiting would only delay the stop: the events stay in the journal either way
            if (!(j.online() && j.awaitDrained(JOURNAL_DRAIN_ON_STOP)) && j.waitingEvents() > 0) {
                String left = "stopping with " + j.waitingEvents() + " events waiting in the journal; they are delivered at the next start";
                LOG.info(left);
                observer.onStatus(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            j.close();
        }
    }

    /** {@code make}'s value, made on the first call that succeeds and kept (thread-safe). */
    private static <T> Supplier<T> once(Supplier<T> make) {
        return new Supplier<>() {
            private T made;

            @Override
            public synchronized T get() {
                if (made == null) {
                    made = make.get();
                }
                return made;
            }
        };
    }

    /** Offline, a restarted station cannot ask when a person was last recorded: it recalls nothing. */
    private static com.faceattend.engine.station.RecentPasses offlineSafe(com.faceattend.engine.station.RecentPasses central) {
        return (code, station, since) -> {
            try {
                return central.lastRecorded(code, station, since);
            } catch (com.faceattend.store.StoreException e) {
                if (e.kind() != Problem.Kind.STORE_UNAVAILABLE) {
                    throw e;
                }
                return java.util.Optional.empty();
            }
        };
    }

    /** A plugin's own settings; GPIO's from the station's options, or null (not started) without --gpio. */
    private static ProviderSettings listenerSettings(SuiteServices suite, Options options, String id) {
        if (GpioListenerProvider.ID.equals(id)) {
            return options.gpio() ? GpioListenerProvider.settings(options.gpioConfig()) : null;
        }
        return suite.plugins().listenerSettings(id);
    }

    /** A listener that did not start, in the station's words: the optional door hardware says what it means for the door. */
    private static java.util.function.Consumer<ListenerNotStarted> notStarted(Observer observer) {
        return left -> observer.onStatus(GpioListenerProvider.ID.equals(left.providerId())
                ? "Door hardware off: " + left.problem().sentence() + " The station runs on without it." : left.statusLine());
    }

    private static LiveGallery loadGallery(SuiteServices suite, FacePipeline pipeline, Observer observer) {
        observer.onStatus("loading enrolled employees");
        return suite.openLiveGallery(pipeline, observer::onStatus);
    }

    private static DirectionPolicy directions(SuiteServices suite, SuiteSettings settings) {
        return switch (settings.direction()) {
            case "in" -> DirectionPolicy.fixed(AttendanceEvent.Direction.IN);
            case "out" -> DirectionPolicy.fixed(AttendanceEvent.Direction.OUT);
            default -> new AlternatingDirections(suite::store, ZoneId.systemDefault());
        };
    }

    /** Plays files at their own frame rate and measures the shown frame rate. */
    private static final class FrameClock {
        private final boolean pace;
        private long firstFrameMillis = Long.MIN_VALUE;
        private long firstWallNanos;
        private long windowStart = System.nanoTime();
        private int framesInWindow;
        private double fps;

        FrameClock(boolean pace) {
            this.pace = pace;
        }

        void pace(long frameMillis) {
            long now = System.nanoTime();
            if (firstFrameMillis == Long.MIN_VALUE) {
                firstFrameMillis = frameMillis;
                firstWallNanos = now;
            } else if (pace) {
                long dueNanos = firstWallNanos + (frameMillis - firstFrameMillis) * 1_000_000L;
                long waitMillis = (dueNanos - now) / 1_000_000L;
                if (waitMillis > 0) {
                    try {
                        Thread.sleep(Math.min(waitMillis, 1000));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
            framesInWindow++;
            long elapsed = System.nanoTime() - windowStart;
            if (elapsed >= 1_000_000_000L) {
                fps = framesInWindow * 1e9 / elapsed;
                framesInWindow = 0;
                windowStart = System.nanoTime();
            }
        }

        double framesPerSecond() {
            return fps;
        }
    }
}
