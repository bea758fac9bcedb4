package com.faceattend.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The int8 models this build quantises run on ONNX Runtime's integer kernels, not float fallbacks. */
class Int8ModelsTest {

    @Test
    void onnxRuntimeRunsEveryConvolutionOnIntegerKernels(@TempDir Path tmp) throws Exception {
        for (String model : List.of("fr_feature", "mobilefacenet")) {
            long convs = ops(ModelRepository.bundled().read(model)).stream().filter("Conv"::equals).count();
            Path optimised = tmp.resolve(model + "_int8_optimised.onnx");
            try (OrtSession.SessionOptions o = new OrtSession.SessionOptions()) {
                o.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
                o.setOptimizedModelFilePath(optimised.toString());
                OrtEnvironment.getEnvironment().createSession(ModelRepository.bundled().read(model + "_int8"), o).close();
            }
            List<String> fused = ops(Files.readAllBytes(optimised));
            assertEquals(convs, fused.stream().filter("QLinearConv"::equals).count(), model + ": " + fused);
            assertTrue(fused.stream().noneMatch("Conv"::equals), model + " kept a float Conv");
        }
    }

    private static List<String> ops(byte[] model) {
        try {
            return ModelProto.parseFrom(model).getGraph().getNodeList().stream().map(NodeProto::getOpType).toList();
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            throw new AssertionError(e);
        }
    }
}
