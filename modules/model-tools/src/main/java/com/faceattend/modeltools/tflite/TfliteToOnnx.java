package com.faceattend.modeltools.tflite;

import ai.onnx.proto.OnnxMl.TensorProto;
import com.faceattend.spi.ProviderException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.tensorflow.lite.schema.ActivationFunctionType;
import org.tensorflow.lite.schema.BuiltinOperator;
import org.tensorflow.lite.schema.ConcatenationOptions;
import org.tensorflow.lite.schema.Conv2DOptions;
import org.tensorflow.lite.schema.DepthwiseConv2DOptions;
import org.tensorflow.lite.schema.FullyConnectedOptions;
import org.tensorflow.lite.schema.LeakyReluOptions;
import org.tensorflow.lite.schema.Model;
import org.tensorflow.lite.schema.Operator;
import org.tensorflow.lite.schema.Padding;
import org.tensorflow.lite.schema.Pool2DOptions;
import org.tensorflow.lite.schema.ReducerOptions;
import org.tensorflow.lite.schema.ReshapeOptions;
import org.tensorflow.lite.schema.StridedSliceOptions;
import org.tensorflow.lite.schema.SubGraph;
import org.tensorflow.lite.schema.Tensor;
import org.tensorflow.lite.schema.TensorType;

/**
 * Converts a float TFLite model (flatbuffer) into an equivalent ONNX graph, operator by operator.
 *
 * <p>Layout: the ONNX model keeps the TFLite interface (NHWC inputs and outputs, same names), but
 * inside, 4-D activations live in NCHW as ONNX convolutions and pools need; a value is transposed
 * only where an operator needs the other layout (reshape, fully connected, slicing). Constants are
 * permuted at import time instead, so broadcasting per-channel constants (PReLU slopes) costs nothing.
 * SAME padding becomes explicit (possibly asymmetric) pads computed as TFLite does, or
 * {@code auto_pad=SAME_UPPER} (the same rule) when the spatial size is left free.
 *
 * <p>Operators outside {@link #SUPPORTED} are all named in one {@link ProviderException} before
 * anything is written.
 */
public final class TfliteToOnnx {
    /** TFLite builtin operators this importer converts. */
    public static final Set<String> SUPPORTED = Set.of("CONV_2D", "DEPTHWISE_CONV_2D", "MAX_POOL_2D", "AVERAGE_POOL_2D",
            "FULLY_CONNECTED", "RELU", "RELU6", "LEAKY_RELU", "LOGISTIC", "TANH", "NEG", "ABS", "EXP", "ADD", "SUB", "MUL",
            "DIV", "SUM", "REDUCE_MAX", "MEAN", "RESHAPE", "CONCATENATION", "STRIDED_SLICE", "DEQUANTIZE", "CAST",
            "GREATER_EQUAL", "LESS");

    private static final long[] TO_NCHW = {0, 3, 1, 2};
    private static final long[] TO_NHWC = {0, 2, 3, 1};
    /** NHWC axis -> NCHW axis. */
    private static final int[] AXIS_IN_NCHW = {0, 2, 3, 1};

    /**
     * @param freeSpatialSize leave the input's height and width free (a fully convolutional model such as
     *                        MTCNN's P-Net then runs on any image size); default false
     * @param freeBatch       leave the batch size free (reshapes to the file's batch size become -1), so a
     *                        model exported for a batch of 2 runs on one face; default false
     */
    public record Options(boolean freeSpatialSize, boolean freeBatch) {
        public static Options defaults() {
            return new Options(false, false);
        }

        /** Parses the build's option words: {@code free-size}, {@code free-batch} (comma- or plus-separated). */
        public static Options parse(String words) {
            List<String> w = List.of(words.split("[,+]"));
            for (String word : w) {
                if (!word.isBlank() && !word.equals("free-size") && !word.equals("free-batch")) {
                    throw new IllegalArgumentException("unknown import option '" + word + "' (known: free-size, free-batch)");
                }
            }
            return new Options(w.contains("free-size"), w.contains("free-batch"));
        }
    }

    /** One converted activation: its ONNX name and whether it is stored NCHW. */
    private record Value(String name, boolean nchw) { }

