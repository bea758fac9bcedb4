package com.faceattend.modeltools.quantize;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import com.faceattend.spi.ProviderException;
import com.faceattend.spi.support.Checksums;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Static int8 quantisation of a float ONNX model's convolutions, written in ONNX Runtime's QDQ form:
 * every quantised Conv reads its input through QuantizeLinear/DequantizeLinear, its weights and bias
 * through DequantizeLinear, and its output goes through a QuantizeLinear/DequantizeLinear pair. ONNX
 * Runtime fuses each DQ→Conv→Q group into one QLinearConv that runs on integer kernels; everything
 * else (PReLU, residual adds) stays float, so the model keeps its float interface.
 *
 * <ul>
 *   <li>Activations: uint8, asymmetric, scale and zero point from the {@link ActivationRanges} table.</li>
 *   <li>Weights: int8, symmetric, one scale per output channel, limited to ±{@value #WEIGHT_QMAX}. Seven
 *       bits because ONNX Runtime's u8×s8 kernel on AVX2 without VNNI adds pairs of products in 16 bits,
 *       which 255·127·2 overflows and 255·63·2 does not (the same reason as its own reduce_range).</li>
 *   <li>Bias: int32 with scale input scale × weight scale, zero point 0, as QLinearConv needs.</li>
 * </ul>
 *
 * <p>ONNX Runtime Java has no quantiser (its quantisation tool is Python-only), and the build must not
 * need Python, so this is ours; the README ("Int8 embedders") compares it with ONNX Runtime's own tool.
 */
public final class QdqQuantizer {
    /** Weight magnitude limit (7 bits); see the class comment. */
    public static final int WEIGHT_QMAX = 63;
    private static final int QDQ_OPSET = 13;
    private static final long MIN_IR_VERSION = 7;

    /**
     * Operators whose definition is the same from opset 9 to 13 for the forms these models use, so an
     * older model can be lifted to opset 13 (per-channel DequantizeLinear needs it) without rewriting
     * them. Anything else in an older model stops the quantisation with its name.
     */
    private static final Set<String> OPSET_STABLE = Set.of("Conv", "PRelu", "Relu", "Abs", "Sigmoid", "Add", "Sub",
            "Mul", "Div", "Reshape", "Transpose", "Identity", "Flatten", "Gemm", "MatMul", "Concat", "MaxPool",
            "AveragePool", "GlobalAveragePool", "BatchNormalization");

    private QdqQuantizer() {
    }

    /** The activation tensors a calibration table must give ranges for: each quantisable Conv's input and output. */
    public static List<String> calibrationTensors(byte[] floatModel) {
        GraphProto graph = parse(floatModel).getGraph();
        Map<String, TensorProto> initializers = initializers(graph);
        Set<String> tensors = new LinkedHashSet<>();
        Set<Integer> quantised = quantisedConvs(graph, initializers);
        for (int i = 0; i < graph.getNodeCount(); i++) {
            NodeProto node = graph.getNode(i);
            if (quantised.contains(i)) {
                tensors.add(node.getInput(0));
                tensors.add(node.getOutput(0));
            }
        }
        return List.copyOf(tensors);
    }

    /** The same model with {@code tensors} added as float graph outputs, for a calibration run to read them. */
    public static byte[] withTensorsAsOutputs(byte[] floatModel, List<String> tensors) {
        ModelProto model = parse(floatModel);
        GraphProto.Builder graph = model.getGraph().toBuilder();
        Set<String> outputs = new HashSet<>();
        graph.getOutputList().forEach(o -> outputs.add(o.getName()));
        for (String t : tensors) {
            if (outputs.add(t)) {
                graph.addOutput(ValueInfoProto.newBuilder().setName(t).setType(TypeProto.newBuilder()
                        .setTensorType(TypeProto.Tensor.newBuilder().setElemType(TensorProto.DataType.FLOAT_VALUE))));
            }
        }
        return model.toBuilder().setGraph(graph).build().toByteArray();
    }

    /**
     * The int8 QDQ model of {@code floatModel}.
     *
     * @throws ProviderException when the table was made for another model, lacks a tensor, or the model
     *                           uses an operator that cannot be lifted to opset 13
     */
    public static byte[] quantize(byte[] floatModel, ActivationRanges table) {
        String sha = Checksums.sha256Hex(floatModel);
        if (!sha.equals(table.modelSha256())) {
            throw new ProviderException("the calibration table for " + table.modelName() + " was made for another model file (SHA-256 "
                    + abbreviate(table.modelSha256()) + ", this one is " + abbreviate(sha) + ")", remake(table.modelName()));
        }
        ModelProto model = parse(floatModel);
        checkOpsetLift(model);
        GraphProto source = model.getGraph();
        Map<String, TensorProto> initializers = initializers(source);
        Map<String, Integer> uses = useCounts(source);
        Rewrite rewrite = new Rewrite(source, table);
        Set<Integer> quantised = quantisedConvs(source, initializers);
        for (int i = 0; i < source.getNodeCount(); i++) {
            NodeProto node = source.getNode(i);
            if (quantised.contains(i)) {
                rewrite.conv(node, initializers);
            } else {
                rewrite.graph.addNode(node.toBuilder().clearDocString());
            }
        }
        // the float weights and biases now live on as int8/int32 copies; drop the originals nobody else reads
        List<TensorProto> kept = new ArrayList<>();
        for (TensorProto t : rewrite.graph.getInitializerList()) {
            if (!rewrite.replaced.contains(t.getName()) || uses.getOrDefault(t.getName(), 0) > 1) {
                kept.add(t);
            }
        }
        rewrite.graph.clearInitializer().addAllInitializer(kept);
        return model.toBuilder()
                .setIrVersion(Math.max(model.getIrVersion(), MIN_IR_VERSION))
                .clearOpsetImport()
                .addAllOpsetImport(liftedOpsets(model))
                .setProducerName("faceattend-int8-quantizer")
                .setDocString("int8 QDQ of " + table.modelName() + " (" + abbreviate(sha) + "), calibrated on " + table.samples()
                        + " inputs: " + table.provenance())
                .setGraph(rewrite.graph)
                .build()
                .toByteArray();
    }

    /** Indices of the Convs to quantise: every quantisable one (keeping the first and last float measured no better). */
    private static Set<Integer> quantisedConvs(GraphProto graph, Map<String, TensorProto> initializers) {
        Set<Integer> result = new HashSet<>();
        for (int i = 0; i < graph.getNodeCount(); i++) {
            if (quantisable(graph.getNode(i), initializers)) {
                result.add(i);
            }
        }
        return result;
    }

    /** A Conv whose weights (and bias, if any) are float constants. */
    private static boolean quantisable(NodeProto node, Map<String, TensorProto> initializers) {
        if (!node.getOpType().equals("Conv") || !node.getDomain().isEmpty() || node.getInputCount() < 2) {
            return false;
        }
        TensorProto weights = initializers.get(node.getInput(1));
        boolean floatWeights = weights != null && weights.getDataType() == TensorProto.DataType.FLOAT_VALUE;
        boolean floatBias = node.getInputCount() < 3 || node.getInput(2).isEmpty()
                || (initializers.containsKey(node.getInput(2)) && initializers.get(node.getInput(2)).getDataType() == TensorProto.DataType.FLOAT_VALUE);
        return floatWeights && floatBias;
    }

    /** Builds the quantised graph: nodes in the original order, each Conv wrapped in its Q/DQ nodes. */
    private static final class Rewrite {
        final GraphProto.Builder graph;
        final Set<String> replaced = new HashSet<>();
        private final ActivationRanges table;
        private final Set<String> names = new HashSet<>();
        /** Activation tensor → the DequantizeLinear output carrying it (itself once it is one). */
        private final Map<String, String> dequantised = new HashMap<>();
        private final Map<String, ActivationQuantisation> activation = new HashMap<>();

        Rewrite(GraphProto source, ActivationRanges table) {
            this.graph = source.toBuilder().clearNode();
            this.table = table;
            source.getInputList().forEach(v -> names.add(v.getName()));
            source.getInitializerList().forEach(t -> names.add(t.getName()));
            for (NodeProto n : source.getNodeList()) {
                names.addAll(n.getInputList());
                names.addAll(n.getOutputList());
            }
        }

        void conv(NodeProto node, Map<String, TensorProto> initializers) {
            String input = node.getInput(0);
            ActivationQuantisation in = activation(input);
            String inputDq = dequantised.computeIfAbsent(input, t -> quantiseDequantise(t, in, fresh(t + "_dq")));

            TensorProto weights = initializers.get(node.getInput(1));
            ChannelWeights w = ChannelWeights.quantise(weights);
            replaced.add(weights.getName());
            String weightsDq = dequantise(weights.getName(),
                    int8(fresh(weights.getName() + "_int8"), w.values(), weights.getDimsList()),
                    floats(fresh(weights.getName() + "_scale"), w.scales()),
                    int8(fresh(weights.getName() + "_zero"), new byte[w.scales().length], List.of((long) w.scales().length)));

            List<String> inputs = new ArrayList<>(List.of(inputDq, weightsDq));
            if (node.getInputCount() > 2 && !node.getInput(2).isEmpty()) {
                TensorProto bias = initializers.get(node.getInput(2));
                replaced.add(bias.getName());
                float[] biasScales = new float[w.scales().length];
                for (int c = 0; c < biasScales.length; c++) {
                    biasScales[c] = in.scale() * w.scales()[c];
                }
                inputs.add(dequantise(bias.getName(),
                        int32(fresh(bias.getName() + "_int32"), quantiseBias(floatData(bias), biasScales), bias.getDimsList()),
                        floats(fresh(bias.getName() + "_scale"), biasScales),
                        int32(fresh(bias.getName() + "_zero"), new int[biasScales.length], List.of((long) biasScales.length))));
            }

            String output = node.getOutput(0);
            String floatOutput = fresh(output + "_float");
            graph.addNode(node.toBuilder().clearDocString().clearInput().addAllInput(inputs).clearOutput().addOutput(floatOutput));
            // the DQ keeps the original name, so every consumer reads the (de)quantised value unchanged
            quantiseDequantise(floatOutput, activation(output), output);
            dequantised.put(output, output);
        }

        private ActivationQuantisation activation(String tensor) {
            return activation.computeIfAbsent(tensor, t -> ActivationQuantisation.of(table.range(t).orElseThrow(() ->
                    new ProviderException("the calibration table for " + table.modelName() + " has no range for tensor " + t,
                            remake(table.modelName())))));
        }

        /** tensor → QuantizeLinear → DequantizeLinear → {@code dqName}; returns dqName. */
        private String quantiseDequantise(String tensor, ActivationQuantisation q, String dqName) {
            String scale = scalar(fresh(tensor + "_scale"), q.scale());
            String zero = uint8(fresh(tensor + "_zero"), (byte) q.zeroPoint());
            String quantised = fresh(tensor + "_uint8");
            graph.addNode(NodeProto.newBuilder().setOpType("QuantizeLinear").setName(fresh("QuantizeLinear_" + tensor))
                    .addInput(tensor).addInput(scale).addInput(zero).addOutput(quantised));
            graph.addNode(NodeProto.newBuilder().setOpType("DequantizeLinear").setName(fresh("DequantizeLinear_" + tensor))
                    .addInput(quantised).addInput(scale).addInput(zero).addOutput(dqName));
            return dqName;
        }

        /** A per-channel (axis 0) DequantizeLinear of a constant; returns its output. */
        private String dequantise(String hint, String values, String scales, String zeros) {
            String out = fresh(hint + "_dq");
            graph.addNode(NodeProto.newBuilder().setOpType("DequantizeLinear").setName(fresh("DequantizeLinear_" + hint))
                    .addInput(values).addInput(scales).addInput(zeros).addOutput(out)
                    .addAttribute(AttributeProto.newBuilder().setName("axis").setType(AttributeProto.AttributeType.INT).setI(0)));
            return out;
        }

        private String fresh(String hint) {
            String name = hint;
            for (int i = 1; !names.add(name); i++) {
                name = hint + "_" + i;
            }
            return name;
        }

        /** A per-tensor scale: a scalar, as QuantizeLinear wants for per-tensor quantisation. */
        private String scalar(String name, float value) {
            ByteBuffer raw = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putFloat(value);
            return initializer(name, TensorProto.DataType.FLOAT_VALUE, raw.array(), List.of());
        }

        private String floats(String name, float[] values) {
            ByteBuffer raw = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
            raw.asFloatBuffer().put(values);
            return initializer(name, TensorProto.DataType.FLOAT_VALUE, raw.array(), List.of((long) values.length));
        }

        private String uint8(String name, byte value) {
            return initializer(name, TensorProto.DataType.UINT8_VALUE, new byte[] {value}, List.of());
        }

        private String int8(String name, byte[] values, List<Long> dims) {
            return initializer(name, TensorProto.DataType.INT8_VALUE, values, dims);
        }

        private String int32(String name, int[] values, List<Long> dims) {
            ByteBuffer raw = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
            raw.asIntBuffer().put(values);
            return initializer(name, TensorProto.DataType.INT32_VALUE, raw.array(), dims);
        }

        private String initializer(String name, int type, byte[] raw, List<Long> dims) {
            graph.addInitializer(TensorProto.newBuilder().setName(name).setDataType(type).addAllDims(dims).setRawData(ByteString.copyFrom(raw)));
            return name;
        }
    }

    /** uint8 scale and zero point for an observed range; the range always includes 0 so zero is exact. */
    record ActivationQuantisation(float scale, int zeroPoint) {
        static ActivationQuantisation of(ActivationRanges.Range range) {
            float lo = Math.min(range.min(), 0f);
            float hi = Math.max(range.max(), 0f);
            if (hi - lo < 1e-12f) {
                return new ActivationQuantisation(1f, 0);
            }
            float scale = (hi - lo) / 255f;
            int zero = (int) Math.max(0, Math.min(255, Math.rint(-lo / scale)));
            return new ActivationQuantisation(scale, zero);
        }
    }

    /** Symmetric int8 weights with one scale per output channel (axis 0). */
    record ChannelWeights(byte[] values, float[] scales) {
        static ChannelWeights quantise(TensorProto weights) {
            float[] w = floatData(weights);
            int channels = (int) weights.getDims(0);
            int perChannel = w.length / channels;
            byte[] q = new byte[w.length];
            float[] scales = new float[channels];
            for (int c = 0; c < channels; c++) {
                float max = 0;
                for (int i = c * perChannel; i < (c + 1) * perChannel; i++) {
                    max = Math.max(max, Math.abs(w[i]));
                }
                // an all-zero channel still needs a positive scale; its weights stay 0
                scales[c] = max > 0 ? max / WEIGHT_QMAX : 1f;
                for (int i = c * perChannel; i < (c + 1) * perChannel; i++) {
                    q[i] = (byte) Math.max(-WEIGHT_QMAX, Math.min(WEIGHT_QMAX, Math.rint(w[i] / scales[c])));
                }
            }
            return new ChannelWeights(q, scales);
        }
    }

    private static int[] quantiseBias(float[] bias, float[] scales) {
        int[] q = new int[bias.length];
        for (int c = 0; c < bias.length; c++) {
            double v = Math.rint(bias[c] / (double) scales[c]);
            q[c] = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, v));
        }
        return q;
    }

    static float[] floatData(TensorProto t) {
        if (!t.getRawData().isEmpty()) {
            float[] values = new float[t.getRawData().size() / 4];
            t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
            return values;
        }
        float[] values = new float[t.getFloatDataCount()];
        for (int i = 0; i < values.length; i++) {
            values[i] = t.getFloatData(i);
        }
        return values;
    }

    private static void checkOpsetLift(ModelProto model) {
        long opset = defaultOpset(model);
        if (opset >= QDQ_OPSET) {
            return;
        }
        Set<String> unsure = new TreeSet<>();
        for (NodeProto n : model.getGraph().getNodeList()) {
            if (!OPSET_STABLE.contains(n.getOpType())) {
                unsure.add(n.getOpType());
            }
        }
        if (!unsure.isEmpty()) {
            throw new ProviderException("the model is opset " + opset + " and uses " + unsure
                    + ", which changed before opset 13; per-channel int8 needs opset 13",
                    "convert the model to opset 13 or later first, then quantise it");
        }
    }

    private static long defaultOpset(ModelProto model) {
        for (OperatorSetIdProto o : model.getOpsetImportList()) {
            if (o.getDomain().isEmpty() || o.getDomain().equals("ai.onnx")) {
                return o.getVersion();
            }
        }
        return 1;
    }

    private static List<OperatorSetIdProto> liftedOpsets(ModelProto model) {
        List<OperatorSetIdProto> result = new ArrayList<>();
        for (OperatorSetIdProto o : model.getOpsetImportList()) {
            boolean standard = o.getDomain().isEmpty() || o.getDomain().equals("ai.onnx");
            result.add(standard ? o.toBuilder().setVersion(Math.max(o.getVersion(), QDQ_OPSET)).build() : o);
        }
        return result;
    }

    private static Map<String, TensorProto> initializers(GraphProto graph) {
        Map<String, TensorProto> result = new HashMap<>();
        graph.getInitializerList().forEach(t -> result.put(t.getName(), t));
        return result;
    }

    private static Map<String, Integer> useCounts(GraphProto graph) {
        Map<String, Integer> uses = new HashMap<>();
        for (NodeProto n : graph.getNodeList()) {
            n.getInputList().forEach(i -> uses.merge(i, 1, Integer::sum));
        }
        return uses;
    }

    private static ModelProto parse(byte[] bytes) {
        try {
            return ModelProto.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw new ProviderException("the file is not an ONNX model (" + e.getMessage() + ")", "give the float .onnx model to quantise", e);
        }
    }

    private static String remake(String modelName) {
        return "make the table again (faceattend models calibrate --embedder ID --photos DIR --out " + modelName + ".ranges) and rebuild";
    }

    private static String abbreviate(String sha) {
        return sha == null || sha.length() < 16 ? String.valueOf(sha) : sha.substring(0, 16) + "…";
    }
}
