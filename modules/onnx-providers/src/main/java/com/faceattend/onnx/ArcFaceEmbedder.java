package com.faceattend.onnx;

import com.faceattend.spi.AlignedFace;
import com.faceattend.spi.Embedding;
import com.faceattend.spi.FaceEmbedder;
import com.faceattend.spi.ProviderSettings;
import java.nio.FloatBuffer;

/** The 512-d ArcFace-style embedder {@code fr_feature} on 112x112 aligned faces. */
public final class ArcFaceEmbedder implements FaceEmbedder {
    /** Recorded with every template; bump it if preprocessing ever changes. */
    public static final String MODEL_ID = "faceplugin-fr_feature-512";
    private static final int SIZE = AlignedFace.ARCFACE_SIZE;

    /** The float model in models.lock, and its int8 variant (made at build time by QdqQuantizer). */
    static final String FLOAT_MODEL = "fr_feature";
    static final String INT8_MODEL = "fr_feature_int8";
    static final long[] INPUT_SHAPE = {1, 3, SIZE, SIZE};

    private final OnnxModel model;

    ArcFaceEmbedder(ProviderSettings settings, String modelName) {
        this.model = new OnnxModel(modelName, INPUT_SHAPE, "face embedder", settings);
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
        fillInput(face.bgr(), model.input());
        return Embedding.normalised(MODEL_ID, model.run()[0]);
    }

    /** Aligned BGR bytes to the model's NCHW RGB input, (p - 127) / 128. */
    static void fillInput(byte[] bgr, FloatBuffer out) {
        UltraFaceDetector.fillNormalisedRgb(bgr, out, SIZE * SIZE);
    }

    @Override
    public void close() {
        model.close();
    }
}