    private final Model model;
    private final SubGraph sub;
    private final Options options;
    private final OnnxGraph onnx;
    private final Value[] values;
    private final Map<Integer, Object> folded = new HashMap<>();
    private final Map<String, String> transposed = new HashMap<>();
    private final Map<String, String> constants = new HashMap<>();
    private int batch = -1;

    private TfliteToOnnx(Model model, Options options, String graphName) {
        this.model = model;
        this.sub = model.subgraphs(0);
        this.options = options;
        this.onnx = new OnnxGraph(graphName);
        this.values = new Value[sub.tensorsLength()];
    }

    /**
     * The ONNX model equivalent to {@code tflite}.
     *
     * @param graphName name recorded in the ONNX graph (e.g. the file name)
     * @throws ProviderException when the bytes are not a TFLite model, or use operators or types not supported
     */
    public static byte[] convert(byte[] tflite, Options options, String graphName) {
        Model model = parse(tflite);
        if (model.subgraphsLength() < 1) {
            throw new ProviderException(graphName + " holds no TFLite subgraph", "check that the file is a complete TFLite model");
        }
        List<String> unsupported = unsupportedOperators(model);
        if (!unsupported.isEmpty()) {
            throw new ProviderException(graphName + " uses TFLite operators this importer does not convert: "
                    + String.join(", ", unsupported),
                    "convert the model with another tool (e.g. tf2onnx) and load the .onnx through the plugin SDK; supported: "
                            + new TreeSet<>(SUPPORTED));
        }
        TfliteToOnnx converter = new TfliteToOnnx(model, options, graphName);
        converter.run();
        return converter.onnx.toModelBytes("1", "converted from TFLite " + graphName);
    }

    /** Names of the operators {@code tflite} uses, in first-use order (for {@code faceattend models import --list}). */
    public static List<String> operators(byte[] tflite) {
        Model model = parse(tflite);
        List<String> ops = new ArrayList<>();
        SubGraph g = model.subgraphs(0);
        for (int i = 0; i < g.operatorsLength(); i++) {
            String name = opName(model, g.operators(i));
            if (!ops.contains(name)) {
                ops.add(name);
            }
        }
        return ops;
    }

    private static Model parse(byte[] tflite) {
        // "TFL3" is the TFLite file identifier at bytes 4..7.
        if (tflite.length < 8 || tflite[4] != 'T' || tflite[5] != 'F' || tflite[6] != 'L' || tflite[7] != '3') {
            throw new ProviderException("the file is not a TFLite model (no TFL3 identifier)",
                    "give a .tflite file exported by the TensorFlow Lite converter");
        }
        return Model.getRootAsModel(ByteBuffer.wrap(tflite).order(ByteOrder.LITTLE_ENDIAN));
    }

    private static List<String> unsupportedOperators(Model model) {
        List<String> missing = new ArrayList<>();
        for (String op : operators(model)) {
            if (!SUPPORTED.contains(op) && !missing.contains(op)) {
                missing.add(op);
            }
        }
        return missing;
    }

    private static List<String> operators(Model model) {
        List<String> ops = new ArrayList<>();
        for (int s = 0; s < model.subgraphsLength(); s++) {
            SubGraph g = model.subgraphs(s);
            for (int i = 0; i < g.operatorsLength(); i++) {
                ops.add(opName(model, g.operators(i)));
            }
        }
        return ops;
    }

    private static String opName(Model model, Operator op) {
        var code = model.operatorCodes((int) op.opcodeIndex());
        // Newer files put codes above 127 in builtin_code; older ones only fill the deprecated byte.
        int builtin = Math.max(code.builtinCode(), code.deprecatedBuiltinCode());
        if (builtin == BuiltinOperator.CUSTOM) {
            return "CUSTOM(" + code.customCode() + ")";
        }
        return builtin >= 0 && builtin < BuiltinOperator.names.length ? BuiltinOperator.name(builtin) : "BUILTIN_" + builtin;
    }

    // ---------------------------------------------------------------- conversion

