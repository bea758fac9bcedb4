package com.faceattend.cli;

import com.faceattend.engine.gallery.GalleryIndex;
import com.faceattend.engine.pipeline.AllLivenessChecks;
import com.faceattend.engine.pipeline.FacePipeline;
import com.faceattend.engine.pipeline.PipelineSettings;
import com.faceattend.engine.providers.ProviderRegistry;
import com.faceattend.onnx.EyeBlinkLivenessCheckProvider;
import com.faceattend.onnx.SilentLivenessCheckProvider;
import com.faceattend.spi.FaceDetector;
import com.faceattend.spi.FaceEmbedder;
import com.faceattend.spi.LivenessCheck;
import com.faceattend.spi.ProviderSettings;
import com.faceattend.store.DerbyAttendanceStore;
import com.faceattend.store.StoredTemplate;
import com.faceattend.suite.SuiteSettings;
import com.faceattend.spi.Embedding;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the commands share: the data folder, the store (opened on first use), the providers and a
 * gallery loaded from the store. Closes what it opened.
 */
final class AppContext implements AutoCloseable {
    private final Path dataDir;
    private final String dbServer;
    private final ProviderRegistry registry = new ProviderRegistry();
    private final List<AutoCloseable> opened = new ArrayList<>();
    private DerbyAttendanceStore store;

    AppContext(Path dataDir, String dbServer) {
        this.dataDir = dataDir;
        this.dbServer = dbServer;
    }

    Path dataDir() {
        return dataDir;
    }

    ProviderRegistry registry() {
        return registry;
    }

    DerbyAttendanceStore store() {
        if (store == null) {
            if (dbServer == null || dbServer.isBlank()) {
                store = DerbyAttendanceStore.openEmbedded(dataDir.resolve("db"));
            } else {
                String[] hostPort = dbServer.split(":", 2);
                int port;
                try {
                    port = hostPort.length == 2 ? Integer.parseInt(hostPort[1]) : 1527;
                } catch (NumberFormatException e) {
                    throw new UserFacingException("--db-server must be HOST or HOST:PORT, was '" + dbServer + "'",
                            "for example --db-server 192.0.2.10:1527", ExitCode.USAGE);
                }
                store = DerbyAttendanceStore.openNetwork(hostPort[0], port, "faceattend");
            }
            register(store);
        }
        return store;
    }

    /** The default pipeline (the desktop suite's too): UltraFace + landmarks, int8 ArcFace 512-d, silent liveness. */
    FacePipeline pipeline(PipelineSettings settings) {
        return pipeline(settings, false);
    }

    /** As {@link #pipeline(PipelineSettings)}; with {@code blink}, a face must also blink (eye-blink check) to count as live. */
    FacePipeline pipeline(PipelineSettings settings, boolean blink) {
        return pipeline(settings, SuiteSettings.DEFAULT_DETECTOR, SuiteSettings.DEFAULT_EMBEDDER, blink);
    }

    /** A pipeline with the detector and embedder of the given provider ids, silent liveness. */
    FacePipeline pipeline(PipelineSettings settings, String detectorId, String embedderId) {
        return pipeline(settings, detectorId, embedderId, false);
    }

    private FacePipeline pipeline(PipelineSettings settings, String detectorId, String embedderId, boolean blink) {
        ProviderSettings ps = ProviderSettings.defaults();
        FaceDetector detector = registry.detector(detectorId).create(ps);
        FaceEmbedder embedder = null;
        LivenessCheck liveness = null;
        try {
            embedder = registry.embedder(embedderId).create(ps);
            if (settings.livenessEnabled()) {
                liveness = registry.liveness(SilentLivenessCheckProvider.ID).create(ps);
                if (blink) {
                    liveness = new AllLivenessChecks(List.of(liveness, registry.liveness(EyeBlinkLivenessCheckProvider.ID).create(ps)));
                }
            }
        } catch (RuntimeException e) {
            detector.close();
            if (embedder != null) {
                embedder.close();
            }
            throw e;
        }
        return register(new FacePipeline(detector, embedder, liveness, settings));
    }

    /** Closes {@code resource} with the context. */
    <T extends AutoCloseable> T register(T resource) {
        opened.add(resource);
        return resource;
    }

    /** The gallery of every active employee's templates of the pipeline's model. */
    GalleryIndex loadGallery(FacePipeline pipeline) {
        GalleryIndex gallery = new GalleryIndex(pipeline.modelId(), pipeline.dimension());
        for (StoredTemplate t : store().loadTemplates(pipeline.modelId())) {
            gallery.add(t.employeeCode(), t.employeeName(), new Embedding(t.modelId(), t.vector()));
        }
        return gallery;
    }

    @Override
    public void close() {
        for (int i = opened.size() - 1; i >= 0; i--) {
            try {
                opened.get(i).close();
            } catch (Exception e) {
                java.util.logging.Logger.getLogger(AppContext.class.getName()).warning("closing " + opened.get(i) + ": " + e);
            }
        }
        opened.clear();
        store = null;
    }
}
