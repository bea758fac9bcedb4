package com.faceattend.onnx;

import com.faceattend.spi.FaceDetectorProvider;
import com.faceattend.spi.ProviderInfo;
import com.faceattend.spi.ProviderSettings;

/** Registers {@link UltraFaceDetector}. Options: {@code scoreThreshold} (0.7), {@code nmsIou} (0.4). */
public final class UltraFaceDetectorProvider implements FaceDetectorProvider {
    public static final String ID = "ultraface-rfb320";

    @Override
    public ProviderInfo info() {
        return new ProviderInfo(ID, "0.1.0", "UltraFace RFB-320 + 68-point landmarks (ONNX Runtime)", "MIT",
                "FaceAttend (models: faceplugin-face-recognition-js 0.0.1)");
    }

    @Override
    public UltraFaceDetector create(ProviderSettings settings) {
        return new UltraFaceDetector(settings);
    }
}