    private void run() {
        for (int i = 0; i < sub.inputsLength(); i++) {
            int t = sub.inputs(i);
            Tensor tensor = sub.tensors(t);
            checkFloat(t);
            String name = onnx.fresh(tensor.name());
            int[] shape = shape(t);
            Object[] dims = new Object[shape.length];
            for (int d = 0; d < shape.length; d++) {
                boolean spatial = options.freeSpatialSize() && shape.length == 4 && (d == 1 || d == 2);
                dims[d] = spatial ? (d == 1 ? "height" : "width") : (Object) (long) shape[d];
            }
            if (options.freeBatch() && shape.length > 0) {
                batch = shape[0];
                dims[0] = "batch";
            }
            onnx.input(name, TensorProto.DataType.FLOAT_VALUE, dims);
            values[t] = new Value(name, false);
        }
        for (int i = 0; i < sub.operatorsLength(); i++) {
            Operator op = sub.operators(i);
            convert(opName(model, op), op);
        }
        for (int i = 0; i < sub.outputsLength(); i++) {
            int t = sub.outputs(i);
            String name = onnx.fresh(sub.tensors(t).name());
            onnx.node("Identity", new String[] {nhwc(t)}, new String[] {name});
            int[] shape = shape(t);
            Object[] dims = new Object[shape.length];
            for (int d = 0; d < shape.length; d++) {
                boolean spatial = options.freeSpatialSize() && shape.length == 4 && (d == 1 || d == 2);
                dims[d] = spatial ? name + (d == 1 ? "_height" : "_width") : (Object) (long) shape[d];
            }
            if (options.freeBatch() && shape.length > 0) {
                dims[0] = "batch";
            }
            onnx.output(name, onnxType(sub.tensors(t).type()), dims);
        }
    }

    private void convert(String op, Operator o) {
        switch (op) {
            case "CONV_2D" -> conv(o, false);
            case "DEPTHWISE_CONV_2D" -> conv(o, true);
            case "MAX_POOL_2D" -> pool(o, "MaxPool");
            case "AVERAGE_POOL_2D" -> pool(o, "AveragePool");
            case "FULLY_CONNECTED" -> fullyConnected(o);
            case "RELU" -> unary(o, "Relu");
            case "LOGISTIC" -> unary(o, "Sigmoid");
            case "TANH" -> unary(o, "Tanh");
            case "NEG" -> unary(o, "Neg");
            case "ABS" -> unary(o, "Abs");
            case "EXP" -> unary(o, "Exp");
            case "RELU6" -> {
                Value x = value(o.inputs(0));
                set(o.outputs(0), new Value(activation(x.name(), ActivationFunctionType.RELU6), x.nchw()));
            }
            case "LEAKY_RELU" -> {
                LeakyReluOptions opts = (LeakyReluOptions) o.builtinOptions(new LeakyReluOptions());
                Value x = value(o.inputs(0));
                set(o.outputs(0), new Value(onnx.apply("LeakyRelu", "leaky_relu", new String[] {x.name()}, "alpha", opts.alpha()), x.nchw()));
            }
            case "ADD" -> binary(o, "Add", fusedOf(o));
            case "SUB" -> binary(o, "Sub", fusedOf(o));
            case "MUL" -> binary(o, "Mul", fusedOf(o));
            case "DIV" -> binary(o, "Div", fusedOf(o));
            case "GREATER_EQUAL" -> binary(o, "GreaterOrEqual", ActivationFunctionType.NONE);
            case "LESS" -> binary(o, "Less", ActivationFunctionType.NONE);
            case "SUM" -> reduce(o, "ReduceSum");
            case "REDUCE_MAX" -> reduce(o, "ReduceMax");
            case "MEAN" -> reduce(o, "ReduceMean");
            case "RESHAPE" -> reshape(o);
            case "CONCATENATION" -> concatenation(o);
            case "STRIDED_SLICE" -> stridedSlice(o);
            case "DEQUANTIZE" -> dequantize(o);
            case "CAST" -> {
                Value x = value(o.inputs(0));
                int to = onnxType(sub.tensors(o.outputs(0)).type());
                set(o.outputs(0), new Value(onnx.apply("Cast", "cast", new String[] {x.name()}, "to", (long) to), x.nchw()));
            }
            default -> throw new IllegalStateException("operator " + op + " passed the support check but has no conversion");
        }
    }

