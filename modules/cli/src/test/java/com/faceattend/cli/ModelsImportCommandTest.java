package com.faceattend.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code faceattend models import}: a real TFLite model in, a loadable ONNX model out; bad input named, nothing written. */
class ModelsImportCommandTest {
    /** The TFLite sources the models build fetched and verified (never committed). */
    private static Path fetched(String name) {
        Path p = Path.of("../../models/target/tflite", name + ".tflite");
        assertTrue(Files.isRegularFile(p), p.toAbsolutePath() + " missing: build the models module first");
        return p;
    }

    @Test
    void importsTheOnetTfliteIntoAnOnnxModelOnnxRuntimeLoads(@TempDir Path dir) throws Exception {
        Path tflite = Files.copy(fetched("mtcnn_onet"), dir.resolve("onet.tflite"));
        Cli.Result r = Cli.run(dir.resolve("data"), "models", "import", tflite.toString());
        assertEquals(ExitCode.OK, r.exitCode(), r.toString());
        Path onnx = dir.resolve("onet.onnx");
        assertTrue(r.out().contains(onnx.toString()), r.out());
        try (OrtSession s = OrtEnvironment.getEnvironment().createSession(onnx.toString(), new OrtSession.SessionOptions())) {
            assertEquals(3, s.getNumOutputs(), "prob, box regression, landmarks");
        }
        Cli.Result again = Cli.run(dir.resolve("data"), "models", "import", tflite.toString());
        assertEquals(ExitCode.BAD_INPUT, again.exitCode(), "an existing output is not overwritten without --force");
        assertTrue(again.err().contains("--force"), again.err());
    }

    @Test
    void aFileThatIsNotTfliteIsRefusedAndNothingIsWritten(@TempDir Path dir) throws Exception {
        Path bogus = Files.writeString(dir.resolve("notes.tflite"), "just some text, not a model");
        Cli.Result r = Cli.run(dir.resolve("data"), "models", "import", bogus.toString());
        assertEquals(ExitCode.BAD_INPUT, r.exitCode(), r.toString());
        assertTrue(r.err().contains("error: ") && r.err().contains("not a TFLite model"), r.err());
        assertTrue(r.err().contains("fix: "), r.err());
        assertFalse(Files.exists(dir.resolve("notes.onnx")));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.filter(p -> !p.getFileName().toString().equals("data")).count(), "no partial file left behind");
        }
    }
}
