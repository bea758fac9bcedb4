package com.faceattend.spi;

import java.util.ServiceLoader;

/**
 * Model files by name, checked before they are handed out: how a provider gets the weights the
 * application bundles without depending on how they are stored. FaceAttend's own model bundle
 * registers one (models fetched at build time and verified by SHA-256 at every read); a third-party
 * provider may read its weights from it, or ship them in its own jar.
 *
 * <pre>{@code
 * byte[] onnx = ModelSource.installed().read("fr_detect");
 * try (OrtSession session = env.createSession(onnx, options)) { ... }
 * }</pre>
 *
 * @since 0.3
 */
public interface ModelSource {
    /**
     * The verified bytes of model {@code name}.
     *
     * @throws ProviderException when no such model is bundled or its file does not match its checksum,
     *                           with what to do about it
     */
    byte[] read(String name);

    /**
     * The model source registered as a service, found through the thread's context class loader (in
     * the desktop suite that loader sees every enabled module), else this interface's own.
     *
     * @throws ProviderException when none is installed
     */
    static ModelSource installed() {
        for (ClassLoader loader : new ClassLoader[] {Thread.currentThread().getContextClassLoader(), ModelSource.class.getClassLoader()}) {
            if (loader != null) {
                var found = ServiceLoader.load(ModelSource.class, loader).findFirst();
                if (found.isPresent()) {
                    return found.get();
                }
            }
        }
        throw new ProviderException("no model bundle is installed, so no model can be loaded",
                "reinstall FaceAttend: its models module (faceattend-models) is missing");
    }
}