    private void conv(Operator o, boolean depthwise) {
        int x = o.inputs(0), w = o.inputs(1);
        int b = o.inputsLength() > 2 ? o.inputs(2) : -1;
        int[] ws = shape(w);
        float[] weights = floatConstant(w, "convolution weights");
        int strideH, strideW, dilH, dilW;
        byte padding, fused;
        long group = 1;
        String kernel;
        if (depthwise) {
            DepthwiseConv2DOptions opts = (DepthwiseConv2DOptions) o.builtinOptions(new DepthwiseConv2DOptions());
            strideH = opts.strideH(); strideW = opts.strideW(); dilH = opts.dilationHFactor(); dilW = opts.dilationWFactor();
            padding = opts.padding(); fused = opts.fusedActivationFunction();
            group = shape(x)[3];
            // [1, KH, KW, O] -> [O, 1, KH, KW]
            kernel = onnx.floats("dw_weights", Layouts.transpose(weights, ws, new int[] {3, 0, 1, 2}), ws[3], 1, ws[1], ws[2]);
        } else {
            Conv2DOptions opts = (Conv2DOptions) o.builtinOptions(new Conv2DOptions());
            strideH = opts.strideH(); strideW = opts.strideW(); dilH = opts.dilationHFactor(); dilW = opts.dilationWFactor();
            padding = opts.padding(); fused = opts.fusedActivationFunction();
            group = shape(x)[3] / ws[3];
            // [O, KH, KW, I] -> [O, I, KH, KW]
            kernel = onnx.floats("conv_weights", Layouts.transpose(weights, ws, new int[] {0, 3, 1, 2}), ws[0], ws[3], ws[1], ws[2]);
        }
        List<String> inputs = new ArrayList<>(List.of(nchw(x), kernel));
        if (b >= 0) {
            float[] bias = floatConstant(b, "convolution bias");
            inputs.add(onnx.floats("bias", bias, bias.length));
        }
        List<Object> attrs = new ArrayList<>(List.of("kernel_shape", new long[] {ws[1], ws[2]}, "strides", new long[] {strideH, strideW},
                "dilations", new long[] {dilH, dilW}, "group", group));
        addPadding(attrs, padding, shape(x), ws[1], ws[2], strideH, strideW, dilH, dilW);
        String out = onnx.apply("Conv", depthwise ? "dwconv" : "conv", inputs.toArray(String[]::new), attrs.toArray());
        set(o.outputs(0), new Value(activation(out, fused), true));
    }

    private void pool(Operator o, String onnxOp) {
        Pool2DOptions opts = (Pool2DOptions) o.builtinOptions(new Pool2DOptions());
        int x = o.inputs(0);
        List<Object> attrs = new ArrayList<>(List.of("kernel_shape", new long[] {opts.filterHeight(), opts.filterWidth()},
                "strides", new long[] {opts.strideH(), opts.strideW()}));
        // TFLite's SAME average pool divides by the cells inside the image: ONNX count_include_pad=0 (its default).
        addPadding(attrs, opts.padding(), shape(x), opts.filterHeight(), opts.filterWidth(), opts.strideH(), opts.strideW(), 1, 1);
        String out = onnx.apply(onnxOp, onnxOp.toLowerCase(), new String[] {nchw(x)}, attrs.toArray());
        set(o.outputs(0), new Value(activation(out, opts.fusedActivationFunction()), true));
    }

    /** TFLite SAME: total padding so that out = ceil(in / stride), the odd cell at the end (bottom/right). */
    private void addPadding(List<Object> attrs, byte padding, int[] nhwcIn, int kh, int kw, int sh, int sw, int dh, int dw) {
        if (padding == Padding.VALID) {
            attrs.addAll(List.of("pads", new long[] {0, 0, 0, 0}));
        } else if (options.freeSpatialSize()) {
            attrs.addAll(List.of("auto_pad", "SAME_UPPER"));
        } else {
            long[] h = Layouts.samePadding(nhwcIn[1], kh, sh, dh);
            long[] w = Layouts.samePadding(nhwcIn[2], kw, sw, dw);
            attrs.addAll(List.of("pads", new long[] {h[0], w[0], h[1], w[1]}));
        }
    }

