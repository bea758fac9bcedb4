package com.faceattend.modeltools.tflite;

import com.google.flatbuffers.FlatBufferBuilder;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.tensorflow.lite.schema.BufferT;
import org.tensorflow.lite.schema.BuiltinOptionsUnion;
import org.tensorflow.lite.schema.Model;
import org.tensorflow.lite.schema.ModelT;
import org.tensorflow.lite.schema.OperatorCodeT;
import org.tensorflow.lite.schema.OperatorT;
import org.tensorflow.lite.schema.SubGraphT;
import org.tensorflow.lite.schema.TensorT;
import org.tensorflow.lite.schema.TensorType;

/** Writes small TFLite flatbuffers with the schema's object API, so each operator can be tested on known values. */
final class TinyTflite {
    private final List<TensorT> tensors = new ArrayList<>();
    private final List<BufferT> buffers = new ArrayList<>(List.of(new BufferT()));
    private final List<OperatorCodeT> codes = new ArrayList<>();
    private final List<Integer> codeOf = new ArrayList<>();
    private final List<OperatorT> ops = new ArrayList<>();
    private final List<Integer> inputs = new ArrayList<>();
    private final List<Integer> outputs = new ArrayList<>();

    int input(String name, int... shape) {
        int t = tensor(name, shape);
        inputs.add(t);
        return t;
    }

    int tensor(String name, int... shape) {
        return add(name, TensorType.FLOAT32, shape, 0);
    }

    int constant(String name, float[] data, int... shape) {
        ByteBuffer b = ByteBuffer.allocate(data.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(data);
        return add(name, TensorType.FLOAT32, shape, buffer(b.array()));
    }

    int fp16Constant(String name, float[] data, int... shape) {
        ByteBuffer b = ByteBuffer.allocate(data.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (float f : data) {
            b.putShort(Float.floatToFloat16(f));
        }
        return add(name, TensorType.FLOAT16, shape, buffer(b.array()));
    }

    int ints(String name, int... data) {
        ByteBuffer b = ByteBuffer.allocate(data.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.asIntBuffer().put(data);
        return add(name, TensorType.INT32, new int[] {data.length}, buffer(b.array()));
    }

    void output(int t) {
        outputs.add(t);
    }

    /** Adds an operator; {@code optionsType} from BuiltinOptions (0 = none). */
    void op(int builtin, byte optionsType, Object options, int[] in, int... out) {
        int code = codeOf.indexOf(builtin);
        if (code < 0) {
            OperatorCodeT c = new OperatorCodeT();
            c.setBuiltinCode(builtin);
            c.setDeprecatedBuiltinCode((byte) Math.min(builtin, 127));
            c.setVersion(1);
            codes.add(c);
            codeOf.add(builtin);
            code = codes.size() - 1;
        }
        OperatorT o = new OperatorT();
        o.setOpcodeIndex(code);
        o.setInputs(in);
        o.setOutputs(out);
        if (optionsType != 0) {
            BuiltinOptionsUnion u = new BuiltinOptionsUnion();
            u.setType(optionsType);
            u.setValue(options);
            o.setBuiltinOptions(u);
        }
        ops.add(o);
    }

    byte[] build() {
        SubGraphT g = new SubGraphT();
        g.setTensors(tensors.toArray(TensorT[]::new));
        g.setInputs(inputs.stream().mapToInt(Integer::intValue).toArray());
        g.setOutputs(outputs.stream().mapToInt(Integer::intValue).toArray());
        g.setOperators(ops.toArray(OperatorT[]::new));
        g.setName("main");
        ModelT m = new ModelT();
        m.setVersion(3);
        m.setOperatorCodes(codes.toArray(OperatorCodeT[]::new));
        m.setSubgraphs(new SubGraphT[] {g});
        m.setBuffers(buffers.toArray(BufferT[]::new));
        FlatBufferBuilder fb = new FlatBufferBuilder(1024);
        Model.finishModelBuffer(fb, Model.pack(fb, m));
        return fb.sizedByteArray();
    }

    private int add(String name, byte type, int[] shape, int buffer) {
        TensorT t = new TensorT();
        t.setName(name);
        t.setType(type);
        t.setShape(shape);
        t.setBuffer(buffer);
        tensors.add(t);
        return tensors.size() - 1;
    }

    private int buffer(byte[] data) {
        BufferT b = new BufferT();
        int[] u = new int[data.length];
        for (int i = 0; i < data.length; i++) {
            u[i] = data[i] & 0xFF;
        }
        b.setData(u);
        buffers.add(b);
        return buffers.size() - 1;
    }

    @Override
    public String toString() {
        return "TinyTflite" + Arrays.toString(codeOf.toArray());
    }
}
