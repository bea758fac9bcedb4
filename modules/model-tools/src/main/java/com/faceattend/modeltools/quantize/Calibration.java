package com.faceattend.modeltools.quantize;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import com.faceattend.spi.AlignedFace;
import com.faceattend.spi.ProviderException;
import com.faceattend.spi.support.Checksums;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.IntConsumer;

/**
 * Makes the int8 calibration table of a float embedder's model: runs it on real aligned faces, fed
 * exactly as the embedder feeds it, and records the range of every tensor {@link QdqQuantizer} will
 * quantise. The faces should look like the station's (frontal, aligned, varied light), and must not
 * be the faces the accuracy is then measured on. The embedders' inputs are described by
 * {@code com.faceattend.onnx.EmbedderCalibration}.
 */
public final class Calibration {
    /** The share of each tensor's values its range keeps by default: clips one value in 10,000 (better than 0.999 and 0.99999 here). */
    public static final double DEFAULT_COVERAGE = 0.9999;

    private Calibration() {
    }

    /**
     * The table for {@code floatModel} over {@code faces} (two passes: extremes, then histograms).
     *
     * @param modelName  the model's name in {@code models.lock}; the build writes {@code <modelName>_int8}
     * @param inputShape the model's input shape, batch 1
     * @param fill       writes one aligned face (BGR bytes) into the input exactly as the embedder feeds it
     * @param coverage   share of each tensor's values its range keeps ({@link #DEFAULT_COVERAGE}; 1 = min/max)
     * @param provenance where the faces came from, in words (recorded in the table)
     * @param progress   told the number of face runs done (two per face) after each one
     */
    public static ActivationRanges calibrate(String modelName, byte[] floatModel, long[] inputShape,
                                             BiConsumer<byte[], FloatBuffer> fill, List<AlignedFace> faces, double coverage,
                                             String provenance, IntConsumer progress) {
        if (faces.isEmpty()) {
            throw new ProviderException("no faces to calibrate on", "give photos in which a face is found");
        }
        List<String> tensors = QdqQuantizer.calibrationTensors(floatModel);
        byte[] probe = QdqQuantizer.withTensorsAsOutputs(floatModel, tensors);
        ActivationRanges.Collector collector = new ActivationRanges.Collector();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            // no graph rewriting: the ranges must be those of the tensors as named in the float model
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.NO_OPT);
            options.setSessionLogLevel(ai.onnxruntime.OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR);
            try (OrtSession session = OrtEnvironment.getEnvironment().createSession(probe, options)) {
                observe(session, inputShape, fill, faces, tensors, collector, done -> progress.accept(done));
                collector.beginSecondPass();
                observe(session, inputShape, fill, faces, tensors, collector, done -> progress.accept(faces.size() + done));
            }
        } catch (OrtException e) {
            throw new ProviderException("ONNX Runtime could not run model " + modelName + " for calibration: " + e.getMessage(),
                    "rebuild FaceAttend so the verified model files are bundled again", e);
        }
        return collector.build(modelName, Checksums.sha256Hex(floatModel), coverage, provenance
                + String.format(java.util.Locale.ROOT, "; ranges keep %s of each tensor's values", coverage >= 1 ? "all" : (100 * coverage) + " %"));
    }

    /** One pass: every face through the model, every calibrated tensor to the collector. */
    private static void observe(OrtSession session, long[] inputShape, BiConsumer<byte[], FloatBuffer> fill, List<AlignedFace> faces, List<String> tensors, ActivationRanges.Collector collector,
                         IntConsumer progress) throws OrtException {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        String inputName = session.getInputNames().iterator().next();
        FloatBuffer input = ByteBuffer.allocateDirect(elements(inputShape) * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer();
        int done = 0;
        for (AlignedFace face : faces) {
            input.clear();
            fill.accept(face.bgr(), input);
            input.rewind();
            try (OnnxTensor tensor = OnnxTensor.createTensor(env, input, inputShape);
                 OrtSession.Result result = session.run(Map.of(inputName, tensor))) {
                for (String name : tensors) {
                    OnnxValue value = result.get(name).orElseThrow();
                    FloatBuffer values = ((OnnxTensor) value).getFloatBuffer();
                    float[] array = new float[values.remaining()];
                    values.get(array);
                    collector.observe(name, array);
                }
            }
            collector.sampleDone();
            progress.accept(++done);
        }
    }

    private static int elements(long[] inputShape) {
        long n = 1;
        for (long d : inputShape) {
            n *= d;
        }
        return Math.toIntExact(n);
    }
}