    private void fullyConnected(Operator o) {
        FullyConnectedOptions opts = (FullyConnectedOptions) o.builtinOptions(new FullyConnectedOptions());
        int x = o.inputs(0), w = o.inputs(1);
        int b = o.inputsLength() > 2 ? o.inputs(2) : -1;
        int[] ws = shape(w);
        // TFLite flattens the input in its own (NHWC) order to [-1, K].
        String flat = onnx.apply("Reshape", "flatten", new String[] {nhwc(x), onnx.longs("shape", new long[] {-1, ws[1]}, 2)});
        List<String> inputs = new ArrayList<>(List.of(flat, onnx.floats("fc_weights", floatConstant(w, "fully connected weights"), ws[0], ws[1])));
        if (b >= 0) {
            inputs.add(onnx.floats("fc_bias", floatConstant(b, "fully connected bias"), ws[0]));
        }
        String out = onnx.apply("Gemm", "fc", inputs.toArray(String[]::new), "transB", 1L);
        int[] outShape = shape(o.outputs(0));
        if (opts.keepNumDims() || outShape.length != 2) {
            out = onnx.apply("Reshape", "fc_shape", new String[] {out, onnx.longs("shape", Layouts.toLongs(outShape), outShape.length)});
        }
        set(o.outputs(0), new Value(activation(out, opts.fusedActivationFunction()), false));
    }

    private void unary(Operator o, String onnxOp) {
        Value x = value(o.inputs(0));
        set(o.outputs(0), new Value(onnx.apply(onnxOp, onnxOp.toLowerCase(), new String[] {x.name()}), x.nchw()));
    }

    private void binary(Operator o, String onnxOp, byte fused) {
        int a = o.inputs(0), b = o.inputs(1);
        boolean inNchw = wantsNchw(a, b);
        String out = onnx.apply(onnxOp, onnxOp.toLowerCase(), new String[] {operand(a, inNchw), operand(b, inNchw)});
        set(o.outputs(0), new Value(activation(out, fused), inNchw));
    }

    /** NCHW when some variable operand already is, and every variable operand is 4-D. */
    private boolean wantsNchw(int... tensors) {
        boolean any = false;
        for (int t : tensors) {
            if (!isConstant(t)) {
                Value v = value(t);
                if (shape(t).length != 4) {
                    return false;
                }
                any |= v.nchw();
            }
        }
        return any;
    }

    private String operand(int t, boolean inNchw) {
        if (isConstant(t)) {
            return inNchw ? constantNchw(t) : constantAsIs(t);
        }
        return inNchw ? nchw(t) : nhwc(t);
    }

    private void reduce(Operator o, String onnxOp) {
        ReducerOptions opts = (ReducerOptions) o.builtinOptions(new ReducerOptions());
        int x = o.inputs(0);
        int rank = shape(x).length;
        int[] axes = intConstant(o.inputs(1), "reduction axes");
        boolean keep = opts.keepDims();
        boolean inNchw = keep && rank == 4 && value(x).nchw();
        long[] onnxAxes = new long[axes.length];
        for (int i = 0; i < axes.length; i++) {
            int axis = axes[i] < 0 ? axes[i] + rank : axes[i];
            onnxAxes[i] = inNchw ? AXIS_IN_NCHW[axis] : axis;
        }
        String in = inNchw ? nchw(x) : nhwc(x);
        String out;
        if (onnxOp.equals("ReduceSum")) {
            out = onnx.apply(onnxOp, "sum", new String[] {in, onnx.longs("axes", onnxAxes, onnxAxes.length)}, "keepdims", keep ? 1L : 0L);
        } else {
            out = onnx.apply(onnxOp, onnxOp.toLowerCase(), new String[] {in}, "axes", onnxAxes, "keepdims", keep ? 1L : 0L);
        }
        set(o.outputs(0), new Value(out, inNchw));
    }

