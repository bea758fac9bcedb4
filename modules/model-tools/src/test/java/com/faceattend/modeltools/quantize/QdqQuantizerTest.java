package com.faceattend.modeltools.quantize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import com.faceattend.spi.ProviderException;
import com.faceattend.spi.support.Checksums;
import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The quantiser on a one-convolution model whose numbers can be worked by hand, run by the real ONNX
 * Runtime. The embedders' int8 variants are checked on real faces in onnx-providers (Int8EmbeddersTest).
 */
class QdqQuantizerTest {
    private static final OrtEnvironment ENV = OrtEnvironment.getEnvironment();
    // 2 output channels x 1 input channel x 1x1: channel 0 weights 0.63 (max), channel 1 weight -0.126
    private static final float[] WEIGHTS = {0.63f, -0.126f};
    private static final float[] BIAS = {0.5f, -0.3f};

    @Test
    void weightsBiasAndActivationsGetTheHandWorkedInt8Values() throws Exception {
        ModelProto q = ModelProto.parseFrom(QdqQuantizer.quantize(floatModel(9), table(floatModel(9))));
        Map<String, TensorProto> init = initializers(q.getGraph());
        // weights: scale = max|w| / 63 per output channel, so each channel's largest weight is ±63
        assertArrayEquals(new byte[] {63, -63}, init.get("w_int8").getRawData().toByteArray());
        float[] weightScales = floats(init.get("w_scale"));
        assertEquals(0.01f, weightScales[0], 1e-7f);
        assertEquals(0.002f, weightScales[1], 1e-7f);
        // input [-1, 1.5]: scale 2.5/255, zero point 1 / scale = 102
        assertEquals(2.5f / 255, floats(init.get("x_scale"))[0], 1e-7f);
        assertEquals(102, init.get("x_zero").getRawData().byteAt(0) & 0xFF);
        // bias: int32 with scale input scale x weight scale
        int[] bias = ints(init.get("b_int32"));
        assertEquals(5100, bias[0]); // 0.5 / (2.5/255 x 0.01)
        assertEquals(-15300, bias[1]); // -0.3 / (2.5/255 x 0.002)
        // the float copies are gone, the interface is unchanged, and the model is lifted to opset 13
        assertTrue(!init.containsKey("w") && !init.containsKey("b"));
        assertEquals("x", q.getGraph().getInput(0).getName());
        assertEquals("y", q.getGraph().getOutput(0).getName());
        assertEquals(13, q.getOpsetImport(0).getVersion());
        assertEquals(List.of("QuantizeLinear", "DequantizeLinear", "DequantizeLinear", "DequantizeLinear", "Conv", "QuantizeLinear", "DequantizeLinear"),
                q.getGraph().getNodeList().stream().map(NodeProto::getOpType).toList());
    }

