package com.faceattend.engine.providers;

import com.faceattend.spi.AttendanceListenerProvider;
import com.faceattend.spi.FaceDetectorProvider;
import com.faceattend.spi.FaceEmbedderProvider;
import com.faceattend.spi.FacePrescreenProvider;
import com.faceattend.spi.FrameSourceProvider;
import com.faceattend.spi.ImageDecoder;
import com.faceattend.spi.LivenessCheckProvider;
import com.faceattend.spi.Problem;
import com.faceattend.spi.ProviderException;
import com.faceattend.spi.ProviderInfo;
import com.faceattend.spi.SourceSpec;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;
import java.util.function.Function;

/**
 * Finds the installed providers with {@link ServiceLoader} (the same registrations the NetBeans
 * Lookup reads) and picks them by id.
 */
public final class ProviderRegistry {
    private final ClassLoader loader;

    public ProviderRegistry() {
        this(ProviderRegistry.class.getClassLoader());
    }

    /** @param loader where plugins live (e.g. a class loader over a plugins folder) */
    public ProviderRegistry(ClassLoader loader) {
        this.loader = loader;
    }

    public List<FaceDetectorProvider> detectors() {
        return load(FaceDetectorProvider.class, FaceDetectorProvider::info);
    }

    public List<FaceEmbedderProvider> embedders() {
        return load(FaceEmbedderProvider.class, FaceEmbedderProvider::info);
    }

    public List<LivenessCheckProvider> livenessChecks() {
        return load(LivenessCheckProvider.class, LivenessCheckProvider::info);
    }

    public List<FacePrescreenProvider> prescreens() {
        return load(FacePrescreenProvider.class, FacePrescreenProvider::info);
    }

    public List<FrameSourceProvider> frameSources() {
        return load(FrameSourceProvider.class, FrameSourceProvider::info);
    }

    /** Every installed attendance listener (webhooks, door relays, alert outputs from plugins). */
    public List<AttendanceListenerProvider> listeners() {
        return load(AttendanceListenerProvider.class, AttendanceListenerProvider::info);
    }

    public List<ImageDecoder> imageDecoders() {
        return load(ImageDecoder.class, ImageDecoder::info);
    }

    /** The installed image decoder (the first by id when several are). */
    public ImageDecoder imageDecoder() {
        return imageDecoders().stream().findFirst()
                .orElseThrow(() -> new ProviderException("no image decoder is installed, so photos cannot be read",
                        "install the OpenCV module (faceattend-opencv-providers), or a plugin that decodes images"));
    }

    /**
     * The detector {@code id}, guarded: a failure or impossible answer is a {@link ProviderException}
     * naming it, and one from a plugin jar that hangs is given up on (see {@code GuardedProviders}).
     */
    public FaceDetectorProvider detector(String id) {
        FaceDetectorProvider p = pick(detectors(), FaceDetectorProvider::info, id, "face detector");
        return GuardedProviders.detector(p, fromPluginJar(p) ? GuardedProviders.PLUGIN_CALL_LIMIT : null);
    }

    /** The embedder {@code id}, guarded like {@link #detector(String)}. */
    public FaceEmbedderProvider embedder(String id) {
        FaceEmbedderProvider p = pick(embedders(), FaceEmbedderProvider::info, id, "face embedder");
        return GuardedProviders.embedder(p, fromPluginJar(p) ? GuardedProviders.PLUGIN_CALL_LIMIT : null);
    }

    /** Loaded from the data folder's plugins/ rather than built in. */
    private static boolean fromPluginJar(Object provider) {
        return PluginFolder.LOADER_NAME.equals(provider.getClass().getClassLoader().getName());
    }

    public LivenessCheckProvider liveness(String id) {
        return pick(livenessChecks(), LivenessCheckProvider::info, id, "liveness check");
    }

    public FacePrescreenProvider prescreen(String id) {
        return pick(prescreens(), FacePrescreenProvider::info, id, "pre-screen");
    }

    /** The first installed frame source that can open {@code spec}. */
    public FrameSourceProvider frameSourceFor(SourceSpec spec) {
        return frameSources().stream().filter(p -> p.supports(spec)).findFirst()
                .orElseThrow(() -> new ProviderException(Problem.Kind.SOURCE_UNAVAILABLE, "no installed frame source can open " + spec,
                        "install the OpenCV/FFmpeg module or choose a camera index, video file, image folder or stream URL"));
    }

    private <T> List<T> load(Class<T> type, Function<T, ProviderInfo> info) {
        return ServiceLoader.load(type, loader).stream().map(ServiceLoader.Provider::get)
                .sorted(Comparator.comparing(p -> info.apply(p).id())).toList();
    }

    private static <T> T pick(List<T> installed, Function<T, ProviderInfo> info, String id, String what) {
        return installed.stream().filter(p -> info.apply(p).id().equals(id)).findFirst()
                .orElseThrow(() -> new ProviderException(Problem.Kind.NOT_FOUND, "no " + what + " with id '" + id + "' is installed",
                        "choose one of " + installed.stream().map(p -> info.apply(p).id()).toList()));
    }
}