    private void reshape(Operator o) {
        int x = o.inputs(0);
        long[] target;
        if (o.inputsLength() > 1 && o.inputs(1) >= 0 && isConstant(o.inputs(1))) {
            target = Layouts.toLongs(intConstant(o.inputs(1), "reshape target"));
        } else {
            ReshapeOptions opts = (ReshapeOptions) o.builtinOptions(new ReshapeOptions());
            if (opts == null || opts.newShapeLength() == 0) {
                target = Layouts.toLongs(shape(o.outputs(0)));
            } else {
                target = new long[opts.newShapeLength()];
                for (int i = 0; i < target.length; i++) {
                    target[i] = opts.newShape(i);
                }
            }
        }
        if (options.freeBatch()) {
            target = freeBatchIn(target, o);
        }
        String out = onnx.apply("Reshape", "reshape", new String[] {nhwc(x), onnx.longs("shape", target, target.length)});
        set(o.outputs(0), new Value(out, false));
    }

    private long[] freeBatchIn(long[] target, Operator o) {
        long[] t = target.clone();
        boolean inferred = false;
        for (long d : t) {
            inferred |= d == -1;
        }
        if (t.length > 0 && t[0] == batch && !inferred) {
            t[0] = -1;
            return t;
        }
        if (t.length > 0 && t[0] == -1) {
            return t;
        }
        throw new ProviderException("the batch size of this model cannot be freed: a RESHAPE to "
                + java.util.Arrays.toString(target) + " (" + sub.tensors(o.outputs(0)).name() + ") fixes it",
                "import the model without free-batch");
    }

    private void concatenation(Operator o) {
        ConcatenationOptions opts = (ConcatenationOptions) o.builtinOptions(new ConcatenationOptions());
        int[] ins = new int[o.inputsLength()];
        for (int i = 0; i < ins.length; i++) {
            ins[i] = o.inputs(i);
        }
        boolean inNchw = wantsNchw(ins);
        int rank = shape(o.outputs(0)).length;
        int axis = opts.axis() < 0 ? opts.axis() + rank : opts.axis();
        String[] names = new String[ins.length];
        for (int i = 0; i < ins.length; i++) {
            names[i] = operand(ins[i], inNchw);
        }
        String out = onnx.apply("Concat", "concat", names, "axis", (long) (inNchw ? AXIS_IN_NCHW[axis] : axis));
        set(o.outputs(0), new Value(activation(out, opts.fusedActivationFunction()), inNchw));
    }

