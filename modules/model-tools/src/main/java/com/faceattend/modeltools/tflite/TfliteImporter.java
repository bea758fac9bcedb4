package com.faceattend.modeltools.tflite;

import com.faceattend.spi.ProviderException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Imports a TFLite file from disk into an ONNX file beside it or at a chosen path. */
public final class TfliteImporter {
    private TfliteImporter() {
    }

    /** What an import produced. */
    public record Result(Path onnx, int operators, long bytes) { }

    /**
     * Converts {@code tflite} into {@code onnx}. The ONNX file appears only when the whole conversion
     * succeeded (written to a temporary file, then moved), so a failure never leaves half a model.
     *
     * @throws ProviderException naming the problem (unreadable file, unsupported operators, ...)
     */
    public static Result importFile(Path tflite, Path onnx, TfliteToOnnx.Options options) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(tflite);
        } catch (IOException e) {
            throw new ProviderException("cannot read " + tflite + ": " + e.getMessage(), "check the path and its permissions", e);
        }
        byte[] converted = TfliteToOnnx.convert(bytes, options, tflite.getFileName().toString());
        try {
            Path dir = onnx.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".import-", ".onnx.part");
            try {
                Files.write(tmp, converted);
                Files.move(tmp, onnx, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new ProviderException("cannot write " + onnx + ": " + e.getMessage(), "choose a writable output path (--output)", e);
        }
        return new Result(onnx, TfliteToOnnx.operators(bytes).size(), converted.length);
    }

    /** {@code model.tflite} -> {@code model.onnx} in the same folder. */
    public static Path defaultOutput(Path tflite) {
        String name = tflite.getFileName().toString();
        String stem = name.toLowerCase().endsWith(".tflite") ? name.substring(0, name.length() - ".tflite".length()) : name;
        return tflite.resolveSibling(stem + ".onnx");
    }
}
