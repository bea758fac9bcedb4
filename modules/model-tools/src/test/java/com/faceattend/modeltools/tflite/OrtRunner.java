package com.faceattend.modeltools.tflite;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.util.Map;

/** Runs a converted model once in ONNX Runtime; returns each output flattened. */
final class OrtRunner {
    private static final OrtEnvironment ENV = OrtEnvironment.getEnvironment();

    private OrtRunner() {
    }

    static float[][] run(byte[] onnx, float[] input, long... shape) {
        try (OrtSession.SessionOptions o = new OrtSession.SessionOptions()) {
            o.setIntraOpNumThreads(1);
            try (OrtSession s = ENV.createSession(onnx, o);
                 OnnxTensor in = OnnxTensor.createTensor(ENV, FloatBuffer.wrap(input), shape);
                 OrtSession.Result r = s.run(Map.of(s.getInputNames().iterator().next(), in))) {
                float[][] out = new float[r.size()][];
                for (int i = 0; i < out.length; i++) {
                    FloatBuffer fb = ((OnnxTensor) r.get(i)).getFloatBuffer();
                    out[i] = new float[fb.remaining()];
                    fb.get(out[i]);
                }
                return out;
            }
        } catch (OrtException e) {
            throw new AssertionError("ONNX Runtime rejected the converted model: " + e.getMessage(), e);
        }
    }
}