    private void stridedSlice(Operator o) {
        StridedSliceOptions opts = (StridedSliceOptions) o.builtinOptions(new StridedSliceOptions());
        if (opts.ellipsisMask() != 0 || opts.newAxisMask() != 0) {
            throw new ProviderException("STRIDED_SLICE with ellipsis or new-axis masks is not supported",
                    "re-export the model without ellipsis/new-axis slicing, or convert it with another tool");
        }
        int x = o.inputs(0);
        int[] begin = intConstant(o.inputs(1), "slice begin");
        int[] end = intConstant(o.inputs(2), "slice end");
        int[] strides = intConstant(o.inputs(3), "slice strides");
        int n = begin.length;
        long[] starts = new long[n], ends = new long[n], axes = new long[n], steps = new long[n];
        List<Long> squeeze = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            axes[i] = i;
            steps[i] = strides[i];
            starts[i] = (opts.beginMask() >> i & 1) != 0 ? (strides[i] > 0 ? 0 : Long.MAX_VALUE) : begin[i];
            ends[i] = (opts.endMask() >> i & 1) != 0 ? (strides[i] > 0 ? Long.MAX_VALUE : Long.MIN_VALUE) : end[i];
            if ((opts.shrinkAxisMask() >> i & 1) != 0) {
                starts[i] = begin[i];
                ends[i] = begin[i] == -1 ? Long.MAX_VALUE : begin[i] + 1;
                steps[i] = 1;
                squeeze.add((long) i);
            }
        }
        String out = onnx.apply("Slice", "slice", new String[] {nhwc(x), onnx.longs("starts", starts, n), onnx.longs("ends", ends, n),
                onnx.longs("axes", axes, n), onnx.longs("steps", steps, n)});
        if (!squeeze.isEmpty()) {
            long[] sq = squeeze.stream().mapToLong(Long::longValue).toArray();
            out = onnx.apply("Squeeze", "squeeze", new String[] {out, onnx.longs("axes", sq, sq.length)});
        }
        set(o.outputs(0), new Value(out, false));
    }

    private void dequantize(Operator o) {
        int x = o.inputs(0);
        if (isConstant(x)) {
            // fp16 weights: widen once at import, the ONNX graph stores float32.
            folded.put(o.outputs(0), floatConstant(x, "dequantized weights"));
            return;
        }
        Value v = value(x);
        set(o.outputs(0), new Value(onnx.apply("Cast", "dequantize", new String[] {v.name()}, "to", (long) TensorProto.DataType.FLOAT_VALUE), v.nchw()));
    }

    // ---------------------------------------------------------------- values, layouts and constants

    private void set(int tensor, Value v) {
        values[tensor] = v;
    }

    private Value value(int t) {
        if (values[t] == null) {
            if (isConstant(t)) {
                values[t] = new Value(constantAsIs(t), false);
            } else {
                throw new ProviderException("tensor " + sub.tensors(t).name() + " is used before any operator produces it",
                        "the TFLite file may be damaged; export it again");
            }
        }
        return values[t];
    }

    private String nchw(int t) {
        Value v = value(t);
        if (v.nchw()) {
            return v.name();
        }
        if (shape(t).length != 4) {
            throw new ProviderException("tensor " + sub.tensors(t).name() + " is not 4-D but feeds an image operator",
                    "this importer needs NHWC 4-D inputs to convolutions and pools");
        }
        return transposed.computeIfAbsent(v.name() + "|nchw", k -> onnx.apply("Transpose", v.name() + "_nchw", new String[] {v.name()}, "perm", TO_NCHW));
    }

    private String nhwc(int t) {
        Value v = value(t);
        if (!v.nchw()) {
            return v.name();
        }
        return transposed.computeIfAbsent(v.name() + "|nhwc", k -> onnx.apply("Transpose", v.name() + "_nhwc", new String[] {v.name()}, "perm", TO_NHWC));
    }

    private boolean isConstant(int t) {
        return folded.containsKey(t) || bufferOf(t) != null;
    }

    private ByteBuffer bufferOf(int t) {
        long index = sub.tensors(t).buffer();
        if (index <= 0 || index >= model.buffersLength()) {
            return null;
        }
        var buffer = model.buffers((int) index);
        if (buffer == null || buffer.dataLength() == 0) {
            return null;
        }
        return buffer.dataAsByteBuffer().slice().order(ByteOrder.LITTLE_ENDIAN);
    }

    private float[] floatConstant(int t, String what) {
        if (folded.get(t) instanceof float[] f) {
            return f;
        }
        ByteBuffer data = bufferOf(t);
        if (data == null) {
            throw new ProviderException(what + " (" + sub.tensors(t).name() + ") are computed at run time; this importer needs them constant",
                    "export the model with constant weights");
        }
        byte type = sub.tensors(t).type();
        int count = data.remaining() / (type == TensorType.FLOAT16 ? 2 : 4);
        float[] out = new float[count];
        switch (type) {
            case TensorType.FLOAT32 -> data.asFloatBuffer().get(out);
            case TensorType.FLOAT16 -> {
                for (int i = 0; i < count; i++) {
                    out[i] = Float.float16ToFloat(data.getShort(2 * i));
                }
            }
            default -> throw new ProviderException(what + " (" + sub.tensors(t).name() + ") have type " + TensorType.name(type)
                    + "; this importer converts float32/float16 models only", "use the float version of the model");
        }
        return out;
    }

    private int[] intConstant(int t, String what) {
        ByteBuffer data = bufferOf(t);
        if (data == null) {
            throw new ProviderException(what + " (" + sub.tensors(t).name() + ") is computed at run time; this importer needs it constant",
                    "export the model with constant shapes and axes");
        }
        byte type = sub.tensors(t).type();
        if (type == TensorType.INT64) {
            long[] l = new long[data.remaining() / 8];
            data.asLongBuffer().get(l);
            int[] out = new int[l.length];
            for (int i = 0; i < l.length; i++) {
                out[i] = Math.toIntExact(l[i]);
            }
            return out;
        }
        int[] out = new int[data.remaining() / 4];
        data.asIntBuffer().get(out);
        return out;
    }

    /** A constant in its TFLite shape (float constants only are used as operands). */
    private String constantAsIs(int t) {
        return constants.computeIfAbsent(t + "|as-is", k -> {
            int[] s = shape(t);
            float[] data = floatConstant(t, "constant");
            return onnx.floats(sub.tensors(t).name(), data, Layouts.toLongs(s.length == 0 && data.length > 1 ? new int[] {data.length} : s));
        });
    }

    /** A constant laid out to broadcast against NCHW values: padded to rank 4 as NHWC broadcasting would, then permuted. */
    private String constantNchw(int t) {
        return constants.computeIfAbsent(t + "|nchw", k -> {
            int[] s = shape(t);
            float[] data = floatConstant(t, "constant");
            if (s.length == 0) {
                return onnx.floats(sub.tensors(t).name(), data);
            }
            int[] s4 = new int[4];
            for (int i = 0; i < 4; i++) {
                s4[i] = i < 4 - s.length ? 1 : s[i - (4 - s.length)];
            }
            float[] p = Layouts.transpose(data, s4, new int[] {0, 3, 1, 2});
            return onnx.floats(sub.tensors(t).name() + "_nchw", p, s4[0], s4[3], s4[1], s4[2]);
        });
    }

    private String activation(String x, byte fused) {
        return switch (fused) {
            case ActivationFunctionType.NONE -> x;
            case ActivationFunctionType.RELU -> onnx.apply("Relu", "relu", new String[] {x});
            case ActivationFunctionType.RELU6 -> onnx.apply("Clip", "relu6", new String[] {x, onnx.floats("zero", new float[] {0f}), onnx.floats("six", new float[] {6f})});
            case ActivationFunctionType.RELU_N1_TO_1 -> onnx.apply("Clip", "relu_n1_1", new String[] {x, onnx.floats("minus_one", new float[] {-1f}), onnx.floats("one", new float[] {1f})});
            case ActivationFunctionType.TANH -> onnx.apply("Tanh", "tanh", new String[] {x});
            default -> throw new ProviderException("fused activation " + ActivationFunctionType.name(fused) + " is not supported",
                    "re-export the model without that fused activation");
        };
    }

    private static byte fusedOf(Operator o) {
        // ADD/SUB/MUL/DIV options all start with fused_activation_function (field 0).
        var t = o.builtinOptions(new org.tensorflow.lite.schema.AddOptions());
        return t == null ? ActivationFunctionType.NONE : ((org.tensorflow.lite.schema.AddOptions) t).fusedActivationFunction();
    }

    private int[] shape(int t) {
        Tensor tensor = sub.tensors(t);
        int[] s = new int[tensor.shapeLength()];
        for (int i = 0; i < s.length; i++) {
            s[i] = tensor.shape(i);
        }
        return s;
    }

    private void checkFloat(int t) {
        byte type = sub.tensors(t).type();
        if (type != TensorType.FLOAT32) {
            throw new ProviderException("model input " + sub.tensors(t).name() + " has type " + TensorType.name(type)
                    + "; this importer converts float models only (no integer quantisation)", "use the float version of the model");
        }
    }

    private static int onnxType(byte tfliteType) {
        return switch (tfliteType) {
            case TensorType.FLOAT32, TensorType.FLOAT16 -> TensorProto.DataType.FLOAT_VALUE;
            case TensorType.INT32 -> TensorProto.DataType.INT32_VALUE;
            case TensorType.INT64 -> TensorProto.DataType.INT64_VALUE;
            case TensorType.BOOL -> TensorProto.DataType.BOOL_VALUE;
            case TensorType.UINT8 -> TensorProto.DataType.UINT8_VALUE;
            case TensorType.INT8 -> TensorProto.DataType.INT8_VALUE;
            default -> throw new ProviderException("tensor type " + TensorType.name(tfliteType) + " is not supported",
                    "use a float model");
        };
    }
}
