package com.faceattend.modeltools.tflite;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import org.tensorflow.lite.Interpreter;

/**
 * The real TensorFlow Lite 2.6.2 runtime (DJL's linux-x86_64 build of the TFLite JNI library plus
 * the TFLite Java API classes shipped in DJL's tflite-engine), used as the reference the converted
 * models are compared with. The JNI library is extracted from its jar and loaded by this class
 * loader, which is the one that loaded the Interpreter classes.
 */
final class TfliteRuntime {
    private static boolean loaded;

    private TfliteRuntime() {
    }

    static synchronized void load() {
        if (loaded) {
            return;
        }
        try (InputStream in = TfliteRuntime.class.getResourceAsStream("/native/lib/libtensorflowlite_jni.so")) {
            if (in == null) {
                throw new AssertionError("libtensorflowlite_jni.so is not on the test class path "
                        + "(ai.djl.tflite:tflite-native-cpu:2.6.2:linux-x86_64 is a test dependency of the models module)");
            }
            Path lib = Files.createTempFile("tensorflowlite_jni", ".so");
            lib.toFile().deleteOnExit();
            Files.copy(in, lib, StandardCopyOption.REPLACE_EXISTING);
            System.load(lib.toString());
            loaded = true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code tflite} on {@code input} (NHWC, resizing the input when its shape differs); outputs flattened. */
    static float[][] run(byte[] tflite, float[] input, int... shape) {
        load();
        ByteBuffer model = ByteBuffer.allocateDirect(tflite.length).order(ByteOrder.nativeOrder());
        model.put(tflite).rewind();
        try (Interpreter interpreter = new Interpreter(model, new Interpreter.Options().setNumThreads(1))) {
            if (!java.util.Arrays.equals(interpreter.getInputTensor(0).shape(), shape)) {
                interpreter.resizeInput(0, shape);
            }
            interpreter.allocateTensors();
            ByteBuffer in = ByteBuffer.allocateDirect(input.length * 4).order(ByteOrder.nativeOrder());
            in.asFloatBuffer().put(input);
            Map<Integer, Object> outputs = new HashMap<>();
            for (int i = 0; i < interpreter.getOutputTensorCount(); i++) {
                outputs.put(i, ByteBuffer.allocateDirect(interpreter.getOutputTensor(i).numBytes()).order(ByteOrder.nativeOrder()));
            }
            interpreter.runForMultipleInputsOutputs(new Object[] {in}, outputs);
            float[][] result = new float[outputs.size()][];
            for (int i = 0; i < result.length; i++) {
                ByteBuffer b = (ByteBuffer) outputs.get(i);
                b.rewind();
                result[i] = new float[b.remaining() / 4];
                b.asFloatBuffer().get(result[i]);
            }
            return result;
        }
    }
}
