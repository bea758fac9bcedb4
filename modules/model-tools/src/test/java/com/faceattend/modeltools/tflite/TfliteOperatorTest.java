package com.faceattend.modeltools.tflite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.faceattend.spi.ProviderException;
import org.junit.jupiter.api.Test;
import org.tensorflow.lite.schema.ActivationFunctionType;
import org.tensorflow.lite.schema.BuiltinOperator;
import org.tensorflow.lite.schema.BuiltinOptions;
import org.tensorflow.lite.schema.ConcatenationOptionsT;
import org.tensorflow.lite.schema.Conv2DOptionsT;
import org.tensorflow.lite.schema.DepthwiseConv2DOptionsT;
import org.tensorflow.lite.schema.DivOptionsT;
import org.tensorflow.lite.schema.FullyConnectedOptionsT;
import org.tensorflow.lite.schema.LeakyReluOptionsT;
import org.tensorflow.lite.schema.MulOptionsT;
import org.tensorflow.lite.schema.Padding;
import org.tensorflow.lite.schema.Pool2DOptionsT;
import org.tensorflow.lite.schema.ReducerOptionsT;
import org.tensorflow.lite.schema.ReshapeOptionsT;
import org.tensorflow.lite.schema.StridedSliceOptionsT;
import org.tensorflow.lite.schema.SubOptionsT;

/**
 * Each operator on inputs whose TFLite result is worked out by hand in the comments. Several tests
 * put a 1x1 identity convolution first, so the value under test is held NCHW inside the ONNX graph
 * and the NHWC bookkeeping is exercised, not bypassed.
 */
class TfliteOperatorTest {
    private static final float EPS = 1e-5f;

