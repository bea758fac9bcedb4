package com.faceattend.onnx;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import com.faceattend.spi.ModelSource;
import com.faceattend.spi.ProviderException;
import com.faceattend.spi.ProviderSettings;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * One ONNX Runtime session over a bundled model, with its input shape checked at load (so a wrong
 * model file is named at start-up, not at the first frame) and a reusable direct input buffer.
 * Threads per session: {@link SessionThreads}.
 * Fails fast after {@link #close()}. Not thread-safe. Public for the providers in sub-packages;
 * not part of the plugin SDK.
 */
public final class OnnxModel implements AutoCloseable {
    private static final OrtEnvironment ENV = OrtEnvironment.getEnvironment();

    private final String name;
    private final OrtSession session;
    private final String inputName;
    private final long[] inputShape;
    private final List<String> outputNames;
    private final FloatBuffer input;
    private boolean closed;

    /**
     * @param modelName     name in {@code models.lock}, read through the installed {@link ModelSource}
     * @param expectedInput the input shape this code feeds; a dynamic dimension in the model (-1) matches anything
     * @param role          what the model should be, for the error message ("face detector")
     */
    public OnnxModel(String modelName, long[] expectedInput, String role, ProviderSettings settings) {
        this.name = modelName;
        byte[] bytes = ModelSource.installed().read(modelName);
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            SessionThreads.configure(options, settings, bytes.length);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            // ONNX Runtime's graph-optimiser notes ("Removing initializer …") are not for users.
            options.setSessionLogLevel(ai.onnxruntime.OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR);
            this.session = ENV.createSession(bytes, options);
            Map.Entry<String, NodeInfo> in = session.getInputInfo().entrySet().iterator().next();
            this.inputName = in.getKey();
            long[] actual = ((TensorInfo) in.getValue().getInfo()).getShape();
            if (!compatible(actual, expectedInput)) {
                session.close();
                throw new ProviderException("model " + modelName + " does not look like a " + role + ": its input is "
                        + Arrays.toString(actual) + ", expected " + Arrays.toString(expectedInput),
                        "rebuild FaceAttend so the verified model files are bundled again");
            }
            this.inputShape = expectedInput.clone();
            this.outputNames = new ArrayList<>(session.getOutputNames());
        } catch (OrtException e) {
            throw new ProviderException("ONNX Runtime cannot load model " + modelName + ": " + e.getMessage(),
                    "rebuild FaceAttend so the verified model files are bundled again", e);
        }
        long elements = 1;
        for (long d : expectedInput) {
            elements *= Math.max(0, d); // a free dimension (-1): no reusable buffer, callers use run(data, shape)
        }
        this.input = ByteBuffer.allocateDirect((int) elements * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer();
    }

    private static boolean compatible(long[] actual, long[] expected) {
        if (actual.length != expected.length) {
            return false;
        }
        for (int i = 0; i < actual.length; i++) {
            if (actual[i] > 0 && actual[i] != expected[i]) {
                return false;
            }
        }
        return true;
    }

    /** The input buffer to fill (in the model's layout, rewound). */
    public FloatBuffer input() {
        checkOpen();
        input.clear();
        return input;
    }

    /** Runs the model on the filled input; returns each output flattened, in the model's output order. */
    public float[][] run() {
        checkOpen();
        input.rewind();
        return run(input, inputShape);
    }

    /**
     * Runs the model on {@code data} of {@code shape}, for models with free dimensions (MTCNN's P-Net
     * on each pyramid level); returns each output flattened, in the model's output order.
     */
    public float[][] run(FloatBuffer data, long[] shape) {
        checkOpen();
        try (OnnxTensor tensor = OnnxTensor.createTensor(ENV, data, shape);
             OrtSession.Result result = session.run(Map.of(inputName, tensor))) {
            float[][] outputs = new float[outputNames.size()][];
            for (int i = 0; i < outputs.length; i++) {
                OnnxTensor out = (OnnxTensor) result.get(i);
                FloatBuffer fb = out.getFloatBuffer();
                outputs[i] = new float[fb.remaining()];
                fb.get(outputs[i]);
            }
            return outputs;
        } catch (OrtException e) {
            throw new ProviderException("model " + name + " failed to run: " + e.getMessage(),
                    "report this with the log file; the model or ONNX Runtime may be damaged", e);
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("model " + name + " was closed");
        }
    }

    /** The model's output names, in order. */
    public List<String> outputNames() {
        return List.copyOf(outputNames);
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            try {
                session.close();
            } catch (OrtException e) {
                throw new IllegalStateException("closing model " + name, e);
            }
        }
    }
}
