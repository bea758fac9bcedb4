package com.faceattend.onnx;

import com.faceattend.spi.LivenessCheckProvider;
import com.faceattend.spi.ProviderInfo;
import com.faceattend.spi.ProviderSettings;

/** Registers {@link SilentLivenessCheck}. */
public final class SilentLivenessCheckProvider implements LivenessCheckProvider {
    public static final String ID = "silent-liveness";

    @Override
    public ProviderInfo info() {
        return new ProviderInfo(ID, "0.1.0", "Silent single-frame anti-spoofing (ONNX Runtime)", "MIT",
                "FaceAttend (models: faceplugin-face-recognition-js 0.0.1)");
    }

    /** 0.04: the lowest live score that keeps BPCER at or below 5 % on the shared liveness set (README "Liveness"). */
    @Override
    public float defaultThreshold() {
        return 0.04f;
    }

    @Override
    public SilentLivenessCheck create(ProviderSettings settings) {
        return new SilentLivenessCheck(settings);
    }
}
