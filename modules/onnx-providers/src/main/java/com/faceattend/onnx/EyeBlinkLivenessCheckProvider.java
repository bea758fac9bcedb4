package com.faceattend.onnx;

import com.faceattend.spi.LivenessCheckProvider;
import com.faceattend.spi.ProviderInfo;
import com.faceattend.spi.ProviderSettings;

/** Registers {@link EyeBlinkLivenessCheck}. */
public final class EyeBlinkLivenessCheckProvider implements LivenessCheckProvider {
    public static final String ID = "eye-blink";

    @Override
    public ProviderInfo info() {
        return new ProviderInfo(ID, "0.1.0", "Blink check over a tracked face (ONNX Runtime)", "MIT",
                "FaceAttend (models: faceplugin-face-recognition-js 0.0.1)");
    }

    /** The check answers 0 (no blink yet) or 1 (blinked); any threshold in between reads it. */
    @Override
    public float defaultThreshold() {
        return 0.5f;
    }

    @Override
    public EyeBlinkLivenessCheck create(ProviderSettings settings) {
        return new EyeBlinkLivenessCheck(settings);
    }
}
