package com.faceattend.onnx;

import com.faceattend.spi.FaceEmbedderProvider;
import com.faceattend.spi.ProviderInfo;
import com.faceattend.spi.ProviderSettings;

/** Registers {@link ArcFaceEmbedder}. */
public final class ArcFaceEmbedderProvider implements FaceEmbedderProvider {
    public static final String ID = "arcface-512";

    @Override
    public ProviderInfo info() {
        return new ProviderInfo(ID, "0.1.0", "ArcFace-style 512-d embedder (ONNX Runtime)", "MIT",
                "FaceAttend (models: faceplugin-face-recognition-js 0.0.1)");
    }

    @Override
    public ArcFaceEmbedder create(ProviderSettings settings) {
        return new ArcFaceEmbedder(settings, ArcFaceEmbedder.FLOAT_MODEL);
    }
}
