package com.faceattend.suite;

import com.faceattend.alerts.AlertService;
import com.faceattend.alerts.AlertSettings;
import com.faceattend.engine.gallery.GalleryIndex;
import com.faceattend.engine.pipeline.FacePipeline;
import com.faceattend.engine.pipeline.PipelineSettings;
import com.faceattend.engine.providers.ProviderRegistry;
import com.faceattend.spi.Embedding;
import com.faceattend.spi.FaceDetector;
import com.faceattend.spi.FaceEmbedder;
import com.faceattend.spi.LivenessCheck;
import com.faceattend.spi.ProviderInfo;
import com.faceattend.spi.ProviderSettings;
import com.faceattend.store.DerbyAttendanceStore;
import com.faceattend.store.StoredTemplate;
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
    private final SettingsFile settingsFile;
    private final ProviderRegistry registry;
    private DerbyAttendanceStore store;
    private SuiteSettings settings;
    private EnrolmentService enrolment;
    private AlertService alerts;
    private final Thread shutdownHook = new Thread(this::close, "faceattend-close-store");

    /** The data folder from {@link DataFolder#resolve()}; used by the desktop suite's Lookup. */
    public SuiteServices() {
        this(DataFolder.resolve());
    }

    public SuiteServices(Path dataDir) {
        this.dataDir = Objects.requireNonNull(dataDir, "dataDir").toAbsolutePath().normalize();
        this.settingsFile = new SettingsFile(this.dataDir);
        // In the desktop suite the context class loader sees every enabled module (our own module's
        // loader sees only its dependencies, not provider plugins added later).
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        this.registry = new ProviderRegistry(context != null ? context : SuiteServices.class.getClassLoader());
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
        checkProviders(newSettings);
        try {
            settingsFile.save(newSettings);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save " + settingsFile.path(), e);
        }
        settings = newSettings;
    }

    private void checkProviders(SuiteSettings s) {
        if (registry.detectors().stream().noneMatch(p -> p.info().id().equals(s.detectorId()))) {
            throw new SettingsException("detectorId", "no face detector '" + s.detectorId() + "' is installed",
                    "choose one listed in the Plugins window");
        }
        if (registry.embedders().stream().noneMatch(p -> p.info().id().equals(s.embedderId()))) {
            throw new SettingsException("embedderId", "no face embedder '" + s.embedderId() + "' is installed",
                    "choose one listed in the Plugins window");
        }
        if (s.livenessEnabled() && registry.livenessChecks().stream().noneMatch(p -> p.info().id().equals(s.livenessId()))) {
            throw new SettingsException("livenessId", "no liveness check '" + s.livenessId() + "' is installed",
                    "choose one listed in the Plugins window, or turn liveness off");
        }
    }

    /** The embedded database in the data folder, opened on first use. */
    public synchronized DerbyAttendanceStore store() {
        if (store == null) {
            store = DerbyAttendanceStore.openEmbedded(dataDir.resolve("db"));
        }
        return store;
    }

    /** A pipeline of the configured providers; the caller closes it. */
    public FacePipeline openPipeline(SuiteSettings s, boolean withLiveness) {
        ProviderSettings ps = ProviderSettings.defaults();
        FaceDetector detector = registry.detector(s.detectorId()).create(ps);
        FaceEmbedder embedder = null;
        try {
            embedder = registry.embedder(s.embedderId()).create(ps);
            LivenessCheck liveness = withLiveness && s.livenessEnabled() ? registry.liveness(s.livenessId()).create(ps) : null;
            return new FacePipeline(detector, embedder, liveness, PipelineSettings.defaults().withLiveness(liveness != null));
        } catch (RuntimeException e) {
            detector.close();
            if (embedder != null) {
                embedder.close();
            }
            throw e;
        }
    }

    /** Every active employee's templates of the pipeline's model. */
    public GalleryIndex loadGallery(FacePipeline pipeline) {
        GalleryIndex gallery = new GalleryIndex(pipeline.modelId(), pipeline.dimension());
        for (StoredTemplate t : store().loadTemplates(pipeline.modelId())) {
            gallery.add(t.employeeCode(), t.employeeName(), new Embedding(t.modelId(), t.vector()));
        }
        return gallery;
    }

    /**
     * Stranger and spoof alerts, with repeat strangers grouped; snapshots stay off (the default),
     * so no face image is ever written by the desktop suite.
     */
    public synchronized AlertService alerts() {
        if (alerts == null) {
            alerts = new AlertService(store(), AlertSettings.defaults(), dataDir.resolve("snapshots"), Clock.systemUTC());
            alerts.purgeExpired();
        }
        return alerts;
    }

    public synchronized EnrolmentService enrolment() {
        if (enrolment == null) {
            enrolment = new EnrolmentService(this);
        }
        return enrolment;
    }

    /** Starts a station with the current settings on its own thread; see {@link StationSession}. */
    public StationSession startStation(StationSession.Observer observer) {
        return StationSession.start(this, settings(), observer);
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
            LOG.log(Level.INFO, "warm-up failed: {0}", UserProblem.of(e).sentence());
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
