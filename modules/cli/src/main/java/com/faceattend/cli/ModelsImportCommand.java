package com.faceattend.cli;

import com.faceattend.spi.Problem;
import com.faceattend.modeltools.tflite.TfliteImporter;
import com.faceattend.modeltools.tflite.TfliteToOnnx;
import com.faceattend.spi.ProviderException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code faceattend models import FILE.tflite}: converts a float TFLite model into ONNX (see modules/model-tools/IMPORTER.md). */
@Command(name = "import", description = {"Convert a float TFLite model (.tflite) into an equivalent ONNX model.",
    "Unsupported operators are all named; nothing is written unless the whole model converts."})
final class ModelsImportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Parameters(paramLabel = "FILE.tflite", description = "the TFLite model to convert.")
    Path tflite;
    @Option(names = {"-o", "--output"}, paramLabel = "FILE.onnx", description = "where to write the ONNX model (default: beside the input, .onnx).")
    Path output;
    @Option(names = "--free-size", description = "Leave the input's height and width free (fully convolutional models, e.g. MTCNN P-Net).")
    boolean freeSize;
    @Option(names = "--free-batch", description = "Leave the batch size free (reshapes to the file's batch size become -1).")
    boolean freeBatch;
    @Option(names = "--force", description = "Overwrite an existing output file.")
    boolean force;

    @Override
    public Integer call() {
        if (!Files.isRegularFile(tflite)) {
            throw new Problem(Problem.Kind.BAD_INPUT, "TFLite file " + tflite + " not found", "check the path");
        }
        Path target = output != null ? output : TfliteImporter.defaultOutput(tflite);
        if (Files.exists(target) && !force) {
            throw new Problem(Problem.Kind.BAD_INPUT, target + " already exists", "choose another --output, or add --force to replace it");
        }
        TfliteImporter.Result result;
        try {
            result = TfliteImporter.importFile(tflite, target, new TfliteToOnnx.Options(freeSize, freeBatch));
        } catch (ProviderException e) {
            throw new Problem(Problem.Kind.BAD_INPUT, e.getMessage(), e.fix());
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf("Converted %s (%d distinct TFLite operators) -> %s (%.1f MB)%n", tflite, result.operators(), result.onnx(),
                result.bytes() / 1e6);
        out.flush();
        return ExitCode.OK;
    }
}
