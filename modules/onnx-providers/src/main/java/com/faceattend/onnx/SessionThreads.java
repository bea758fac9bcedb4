package com.faceattend.onnx;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import com.faceattend.spi.ProviderSettings;

/**
 * How many threads an ONNX Runtime session gets, and whether they spin while idle.
 *
 * <p>ONNX Runtime's pool threads spin after each run by default. Measured per run, process CPU, on
 * the bundled models with two intra-op threads (2-core reference machine under load): spinning on
 * 4.0 / 13.0 / 13.8 ms, off 2.0 / 5.7 / 5.7 ms for detection / embedding / liveness; the spinning
 * thread also takes the core the station's other stage (detection beside recognition) needs. So no
 * pool thread spins. Every bundled model is small (0.03–8 MB); one intra-op thread costs the same
 * CPU per run as two without spinning, and a station already keeps both cores busy with its two
 * stages (and a one-core board has nothing to share), so a model under {@link #SMALL_MODEL_BYTES}
 * runs on the calling thread alone; {@link ProviderSettings#intraOpThreads()} stays the cap for
 * larger (third-party size) models.
 *
 * <p>With {@link LeanOption} off, ONNX Runtime's defaults as FaceAttend used them before (the
 * settings' thread count, spinning on), so {@code bench} can measure both side by side.
 */
final class SessionThreads {
    /** Models below this size run single-threaded (the largest bundled model is 8 MB). */
    static final long SMALL_MODEL_BYTES = 32L << 20;

    private SessionThreads() {
    }

    static void configure(OrtSession.SessionOptions options, ProviderSettings settings, long modelBytes) throws OrtException {
        options.setInterOpNumThreads(1);
        options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
        if (!LeanOption.on(settings)) {
            options.setIntraOpNumThreads(settings.intraOpThreads());
            return;
        }
        options.setIntraOpNumThreads(threads(settings, modelBytes));
        options.addConfigEntry("session.intra_op.allow_spinning", "0");
        options.addConfigEntry("session.inter_op.allow_spinning", "0");
    }

    /** The intra-op threads a lean session of this size gets. */
    static int threads(ProviderSettings settings, long modelBytes) {
        return modelBytes < SMALL_MODEL_BYTES ? 1 : settings.intraOpThreads();
    }
}
