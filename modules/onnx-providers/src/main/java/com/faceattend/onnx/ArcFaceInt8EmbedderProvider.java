package com.faceattend.onnx;

import com.faceattend.spi.FaceEmbedderProvider;
import com.faceattend.spi.ProviderInfo;
import com.faceattend.spi.ProviderSettings;

/**
 * Registers the int8 variant of {@link ArcFaceEmbedder}: the same network with its convolutions
 * quantised at build time (models/src/main/calibration). Same embedding space as the float model, so
 * it reads the same templates; see the README's quantisation section for when it pays.
 */
public final class ArcFaceInt8EmbedderProvider implements FaceEmbedderProvider {
    public static final String ID = ArcFaceEmbedderProvider.ID + "-int8";

    @Override
    public ProviderInfo info() {
        return new ProviderInfo(ID, "0.1.0", "ArcFace-style 512-d embedder, int8 convolutions (ONNX Runtime QDQ)", "MIT",
                "FaceAttend (models: faceplugin-face-recognition-js 0.0.1)");
    }

    @Override
    public ArcFaceEmbedder create(ProviderSettings settings) {
        return new ArcFaceEmbedder(settings, ArcFaceEmbedder.INT8_MODEL);
    }
}