    private static float[] seq(int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = i + 1;
        }
        return a;
    }

    private static float[] convert(TinyTflite m, float[] input, long... shape) {
        return OrtRunner.run(TfliteToOnnx.convert(m.build(), TfliteToOnnx.Options.defaults(), "test"), input, shape)[0];
    }

    private static Conv2DOptionsT conv(byte padding, int stride, byte fused) {
        Conv2DOptionsT o = new Conv2DOptionsT();
        o.setPadding(padding);
        o.setStrideH(stride);
        o.setStrideW(stride);
        o.setDilationHFactor(1);
        o.setDilationWFactor(1);
        o.setFusedActivationFunction(fused);
        return o;
    }

    /** x (1,1,W,C) through an identity 1x1 convolution: same values, now held NCHW by the converter. */
    private static int identityConv(TinyTflite m, int x, int w, int c) {
        float[] eye = new float[c * c];
        for (int i = 0; i < c; i++) {
            eye[i * c + i] = 1;
        }
        int k = m.constant("eye", eye, c, 1, 1, c);
        int y = m.tensor("identity", 1, 1, w, c);
        m.op(BuiltinOperator.CONV_2D, BuiltinOptions.Conv2DOptions, conv(Padding.VALID, 1, ActivationFunctionType.NONE), new int[] {x, k, -1}, y);
        return y;
    }

    @Test
    void conv2dSamePaddingPutsTheOddCellAtTheEndAndFusesRelu() {
        // 4x4 input 1..16, 3x3 kernel of ones, stride 2, SAME: TF pads 0 before and 1 after.
        // Sums: rows 0-2 x cols 0-2 = 54, rows 0-2 x cols 2-3 = 45, rows 2-3 x cols 0-2 = 72, rows 2-3 x cols 2-3 = 54.
        // Bias -50 then fused RELU: 4, 0, 22, 4. (Symmetric padding would give 14, 0, 0, 4 after RELU.)
        TinyTflite m = new TinyTflite();
        int x = m.input("x", 1, 4, 4, 1);
        int w = m.constant("w", new float[] {1, 1, 1, 1, 1, 1, 1, 1, 1}, 1, 3, 3, 1);
        int b = m.constant("b", new float[] {-50}, 1);
        int y = m.tensor("y", 1, 2, 2, 1);
        m.op(BuiltinOperator.CONV_2D, BuiltinOptions.Conv2DOptions, conv(Padding.SAME, 2, ActivationFunctionType.RELU), new int[] {x, w, b}, y);
        m.output(y);
        assertArrayEquals(new float[] {4, 0, 22, 4}, convert(m, seq(16), 1, 4, 4, 1), EPS);
    }

    @Test
    void conv2dWeightsAreOutputHeightWidthInput() {
        // One pixel with channels (1, 2); weights [O=3][1][1][I=2] = (1,10), (100,1000), (0,1) -> 21, 2100, 2.
        TinyTflite m = new TinyTflite();
        int x = m.input("x", 1, 1, 1, 2);
        int w = m.constant("w", new float[] {1, 10, 100, 1000, 0, 1}, 3, 1, 1, 2);
        int y = m.tensor("y", 1, 1, 1, 3);
        m.op(BuiltinOperator.CONV_2D, BuiltinOptions.Conv2DOptions, conv(Padding.VALID, 1, ActivationFunctionType.NONE), new int[] {x, w, -1}, y);
        m.output(y);
        assertArrayEquals(new float[] {21, 2100, 2}, convert(m, new float[] {1, 2}, 1, 1, 1, 2), EPS);
    }

    @Test
    void depthwiseWeightsAreOneHeightWidthChannelAndRelu6Clips() {
        // 2x2 pixels, channel 0 = 1,2,3,4 and channel 1 = 10,20,30,40 (NHWC interleaved).
        // Kernel [1][2][2][2]: channel 0 all ones -> 10; channel 1 = (1,0,0,-1) -> 10 - 40 = -30.
        // Fused RELU6: 6, 0.
        TinyTflite m = new TinyTflite();
        int x = m.input("x", 1, 2, 2, 2);
        int w = m.constant("w", new float[] {1, 1, 1, 0, 1, 0, 1, -1}, 1, 2, 2, 2);
        int y = m.tensor("y", 1, 1, 1, 2);
        DepthwiseConv2DOptionsT o = new DepthwiseConv2DOptionsT();
        o.setPadding(Padding.VALID);
        o.setStrideH(1);
        o.setStrideW(1);
        o.setDepthMultiplier(1);
        o.setDilationHFactor(1);
        o.setDilationWFactor(1);
        o.setFusedActivationFunction(ActivationFunctionType.RELU6);
        m.op(BuiltinOperator.DEPTHWISE_CONV_2D, BuiltinOptions.DepthwiseConv2DOptions, o, new int[] {x, w, -1}, y);
        m.output(y);
        assertArrayEquals(new float[] {6, 0}, convert(m, new float[] {1, 10, 2, 20, 3, 30, 4, 40}, 1, 2, 2, 2), EPS);
    }

    private static TinyTflite pool(int builtin) {
        TinyTflite m = new TinyTflite();
        int x = m.input("x", 1, 3, 3, 1);
        int y = m.tensor("y", 1, 2, 2, 1);
        Pool2DOptionsT o = new Pool2DOptionsT();
        o.setPadding(Padding.SAME);
        o.setStrideH(2);
        o.setStrideW(2);
        o.setFilterHeight(2);
        o.setFilterWidth(2);
        m.op(builtin, BuiltinOptions.Pool2DOptions, o, new int[] {x}, y);
        m.output(y);
        return m;
    }

    @Test
    void maxPoolSamePadsAtTheEnd() {
        // 3x3 input 1..9, 2x2 window, stride 2, SAME (one padded row and column at the end): 5, 6, 8, 9.
        assertArrayEquals(new float[] {5, 6, 8, 9}, convert(pool(BuiltinOperator.MAX_POOL_2D), seq(9), 1, 3, 3, 1), EPS);
    }

    @Test
    void averagePoolSameCountsOnlyCellsInsideTheImage() {
        // (1+2+4+5)/4 = 3, (3+6)/2 = 4.5, (7+8)/2 = 7.5, 9/1 = 9.
        assertArrayEquals(new float[] {3, 4.5f, 7.5f, 9}, convert(pool(BuiltinOperator.AVERAGE_POOL_2D), seq(9), 1, 3, 3, 1), EPS);
    }

    @Test
    void fullyConnectedFlattensInNhwcOrder() {
        // NHWC values 1,2,3,4 (w0c0, w0c1, w1c0, w1c1); weights 1,10,100,1000; bias 0.5 -> 4321.5.
        // Flattening NCHW (1,3,2,4) would give 4231.5.
        TinyTflite m = new TinyTflite();
        int x = m.input("x", 1, 1, 2, 2);
        int h = identityConv(m, x, 2, 2);
        int w = m.constant("w", new float[] {1, 10, 100, 1000}, 1, 4);
        int b = m.constant("b", new float[] {0.5f}, 1);
        int y = m.tensor("y", 1, 1);
        FullyConnectedOptionsT o = new FullyConnectedOptionsT();
        m.op(BuiltinOperator.FULLY_CONNECTED, BuiltinOptions.FullyConnectedOptions, o, new int[] {h, w, b}, y);
        m.output(y);
        assertArrayEquals(new float[] {4321.5f}, convert(m, seq(4), 1, 1, 2, 2), EPS);
    }

    @Test
    void reshapeKeepsNhwcOrder() {
        TinyTflite m = new TinyTflite();
        int x = m.input("x", 1, 1, 2, 2);
        int h = identityConv(m, x, 2, 2);
        int y = m.tensor("y", 1, 4);
        ReshapeOptionsT o = new ReshapeOptionsT();
        o.setNewShape(new int[] {1, 4});
        m.op(BuiltinOperator.RESHAPE, BuiltinOptions.ReshapeOptions, o, new int[] {h, m.ints("shape", 1, 4)}, y);
        m.output(y);
        assertArrayEquals(new float[] {1, 2, 3, 4}, convert(m, seq(4), 1, 1, 2, 2), EPS);
    }

    @Test
    void preluWrittenOutBroadcastsPerChannelSlopes() {
        // MTCNN's PReLU: relu(x) + (-alpha) * relu(-x), alpha per channel (0.1, 0.5).
        // x = (1, -2 | -3, 4) -> 1, -1, -0.3, 4.
        TinyTflite m = new TinyTflite();
        int x = m.input("x", 1, 1, 2, 2);
        int h = identityConv(m, x, 2, 2);
        int pos = m.tensor("pos", 1, 1, 2, 2), neg = m.tensor("neg", 1, 1, 2, 2), negRelu = m.tensor("neg_relu", 1, 1, 2, 2);
        int scaled = m.tensor("scaled", 1, 1, 2, 2), y = m.tensor("y", 1, 1, 2, 2);
        int alpha = m.constant("minus_alpha", new float[] {-0.1f, -0.5f}, 2);
        m.op(BuiltinOperator.RELU, (byte) 0, null, new int[] {h}, pos);
        m.op(BuiltinOperator.NEG, (byte) 0, null, new int[] {h}, neg);
        m.op(BuiltinOperator.RELU, (byte) 0, null, new int[] {neg}, negRelu);
        m.op(BuiltinOperator.MUL, BuiltinOptions.MulOptions, new MulOptionsT(), new int[] {negRelu, alpha}, scaled);
        m.op(BuiltinOperator.ADD, BuiltinOptions.AddOptions, new org.tensorflow.lite.schema.AddOptionsT(), new int[] {pos, scaled}, y);
        m.output(y);
        assertArrayEquals(new float[] {1, -1, -0.3f, 4}, convert(m, new float[] {1, -2, -3, 4}, 1, 1, 2, 2), EPS);
    }

    @Test
    void softmaxWrittenOutReducesOverChannels() {
        // Channels (1, 3) at one pixel and (0, 0) at the other: e^-2/(1+e^-2) = 0.1192, 0.8808; then 0.5, 0.5.
        TinyTflite m = new TinyTflite();
        int x = m.input("x", 1, 1, 2, 2);
        int h = identityConv(m, x, 2, 2);
        int axis = m.ints("axis", -1);
        int max = m.tensor("max", 1, 1, 2, 1), shifted = m.tensor("shifted", 1, 1, 2, 2), e = m.tensor("e", 1, 1, 2, 2);
        int sum = m.tensor("sum", 1, 1, 2, 1), y = m.tensor("y", 1, 1, 2, 2);
        ReducerOptionsT keep = new ReducerOptionsT();
        keep.setKeepDims(true);
        m.op(BuiltinOperator.REDUCE_MAX, BuiltinOptions.ReducerOptions, keep, new int[] {h, axis}, max);
        m.op(BuiltinOperator.SUB, BuiltinOptions.SubOptions, new SubOptionsT(), new int[] {h, max}, shifted);
        m.op(BuiltinOperator.EXP, (byte) 0, null, new int[] {shifted}, e);
        m.op(BuiltinOperator.SUM, BuiltinOptions.ReducerOptions, keep, new int[] {e, axis}, sum);
        m.op(BuiltinOperator.DIV, BuiltinOptions.DivOptions, new DivOptionsT(), new int[] {e, sum}, y);
        m.output(y);
        float low = (float) (Math.exp(-2) / (1 + Math.exp(-2)));
        assertArrayEquals(new float[] {low, 1 - low, 0.5f, 0.5f}, convert(m, new float[] {1, 3, 0, 0}, 1, 1, 2, 2), EPS);
    }

    @Test
    void absAndLeakyReluAndSubtractingAScalar() {
        // MobileFaceNet's PReLU uses ABS; anti-spoofing uses LEAKY_RELU. |x| - 1 then leaky(0.2): 1,-2,3,-4 -> 0, 1, 2, 3.
        TinyTflite m = new TinyTflite();
        int x = m.input("x", 1, 1, 2, 2);
        int h = identityConv(m, x, 2, 2);
        int abs = m.tensor("abs", 1, 1, 2, 2), sub = m.tensor("sub", 1, 1, 2, 2), y = m.tensor("y", 1, 1, 2, 2);
        m.op(BuiltinOperator.ABS, (byte) 0, null, new int[] {h}, abs);
        m.op(BuiltinOperator.SUB, BuiltinOptions.SubOptions, new SubOptionsT(), new int[] {abs, m.constant("one", new float[] {1}, new int[0])}, sub);
        LeakyReluOptionsT leaky = new LeakyReluOptionsT();
        leaky.setAlpha(0.2f);
        m.op(BuiltinOperator.LEAKY_RELU, BuiltinOptions.LeakyReluOptions, leaky, new int[] {sub}, y);
        m.output(y);
        assertArrayEquals(new float[] {0, 1, 2, 3}, convert(m, new float[] {1, -2, 3, -4}, 1, 1, 2, 2), EPS);
    }

    @Test
    void stridedSliceShrinkConcatenationAndFp16Dequantize() {
        // x = 1..8 as (1,2,2,2). Slice [0, 1, :, 0] with shrink on axes 0,1,3 -> row 1, channel 0 = 5, 7.
        // Concatenate with fp16 constant (0.5, 0.25) dequantized -> 5, 7, 0.5, 0.25.
        TinyTflite m = new TinyTflite();
        int x = m.input("x", 1, 2, 2, 2);
        int h = m.tensor("h", 1, 2, 2, 2);
        m.op(BuiltinOperator.CONV_2D, BuiltinOptions.Conv2DOptions, conv(Padding.VALID, 1, ActivationFunctionType.NONE),
                new int[] {x, m.constant("eye", new float[] {1, 0, 0, 1}, 2, 1, 1, 2), -1}, h);
        int sliced = m.tensor("sliced", 2);
        StridedSliceOptionsT s = new StridedSliceOptionsT();
        s.setBeginMask(0b0100);
        s.setEndMask(0b0100);
        s.setShrinkAxisMask(0b1011);
        m.op(BuiltinOperator.STRIDED_SLICE, BuiltinOptions.StridedSliceOptions, s,
                new int[] {h, m.ints("begin", 0, 1, 0, 0), m.ints("end", 1, 2, 2, 1), m.ints("strides", 1, 1, 1, 1)}, sliced);
        int half = m.fp16Constant("half", new float[] {0.5f, 0.25f}, 2);
        int widened = m.tensor("widened", 2);
        m.op(BuiltinOperator.DEQUANTIZE, (byte) 0, null, new int[] {half}, widened);
        int y = m.tensor("y", 4);
        ConcatenationOptionsT c = new ConcatenationOptionsT();
        c.setAxis(0);
        m.op(BuiltinOperator.CONCATENATION, BuiltinOptions.ConcatenationOptions, c, new int[] {sliced, widened}, y);
        m.output(y);
        assertArrayEquals(new float[] {5, 7, 0.5f, 0.25f}, convert(m, seq(8), 1, 2, 2, 2), EPS);
    }

    @Test
    void aFreeSpatialSizeRunsOnAnyImageSize() {
        TinyTflite m = new TinyTflite();
        int x = m.input("x", 1, 4, 4, 1);
        int w = m.constant("w", new float[] {1, 1, 1, 1, 1, 1, 1, 1, 1}, 1, 3, 3, 1);
        int y = m.tensor("y", 1, 2, 2, 1);
        m.op(BuiltinOperator.CONV_2D, BuiltinOptions.Conv2DOptions, conv(Padding.SAME, 2, ActivationFunctionType.NONE), new int[] {x, w, -1}, y);
        m.output(y);
        byte[] onnx = TfliteToOnnx.convert(m.build(), new TfliteToOnnx.Options(true, false), "free");
        assertArrayEquals(new float[] {54, 45, 72, 54}, OrtRunner.run(onnx, seq(16), 1, 4, 4, 1)[0], EPS);
        // 3x5 input: SAME gives 2x3; top-left window rows 0-1 (row -1 is not padded before), cols 0-1 = 1+2+6+7 = 16.
        float[] wide = OrtRunner.run(onnx, seq(15), 1, 3, 5, 1)[0];
        assertTrue(wide.length == 6 && Math.abs(wide[0] - 16) < EPS, java.util.Arrays.toString(wide));
    }

    @Test
    void unsupportedOperatorsAreAllNamedBeforeAnythingIsWritten() {
        TinyTflite m = new TinyTflite();
        int x = m.input("x", 1, 4);
        int a = m.tensor("a", 1, 4), b = m.tensor("b", 1, 4);
        m.op(BuiltinOperator.SOFTMAX, (byte) 0, null, new int[] {x}, a);
        m.op(BuiltinOperator.TOPK_V2, (byte) 0, null, new int[] {a}, b);
        m.output(b);
        ProviderException e = assertThrows(ProviderException.class, () -> TfliteToOnnx.convert(m.build(), TfliteToOnnx.Options.defaults(), "two-unsupported.tflite"));
        assertTrue(e.getMessage().contains("SOFTMAX") && e.getMessage().contains("TOPK_V2"), e.getMessage());
        assertTrue(e.getMessage().contains("two-unsupported.tflite"), e.getMessage());
        assertTrue(e.fix().contains("CONV_2D"), "the fix lists what is supported: " + e.fix());
    }

    @Test
    void aFileThatIsNotTfliteIsNamedAsSuch() {
        ProviderException e = assertThrows(ProviderException.class,
                () -> TfliteToOnnx.convert("this is not a model at all".getBytes(), TfliteToOnnx.Options.defaults(), "x"));
        assertTrue(e.getMessage().contains("not a TFLite model"), e.getMessage());
    }
}
