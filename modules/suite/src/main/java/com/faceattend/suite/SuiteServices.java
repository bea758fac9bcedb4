package com.faceattend.suite;

import com.faceattend.alerts.AlertService;
import com.faceattend.alerts.AlertSettings;
import com.faceattend.engine.gallery.GalleryIndex;
import com.faceattend.engine.pipeline.AllLivenessChecks;
import com.faceattend.onnx.EyeBlinkLivenessCheckProvider;
import com.faceattend.engine.pipeline.FacePipeline;
import com.faceattend.engine.pipeline.PipelineSettings;
import com.faceattend.engine.providers.PluginFolder;
import com.faceattend.engine.providers.ProviderRegistry;
import com.faceattend.spi.FaceDetector;
import com.faceattend.spi.FaceEmbedder;
import com.faceattend.spi.LivenessCheck;
import com.faceattend.spi.Problem;
import com.faceattend.spi.ProviderInfo;
import com.faceattend.spi.ProviderSettings;
import com.faceattend.store.DataSubjectRights;
import com.faceattend.store.DerbyAttendanceStore;
import com.faceattend.store.OwnerOnlyFiles;
import com.faceattend.store.StoreEncryption;
import com.faceattend.store.StoreKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The services a FaceAttend front end (desktop suite or CLI) works through: the data folder, the
 * settings, the attendance store, the providers found on the class path, face pipelines built from
 * the settings, enrolment and station sessions. Front ends hold no recognition logic of their own.
 *
 * <p>Registered in {@code META-INF/services}, so the desktop suite finds the one instance through
 * its global Lookup. Thread-safe. The store opens on first use; {@link #close()} (also run at JVM
 * shutdown) shuts it down cleanly.
 */
