package com.faceattend.modeltools.tflite;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashSet;
import java.util.Set;

/**
 * Builds one ONNX graph (opset {@value #OPSET}) node by node: unique value names, initializers
 * stored as little-endian raw data, attributes by type. Output order is insertion order, so the
 * same calls give the same bytes (the build records the converted model's hash).
 */
final class OnnxGraph {
    static final int OPSET = 13;
    private static final long IR_VERSION = 7;

    private final GraphProto.Builder graph = GraphProto.newBuilder();
    private final Set<String> names = new HashSet<>();
    private int nodes;

    OnnxGraph(String name) {
        graph.setName(name);
    }

    /** A value name not used yet, derived from {@code hint}. */
    String fresh(String hint) {
        String base = hint.isEmpty() ? "v" : hint;
        String name = base;
        for (int i = 1; !names.add(name); i++) {
            name = base + "_" + i;
        }
        return name;
    }

    void input(String name, int elemType, Object[] dims) {
        graph.addInput(valueInfo(name, elemType, dims));
    }

    void output(String name, int elemType, Object[] dims) {
        graph.addOutput(valueInfo(name, elemType, dims));
    }

    /** A float32 constant; returns its name. */
    String floats(String hint, float[] data, long... dims) {
        ByteBuffer raw = ByteBuffer.allocate(data.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        raw.asFloatBuffer().put(data);
        return initializer(hint, TensorProto.DataType.FLOAT_VALUE, raw.array(), dims);
    }

    /** An int64 constant (shapes, axes); returns its name. */
    String longs(String hint, long[] data, long... dims) {
        ByteBuffer raw = ByteBuffer.allocate(data.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        raw.asLongBuffer().put(data);
        return initializer(hint, TensorProto.DataType.INT64_VALUE, raw.array(), dims);
    }

    private String initializer(String hint, int type, byte[] raw, long[] dims) {
        String name = fresh(hint);
        TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(type).setRawData(ByteString.copyFrom(raw));
        for (long d : dims) {
            t.addDims(d);
        }
        graph.addInitializer(t);
        return name;
    }

    /** Adds a node; {@code attributes} alternate name, value (Long, long[], Float, String). Returns the node. */
    NodeProto.Builder node(String op, String[] inputs, String[] outputs, Object... attributes) {
        NodeProto.Builder n = NodeProto.newBuilder().setOpType(op).setName(op + "_" + nodes++);
        for (String i : inputs) {
            n.addInput(i);
        }
        for (String o : outputs) {
            n.addOutput(o);
        }
        for (int i = 0; i < attributes.length; i += 2) {
            n.addAttribute(attribute((String) attributes[i], attributes[i + 1]));
        }
        graph.addNode(n);
        return n;
    }

    /** A one-output node whose output gets a fresh name from {@code hint}; returns the output name. */
    String apply(String op, String hint, String[] inputs, Object... attributes) {
        String out = fresh(hint);
        node(op, inputs, new String[] {out}, attributes);
        return out;
    }

    private static AttributeProto attribute(String name, Object value) {
        AttributeProto.Builder a = AttributeProto.newBuilder().setName(name);
        switch (value) {
            case Long l -> a.setType(AttributeProto.AttributeType.INT).setI(l);
            case Integer i -> a.setType(AttributeProto.AttributeType.INT).setI(i);
            case Float f -> a.setType(AttributeProto.AttributeType.FLOAT).setF(f);
            case String s -> a.setType(AttributeProto.AttributeType.STRING).setS(ByteString.copyFromUtf8(s));
            case long[] ls -> {
                a.setType(AttributeProto.AttributeType.INTS);
                for (long l : ls) {
                    a.addInts(l);
                }
            }
            default -> throw new IllegalArgumentException("attribute " + name + " of type " + value.getClass());
        }
        return a.build();
    }

    /** Dims are Long (fixed) or String (named free dimension). */
    private static ValueInfoProto valueInfo(String name, int elemType, Object[] dims) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
        for (Object d : dims) {
            TensorShapeProto.Dimension.Builder dim = TensorShapeProto.Dimension.newBuilder();
            if (d instanceof String s) {
                dim.setDimParam(s);
            } else {
                dim.setDimValue(((Number) d).longValue());
            }
            shape.addDim(dim);
        }
        return ValueInfoProto.newBuilder().setName(name)
                .setType(TypeProto.newBuilder().setTensorType(TypeProto.Tensor.newBuilder().setElemType(elemType).setShape(shape)))
                .build();
    }

    byte[] toModelBytes(String producerVersion, String docString) {
        return ModelProto.newBuilder()
                .setIrVersion(IR_VERSION)
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
                .setProducerName("faceattend-tflite-importer")
                .setProducerVersion(producerVersion)
                .setDocString(docString)
                .setGraph(graph)
                .build()
                .toByteArray();
    }
}