    @Test
    void onnxRuntimeRunsItOnIntegerKernelsCloseToTheFloatModel(@TempDir Path tmp) throws Exception {
        byte[] floatModel = floatModel(13);
        byte[] int8 = QdqQuantizer.quantize(floatModel, table(floatModel));
        Path optimised = tmp.resolve("optimised.onnx");
        try (OrtSession.SessionOptions o = new OrtSession.SessionOptions()) {
            o.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            o.setOptimizedModelFilePath(optimised.toString());
            try (OrtSession s = ENV.createSession(int8, o)) {
                // ORT's QDQ fusion turned DQ -> Conv -> Q into one integer convolution
                ModelProto fused = ModelProto.parseFrom(Files.readAllBytes(optimised));
                assertTrue(fused.getGraph().getNodeList().stream().anyMatch(n -> n.getOpType().equals("QLinearConv")),
                        fused.getGraph().getNodeList().stream().map(NodeProto::getOpType).toList().toString());
            }
        }
        Random random = new Random(7);
        float[] x = new float[16];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextFloat() * 2 - 1;
        }
        float[] expected = run(floatModel, x);
        float[] actual = run(int8, x);
        float outputStep = 8f / 255; // output range [-4, 4]
        for (int i = 0; i < expected.length; i++) {
            // input, weight and output rounding: well under two output steps
            assertEquals(expected[i], actual[i], 2 * outputStep, "value " + i);
        }
    }

    @Test
    void aTableOfAnotherModelOrWithoutATensorIsRefusedByName() {
        byte[] model = floatModel(13);
        ActivationRanges other = new ActivationRanges("tiny", "0".repeat(64), 1, "test", table(model).ranges());
        ProviderException wrong = assertThrows(ProviderException.class, () -> QdqQuantizer.quantize(model, other));
        assertTrue(wrong.getMessage().contains("another model file"), wrong.getMessage());
        assertTrue(wrong.fix().contains("faceattend models calibrate"), wrong.fix());

        ActivationRanges partial = new ActivationRanges("tiny", Checksums.sha256Hex(model), 1, "test",
                Map.of("x", new ActivationRanges.Range(-1, 1)));
        ProviderException missing = assertThrows(ProviderException.class, () -> QdqQuantizer.quantize(model, partial));
        assertTrue(missing.getMessage().contains("no range for tensor y"), missing.getMessage());
    }

    @Test
    void anOldOpsetModelWithAnOperatorThatChangedIsRefusedByName() {
        ModelProto.Builder old = ModelProto.newBuilder().mergeFrom(parse(floatModel(9)));
        old.getGraphBuilder().addNode(NodeProto.newBuilder().setOpType("Upsample").addInput("y").addOutput("z"));
        byte[] model = old.build().toByteArray();
        ProviderException e = assertThrows(ProviderException.class, () -> QdqQuantizer.quantize(model, table(model)));
        assertTrue(e.getMessage().contains("[Upsample]") && e.getMessage().contains("opset 9"), e.getMessage());
    }

    @Test
    void calibrationNamesTheConvolutionsInputAndOutput() {
        assertEquals(List.of("x", "y"), QdqQuantizer.calibrationTensors(floatModel(13)));
    }

    @Test
    void coverageClipsRareOutliersAndMinMaxKeepsThem(@TempDir Path tmp) {
        ActivationRanges.Collector collector = new ActivationRanges.Collector();
        float[] values = new float[100_000];
        for (int i = 0; i < values.length; i++) {
            values[i] = i / 100_000f; // uniform on [0, 1)
        }
        values[0] = -50; // one outlier each side
        values[1] = 80;
        for (int pass = 0; pass < 2; pass++) {
            if (pass == 1) {
                collector.beginSecondPass();
            }
            collector.observe("t", values);
            collector.sampleDone();
        }
        ActivationRanges all = collector.build("m", "s", 1, "test");
        assertEquals(new ActivationRanges.Range(-50, 80), all.range("t").orElseThrow());
        ActivationRanges.Range central = collector.build("m", "s", 0.9999, "test").range("t").orElseThrow();
        // 10 values may go: the two outliers and a few of the uniform ones; one 4096th of the span is the resolution
        double bin = 130.0 / 4096;
        assertTrue(central.min() > -bin && central.min() <= 0 + 1e-6, central.toString());
        assertTrue(central.max() >= 1 - 1e-3 && central.max() < 1 + bin, central.toString());
        assertEquals(1, all.samples());

        Path file = tmp.resolve("t.ranges");
        all.write(file);
        ActivationRanges again = ActivationRanges.read(file);
        assertEquals(all.ranges(), again.ranges());
        assertEquals("m", again.modelName());
        assertEquals("test", again.provenance());
    }

    @Test
    void aDamagedTableIsNamedWithItsLine(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("bad.ranges");
        Files.writeString(file, "model m abc\nsamples 3\ntensor x -1 one\n");
        ProviderException e = assertThrows(ProviderException.class, () -> ActivationRanges.read(file));
        assertTrue(e.getMessage().contains("line 3"), e.getMessage());
    }

    /** x [1,1,4,4] -> Conv 1x1 (2 channels, bias) -> y [1,2,4,4], at the given opset. */
    private static byte[] floatModel(long opset) {
        GraphProto.Builder g = GraphProto.newBuilder().setName("tiny")
                .addInput(value("x", 1, 1, 4, 4)).addOutput(value("y", 1, 2, 4, 4))
                .addInitializer(floatTensor("w", WEIGHTS, 2, 1, 1, 1))
                .addInitializer(floatTensor("b", BIAS, 2))
                .addNode(NodeProto.newBuilder().setOpType("Conv").setName("conv").addInput("x").addInput("w").addInput("b").addOutput("y")
                        .addAttribute(AttributeProto.newBuilder().setName("kernel_shape").setType(AttributeProto.AttributeType.INTS)
                                .addInts(1).addInts(1)));
        return ModelProto.newBuilder().setIrVersion(opset >= 13 ? 7 : 4)
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(opset)).setGraph(g).build().toByteArray();
    }

    private static ActivationRanges table(byte[] model) {
        return new ActivationRanges("tiny", Checksums.sha256Hex(model), 1, "hand-set",
                Map.of("x", new ActivationRanges.Range(-1, 1.5f), "y", new ActivationRanges.Range(-4, 4)));
    }

    private static float[] run(byte[] model, float[] x) throws Exception {
        try (OrtSession s = ENV.createSession(model, new OrtSession.SessionOptions());
             OnnxTensor t = OnnxTensor.createTensor(ENV, FloatBuffer.wrap(x), new long[] {1, 1, 4, 4});
             OrtSession.Result r = s.run(Map.of("x", t))) {
            FloatBuffer out = ((OnnxTensor) r.get(0)).getFloatBuffer();
            float[] values = new float[out.remaining()];
            out.get(values);
            return values;
        }
    }

    private static ValueInfoProto value(String name, long... dims) {
        TypeProto.Tensor.Builder t = TypeProto.Tensor.newBuilder().setElemType(TensorProto.DataType.FLOAT_VALUE);
        for (long d : dims) {
            t.getShapeBuilder().addDimBuilder().setDimValue(d);
        }
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder().setTensorType(t)).build();
    }

    private static TensorProto floatTensor(String name, float[] values, long... dims) {
        ByteBuffer raw = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        raw.asFloatBuffer().put(values);
        TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.FLOAT_VALUE)
                .setRawData(ByteString.copyFrom(raw.array()));
        for (long d : dims) {
            t.addDims(d);
        }
        return t.build();
    }

    private static Map<String, TensorProto> initializers(GraphProto g) {
        return g.getInitializerList().stream().collect(java.util.stream.Collectors.toMap(TensorProto::getName, t -> t));
    }

    private static float[] floats(TensorProto t) {
        return QdqQuantizer.floatData(t);
    }

    private static int[] ints(TensorProto t) {
        int[] v = new int[t.getRawData().size() / 4];
        t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(v);
        return v;
    }

    private static ModelProto parse(byte[] b) {
        try {
            return ModelProto.parseFrom(b);
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            throw new IllegalStateException(e);
        }
    }
}
