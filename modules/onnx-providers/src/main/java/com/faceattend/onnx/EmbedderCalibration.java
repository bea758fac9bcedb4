package com.faceattend.onnx;

import com.faceattend.onnx.mobilefacenet.MobileFaceNetEmbedder;
import com.faceattend.onnx.mobilefacenet.MobileFaceNetEmbedderProvider;
import com.faceattend.spi.ProviderException;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.function.BiConsumer;

/**
 * How each float embedder with an int8 variant feeds its model, so calibration (in model-tools,
 * {@code faceattend models calibrate}) runs the model on faces exactly as the embedder would.
 */
public enum EmbedderCalibration {
    ARCFACE(ArcFaceEmbedderProvider.ID, ArcFaceEmbedder.FLOAT_MODEL, ArcFaceEmbedder.INPUT_SHAPE, ArcFaceEmbedder::fillInput),
    MOBILEFACENET(MobileFaceNetEmbedderProvider.ID, MobileFaceNetEmbedder.FLOAT_MODEL, MobileFaceNetEmbedder.INPUT_SHAPE,
            MobileFaceNetEmbedder::fillNhwcRgb);

    private final String embedderId;
    private final String modelName;
    private final long[] inputShape;
    private final BiConsumer<byte[], FloatBuffer> fill;

    EmbedderCalibration(String embedderId, String modelName, long[] inputShape, BiConsumer<byte[], FloatBuffer> fill) {
        this.embedderId = embedderId;
        this.modelName = modelName;
        this.inputShape = inputShape;
        this.fill = fill;
    }

    /** The float embedder this calibrates, e.g. {@code arcface-512}. */
    public String embedderId() {
        return embedderId;
    }

    /** The model the table is for; the build writes {@code <modelName>_int8}. */
    public String modelName() {
        return modelName;
    }

    /** The calibration of float embedder {@code id}, or a clear error listing those that have one. */
    public static EmbedderCalibration of(String id) {
        return Arrays.stream(values()).filter(c -> c.embedderId.equals(id)).findFirst().orElseThrow(() -> new ProviderException(
                "embedder '" + id + "' has no int8 variant to calibrate",
                "use one of " + Arrays.stream(values()).map(EmbedderCalibration::embedderId).toList()));
    }

    /** The model's input shape, batch 1. */
    public long[] inputShape() {
        return inputShape.clone();
    }

    /** Writes one aligned face (BGR bytes) into {@code input} exactly as the embedder feeds its model. */
    public void fill(byte[] alignedBgr, FloatBuffer input) {
        fill.accept(alignedBgr, input);
    }
}