public class SuiteServices implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(SuiteServices.class.getName());

    private final Path dataDir;
    private final String dbServer;
    private final SettingsFile settingsFile;
    private final ProviderRegistry registry;
    private final PluginFolder plugins;
    private DerbyAttendanceStore store;
    private com.faceattend.store.StoreLogin login = com.faceattend.store.StoreLogin.none();
    private SuiteSettings settings;
    private EnrolmentService enrolment;
    private AlertService alerts;
    private java.util.concurrent.ScheduledExecutorService retention;
    private final Thread shutdownHook = new Thread(this::closeAtExit, "faceattend-close-store");
    /** Stations started here, so that at JVM exit they stop (and hand on their journal) before the store closes. */
    private final java.util.Set<StationSession> stations = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** The data folder from {@link DataFolder#resolve()}; used by the desktop suite's Lookup. */
    public SuiteServices() {
        this(DataFolder.resolve());
    }

    public SuiteServices(Path dataDir) {
        this(dataDir, null);
    }

    /**
     * @param dbServer {@code HOST} or {@code HOST:PORT} of a Derby network server shared by several
     *                 stations, a JDBC URL of the central store ({@code jdbc:postgresql://HOST:PORT/DB},
     *                 {@code jdbc:derby://HOST:PORT/NAME}), or null/blank for the {@code database}
     *                 entry of the data folder's settings, and without one the embedded database in
     *                 {@code dataDir}
     */
    public SuiteServices(Path dataDir, String dbServer) {
        this.dataDir = Objects.requireNonNull(dataDir, "dataDir").toAbsolutePath().normalize();
        this.settingsFile = new SettingsFile(this.dataDir);
        String given = dbServer == null || dbServer.isBlank() ? settingsFile.databaseUrl().orElse(null) : dbServer.strip();
        this.dbServer = given;
        // In the desktop suite the context class loader sees every enabled module (our own module's
        // loader sees only its dependencies, not provider plugins added later).
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        // plugin jars in the data folder's plugins/ (faceattend plugins install) join what the loader sees
        this.plugins = new PluginFolder(this.dataDir);
        this.registry = new ProviderRegistry(plugins.classLoader(context != null ? context : SuiteServices.class.getClassLoader()));
        try {
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is already exiting; nothing to add
        }
    }

    public Path dataDir() {
        return dataDir;
    }

    public ProviderRegistry providers() {
        return registry;
    }

    /** The data folder's plugins/ (installed jars, listener settings). */
    public PluginFolder plugins() {
        return plugins;
    }

    /** Every detector, embedder and liveness provider found, for the Plugins window. */
    public List<ProviderRow> providerRows() {
        List<ProviderRow> rows = new ArrayList<>();
        registry.detectors().forEach(p -> rows.add(new ProviderRow("Face detector", p.info())));
        registry.embedders().forEach(p -> rows.add(new ProviderRow("Face embedder", p.info())));
        registry.livenessChecks().forEach(p -> rows.add(new ProviderRow("Liveness check", p.info())));
        registry.prescreens().forEach(p -> rows.add(new ProviderRow("Pre-screen", p.info())));
        registry.frameSources().forEach(p -> rows.add(new ProviderRow("Video source", p.info())));
        return rows;
    }

    /** One provider as the Plugins window lists it. */
    public record ProviderRow(String kind, ProviderInfo info) { }

    public synchronized SuiteSettings settings() {
        if (settings == null) {
            settings = settingsFile.load();
        }
        return settings;
    }

    /** Saves and applies {@code newSettings}; a running station keeps its old settings until restarted. */
    public synchronized void saveSettings(SuiteSettings newSettings) {
        saveSettings(newSettings, "system:" + System.getProperty("user.name", "unknown"));
    }

    /**
     * As {@link #saveSettings(SuiteSettings)}, recording in the audit log who changed which value.
     * The settings file is local, so a store that cannot take the entry (locked, refused) does not
     * undo the change: the failure is logged as a warning instead.
     */
    public synchronized void saveSettings(SuiteSettings newSettings, String actor) {
        checkProviders(newSettings);
        String changed = SettingsFile.changes(settings(), newSettings);
        try {
            settingsFile.save(newSettings);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save " + settingsFile.path(), e);
        }
        settings = newSettings;
        if (!changed.isEmpty()) {
            try {
                store().audit(actor, "settings-change", changed);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "the settings change (" + changed + ") could not be written to the audit log", e);
            }
        }
    }

    private void checkProviders(SuiteSettings s) {
        if (registry.detectors().stream().noneMatch(p -> p.info().id().equals(s.detectorId()))) {
            throw new SettingsException("detectorId", "no face detector '" + s.detectorId() + "' is installed",
                    "choose one of the installed ones: " + registry.detectors().stream().map(d -> d.info().id()).toList());
        }
        if (registry.embedders().stream().noneMatch(p -> p.info().id().equals(s.embedderId()))) {
            throw new SettingsException("embedderId", "no face embedder '" + s.embedderId() + "' is installed",
                    "choose one of the installed ones: " + registry.embedders().stream().map(d -> d.info().id()).toList());
        }
        if (s.livenessEnabled() && registry.livenessChecks().stream().noneMatch(p -> p.info().id().equals(s.livenessId()))) {
            throw new SettingsException("livenessId", "no liveness check '" + s.livenessId() + "' is installed",
                    "choose one of the installed ones (" + registry.livenessChecks().stream().map(d -> d.info().id()).toList() + "), or turn liveness off");
        }
    }

    /**
     * Whom the store signs in as (see {@link com.faceattend.store.StoreLogin}); a store already
     * open for someone else is closed, so the next {@link #store()} signs in anew.
     */
    public synchronized void signIn(com.faceattend.store.StoreLogin newLogin) {
        this.login = Objects.requireNonNull(newLogin, "login");
        if (enrolment != null) {
            enrolment.close();
            enrolment = null;
        }
        alerts = null;
        if (store != null) {
            store.close();
            store = null;
        }
    }

    /**
     * The central database this suite uses ({@code HOST:PORT} of a Derby network server or a JDBC
     * URL), or empty for the data folder's own embedded database.
     */
    public java.util.Optional<String> centralDatabase() {
        return java.util.Optional.ofNullable(dbServer);
    }

    /**
     * Whether the store is on a network server ({@code --db-server}) (or a JDBC URL such as PostgreSQL) rather than embedded: then a
     * station journals its events first (see {@link StationJournal}).
     */
    public boolean usesNetworkStore() {
        return dbServer != null;
    }

    /** The embedded database's folder (inside the data folder). */
    public Path databaseDir() {
        return dataDir.resolve("db");
    }

    /** The database: embedded in the data folder, or on the network server; opened on first use. */
    public synchronized DerbyAttendanceStore store() {
        if (store == null) {
            try {
                store = dbServer == null ? openEmbeddedStore()
                        : dbServer.startsWith("jdbc:") ? DerbyAttendanceStore.openJdbc(dbServer, login)
                        : openNetworkStore(dbServer, login);
            } catch (com.faceattend.store.StoreException e) {
                if (e.kind() == com.faceattend.spi.Problem.Kind.REFUSED) {
                    // A refused password is tried once: every window asking for the store again would
                    // count one more failure and lock the account after a single typo.
                    login = com.faceattend.store.StoreLogin.none();
                }
                throw e;
            }
            startRetention();
        }
        return store;
    }

    /**
     * Data-subject rights over the store: export of a person's data, erasure with a signed record
     * (HMAC key {@code erasure-hmac.key} in the secrets folder, made on first use), retention.
     */
    public synchronized DataSubjectRights dataSubjectRights() {
        return new DataSubjectRights(store(), erasureKey());
    }

    private byte[] erasureKey() {
        Path file = StoreKeys.forDatabase(databaseDir()).secretsFolder().resolve("erasure-hmac.key");
        try {
            if (!java.nio.file.Files.exists(file)) {
                byte[] bits = new byte[32];
                new java.security.SecureRandom().nextBytes(bits);
                OwnerOnlyFiles.writeSecret(file, java.util.HexFormat.of().formatHex(bits).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            }
            OwnerOnlyFiles.requireOwnerOnly(file, "the erasure-record key");
            return java.util.HexFormat.of().parseHex(java.nio.file.Files.readString(file).strip());
        } catch (IOException | IllegalArgumentException e) {
            throw new com.faceattend.store.StoreException("cannot read the erasure-record key " + file + " (" + e + ")",
                    "Restore it from your copy of the secrets folder; without it old erasure records cannot be verified.", e);
        }
    }

    /**
     * Attendance rows older than the retention are deleted once a UTC day: now, and hourly checks
     * while this process runs (a station runs for weeks).
     */
    private void startRetention() {
        if (retention != null) {
            return; // one schedule for the process: a new sign-in reopens the store, not the schedule
        }
        retention = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "faceattend-retention");
            t.setDaemon(true);
            return t;
        });
        retention.scheduleWithFixedDelay(this::applyRetention, 0, 1, java.util.concurrent.TimeUnit.HOURS);
    }

    private void applyRetention() {
        try {
            DerbyAttendanceStore s;
            synchronized (this) {
                s = store;
            }
            if (s != null) {
                int deleted = new DataSubjectRights(s, erasureKey()).applyRetentionIfDue(java.time.Instant.now(), "retention");
                if (deleted > 0) {
                    LOG.info(() -> "retention: deleted " + deleted + " attendance rows past their retention");
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "applying the attendance retention failed; it is tried again in an hour", e);
        }
    }

    /**
     * The data folder's database, encrypted when new (key file from {@link StoreKeys}: apart from
     * the data folder, owner-only). A data folder FaceAttend creates is made private to its owner;
     * one the user pointed at that holds other things keeps its permissions.
     */
    private DerbyAttendanceStore openEmbeddedStore() {
        Path db = databaseDir();
        if (!StoreEncryption.exists(db) && holdsOnlyFaceAttendFiles(dataDir)) {
            OwnerOnlyFiles.restrictFolder(dataDir);
        }
        return DerbyAttendanceStore.openEmbedded(db, StoreKeys.forDatabase(db).forOpening(), login);
    }

    private static final java.util.Set<String> OWN_ENTRIES = java.util.Set.of("db", "db.key-id", "logs", "settings.properties", "secrets", "plugins",
            "snapshots", "derby.log", StationJournal.FOLDER, StationJournal.FOLDER + ".key-id");

    private static boolean holdsOnlyFaceAttendFiles(Path dir) {
        if (!java.nio.file.Files.isDirectory(dir)) {
            return true;
        }
        try (java.util.stream.Stream<Path> entries = java.nio.file.Files.list(dir)) {
            return entries.allMatch(p -> OWN_ENTRIES.contains(p.getFileName().toString()));
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * {@code HOST[:PORT][/DATABASE]}: DATABASE is the database's name or path on the server. The
     * server's password file {@code server-user.pass} in this machine's keys folder means a
     * {@code faceattend server}: its account and TLS are used, and the default database is "db"
     * (the served data folder's own, relative to the server's derby.system.home); without it, a
     * plain Derby network server and the default name "faceattend".
     */
    private static DerbyAttendanceStore openNetworkStore(String server, com.faceattend.store.StoreLogin login) {
        int slash = server.indexOf('/');
        com.faceattend.store.ServerCredentials credentials =
                com.faceattend.store.ServerCredentials.inKeysFolder(StoreKeys.keysFolder(System::getenv));
        String defaultDatabase = credentials.present() ? "db" : "faceattend";
        String database = slash < 0 || slash == server.length() - 1 ? defaultDatabase : server.substring(slash + 1);
        server = slash < 0 ? server : server.substring(0, slash);
        String[] hostPort = server.split(":", 2);
        int port;
        try {
            port = hostPort.length == 2 ? Integer.parseInt(hostPort[1]) : 1527;
        } catch (NumberFormatException e) {
            throw new SettingsException("dbServer", "the database server must be HOST or HOST:PORT, not '" + server + "'",
                    "give it as, for example, 192.0.2.10:1527");
        }
        return DerbyAttendanceStore.openNetwork(hostPort[0], port, database, login, credentials);
    }

    /** A pipeline of the configured providers (liveness as set); the caller closes it. */
    public FacePipeline openPipeline(SuiteSettings s, boolean withLiveness) {
        return openPipeline(s, withLiveness, false);
    }

    /**
     * As {@link #openPipeline(SuiteSettings, boolean)}; with {@code blink}, a face must also blink
     * (the eye-blink check) to count as live.
     */
    public FacePipeline openPipeline(SuiteSettings s, boolean withLiveness, boolean blink) {
        boolean live = withLiveness && s.livenessEnabled();
        List<String> checks = !live ? List.of() : blink ? List.of(s.livenessId(), EyeBlinkLivenessCheckProvider.ID) : List.of(s.livenessId());
        return openPipeline(s.detectorId(), s.embedderId(), checks, PipelineSettings.defaults().withLiveness(live));
    }

    /**
     * A pipeline of the named providers; every liveness check in {@code livenessIds} must pass.
     * The caller closes it. Evaluation and benchmarks use it to compare providers.
     */
    public FacePipeline openPipeline(String detectorId, String embedderId, List<String> livenessIds, PipelineSettings settings) {
        ProviderSettings ps = ProviderSettings.defaults();
        List<LivenessCheck> checks = new ArrayList<>();
        try {
            if (settings.livenessEnabled()) {
                for (String id : livenessIds) {
                    checks.add(registry.liveness(id).create(ps));
                }
            }
        } catch (RuntimeException e) {
            closeAll(checks, e);
            throw e;
        }
        LivenessCheck liveness = checks.isEmpty() ? null : checks.size() == 1 ? checks.get(0) : new AllLivenessChecks(checks);
        return openPipeline(detectorId, embedderId, liveness, settings.withLiveness(liveness != null));
    }

    /**
     * A pipeline of the named detector and embedder around a liveness check the caller made (for
     * example with provider options, to measure it); the pipeline owns the check from here on, and
     * closes it also when the detector or embedder cannot be opened.
     */
    public FacePipeline openPipeline(String detectorId, String embedderId, LivenessCheck liveness, PipelineSettings settings) {
        return openPipeline(detectorId, ProviderSettings.defaults(), embedderId, liveness, settings);
    }

    /**
     * As {@link #openPipeline(String, String, LivenessCheck, PipelineSettings)}, the detector created with
     * {@code detectorSettings} (its provider options, for example MTCNN's {@code minFaceSize} in an evaluation).
     */
    public FacePipeline openPipeline(String detectorId, ProviderSettings detectorSettings, String embedderId, LivenessCheck liveness,
                                     PipelineSettings settings) {
        ProviderSettings ps = ProviderSettings.defaults();
        List<AutoCloseable> opened = new ArrayList<>();
        if (liveness != null) {
            opened.add(liveness);
        }
        try {
            FaceDetector detector = registry.detector(detectorId).create(detectorSettings);
            opened.add(detector);
            FaceEmbedder embedder = registry.embedder(embedderId).create(ps);
            opened.add(embedder);
            return new FacePipeline(detector, embedder, liveness, settings);
        } catch (RuntimeException e) {
            closeAll(opened, e);
            throw e;
        }
    }

    private static void closeAll(List<? extends AutoCloseable> opened, RuntimeException failure) {
        for (AutoCloseable c : opened) {
            try {
                c.close();
            } catch (Exception suppressed) {
                failure.addSuppressed(suppressed);
            }
        }
    }

    /** Every active employee's templates of the pipeline's model, as they are now (a one-off look-up). */
    public GalleryIndex loadGallery(FacePipeline pipeline) {
        GalleryIndex gallery = new GalleryIndex(pipeline.modelId(), pipeline.dimension());
        LiveGallery.fill(gallery, store().loadTemplates(pipeline.modelId()));
        return gallery;
    }

    /**
     * Every active employee's templates of the pipeline's model, kept up to date with enrolments,
     * deletions and (de)activations made in this process; for a running station. Close it after.
     */
    public LiveGallery openLiveGallery(FacePipeline pipeline) {
        return openLiveGallery(pipeline, status -> LOG.info(status));
    }

    /**
     * As {@link #openLiveGallery(FacePipeline)}. With a central store on a server, changes made by
     * any process reach the gallery through the store's change sequence, and the station keeps a
     * local copy of the gallery in the data folder, so it starts and recognises while the server is
     * unreachable ({@code status} says so).
     *
     * @throws com.faceattend.store.StoreException STORE_UNAVAILABLE when the server is unreachable and
     *         this station never had a copy of the gallery (a new station: nobody to recognise)
     */
    public LiveGallery openLiveGallery(FacePipeline pipeline, java.util.function.Consumer<String> status) {
        if (dbServer == null) {
            return new LiveGallery(store(), pipeline.modelId(), pipeline.dimension());
        }
        GalleryIndex index = new GalleryIndex(pipeline.modelId(), pipeline.dimension());
        if (!com.faceattend.fleet.sync.LocalGalleryCopy.exists(dataDir)) {
            try {
                store(); // a new station's gallery can only come from the central store: no empty copy (and key) is left behind
            } catch (RuntimeException e) {
                throw com.faceattend.fleet.sync.GallerySync.noCopyYet(e);
            }
        }
        com.faceattend.fleet.sync.LocalGalleryCopy copy = com.faceattend.fleet.sync.LocalGalleryCopy.open(dataDir);
        try {
            return new LiveGallery(index, com.faceattend.fleet.sync.GallerySync.start(this::store, copy, index, status,
                    com.faceattend.fleet.sync.GallerySync.DEFAULT_POLL), copy);
        } catch (RuntimeException e) {
            copy.close();
            throw e;
        }
    }

    /**
     * Starts the heartbeat of a running station (see {@link com.faceattend.fleet.sync.HeartbeatWriter}):
     * its state in the store every 2 s, for the Stations window and {@code faceattend stations list};
     * {@code backlog} says how many of its events wait in its journal.
     */
    public com.faceattend.fleet.sync.HeartbeatWriter startHeartbeat(String station, com.faceattend.fleet.sync.StationVitals vitals,
                                                                    com.faceattend.fleet.sync.BacklogGauge backlog,
                                                                    java.util.function.LongSupplier gallerySeq) {
        return com.faceattend.fleet.sync.HeartbeatWriter.start(station, com.faceattend.fleet.sync.HeartbeatWriter.DEFAULT_INTERVAL,
                this::store, vitals, Objects.requireNonNull(backlog, "backlog"), gallerySeq, Clock.systemDefaultZone());
    }

    /**
     * Stranger and spoof alerts, with repeat strangers grouped; snapshots stay off (the default),
     * so no face image is ever written by the desktop suite.
     */
    public synchronized AlertService alerts() {
        if (alerts == null) {
            alerts = alerts(AlertSettings.defaults());
        }
        return alerts;
    }

    /** Alerts with other than the default settings (retention, snapshots), for one station. */
    public AlertService alerts(AlertSettings settings) {
        AlertService service = new AlertService(store(), settings, dataDir.resolve("snapshots"), Clock.systemUTC());
        try {
            service.purgeExpired();
        } catch (com.faceattend.store.StoreException e) {
            if (e.kind() != com.faceattend.spi.Problem.Kind.REFUSED && !lockConflict(e)) {
                throw e;
            }
            // housekeeping, not the signed-in person's task, and not a reason to keep a station from starting
            // while other stations deliver stranger alerts into the same groups (a deadlock that outlasted the
            // store's retries, seen in StationJournalFaultTest): the next station or security sign-in purges
            LOG.fine(() -> "expired stranger groups left for a later purge: " + e.getMessage());
        }
        return service;
    }

    /** Whether the database rolled the work back for a deadlock or a lock wait (SQLState class 40), not a real fault. */
    private static boolean lockConflict(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException s && s.getSQLState() != null && s.getSQLState().startsWith("40")) {
                return true;
            }
        }
        return false;
    }

    public synchronized EnrolmentService enrolment() {
        if (enrolment == null) {
            enrolment = new EnrolmentService(this);
        }
        return enrolment;
    }

    /** Starts a station with the current settings on its own thread; see {@link StationSession}. */
    public StationSession startStation(StationSession.Observer observer) {
        StationSession.Options o = StationSession.Options.defaults();
        DoorHardware door = doorHardware();
        if (door.enabled()) { // switched on in Settings: driven when this is a Pi, else the station says so and runs on
            o = new StationSession.Options(o.paceVideoFiles(), o.blink(), o.haarPrescreen(), o.maxReconnects(), o.alerts(),
                    true, door.activeFile(), false);
        }
        return startStation(settings(), o, observer);
    }

    /** The door relay, LEDs and buzzer settings of this data folder ({@code gpio.properties}). */
    public DoorHardware doorHardware() {
        return new DoorHardware(dataDir);
    }

    /** Starts a station with {@code settings} (the saved ones with a front end's overrides) and {@code options}. */
    public StationSession startStation(SuiteSettings settings, StationSession.Options options, StationSession.Observer observer) {
        stations.removeIf(s -> !s.isRunning());
        StationSession session = StationSession.start(this, settings, options, observer);
        stations.add(session);
        return session;
    }

    /**
     * At JVM exit (Ctrl+C, SIGTERM, a service manager stopping the station): running stations stop
     * first, delivering what their journal holds while the store is still open, then the store closes.
     * (Shutdown hooks run at the same time: closing the store under a draining station would leave its
     * last events waiting in the journal until the next start.)
     */
    private void closeAtExit() {
        stations.forEach(StationSession::stop);
        try {
            for (StationSession s : stations) {
                s.awaitStopped(java.time.Duration.ofSeconds(20));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        close();
    }

    /**
     * Loads the configured models and the image decoder's native code once, so the first enrolment
     * or station start is quick. Run it in the background at start-up; failures are only logged
     * (they show again, with a fix, when the user starts the feature).
     */
    public void warmUp() {
        long t0 = System.nanoTime();
        try (FacePipeline p = openPipeline(settings(), true)) {
            EnrolmentService.warmDecoder(registry.imageDecoder());
            LOG.info(() -> String.format("models %s loaded and decoder warmed in %d ms", p.modelId(), (System.nanoTime() - t0) / 1_000_000));
        } catch (RuntimeException e) {
            LOG.log(Level.INFO, "warm-up failed: {0}", Problem.of(e).sentence());
            LOG.log(Level.FINE, "warm-up failure", e);
        }
    }

    @Override
    public synchronized void close() {
        if (enrolment != null) {
            enrolment.close();
            enrolment = null;
        }
        alerts = null;
        if (retention != null) {
            retention.shutdownNow();
            retention = null;
        }
        if (store != null) {
            try {
                store.close();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "closing the store", e);
            }
            store = null;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException | SecurityException shuttingDown) {
            // running as the hook, or the JVM is exiting
        }
    }
}
