package com.faceattend.onnx;

import com.faceattend.spi.AlignedFace;
import com.faceattend.spi.Embedding;
import com.faceattend.spi.FaceEmbedder;
import com.faceattend.spi.ProviderSettings;

/** The 512-d ArcFace-style embedder {@code fr_feature} on 112x112 aligned faces. */
public final class ArcFaceEmbedder implements FaceEmbedder {
    /** Recorded with every template; bump it if preprocessing ever changes. */
    public static final String MODEL_ID = "faceplugin-fr_feature-512";
    private static final int SIZE = AlignedFace.ARCFACE_SIZE;

    private final OnnxModel model;

    ArcFaceEmbedder(ProviderSettings settings) {
        this.model = new OnnxModel("fr_feature", new long[] {1, 3, SIZE, SIZE}, "face embedder", settings);
    }

    @Override
    public String modelId() {
        return MODEL_ID;
    }

    @Override
    public int dimension() {
        return 512;
    }

    @Override
    public Embedding embed(AlignedFace face) {
        if (face.size() != SIZE) {
            throw new IllegalArgumentException("this embedder needs 112x112 aligned faces, got " + face.size());
        }
        UltraFaceDetector.fillNormalisedRgb(face.bgr(), model.input(), SIZE * SIZE);
        return Embedding.normalised(MODEL_ID, model.run()[0]);
    }

    @Override
    public void close() {
        model.close();
    }
}
