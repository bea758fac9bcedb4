package com.faceattend.models.tflite;

import com.faceattend.spi.ProviderException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.HashMap;
import java.util.Map;

/**
 * Run by the models build (process-classes): converts every {@code .tflite} row of {@code models.lock}
 * (fetched and verified by fetch-models.sh) into {@code NAME.onnx}, and writes {@code converted.lock}
 * with the converted file's SHA-256 so {@code ModelRepository} verifies it at every load like the others.
 *
 * <p>Arguments: models.lock, folder of the fetched NAME.tflite files, output folder for NAME.onnx,
 * then any number of {@code NAME=OPTIONS} (see {@link TfliteToOnnx.Options#parse}), e.g.
 * {@code mtcnn_pnet=free-size}.
 */
public final class BuildTimeConversion {
    private BuildTimeConversion() {
    }

    public static void main(String[] args) throws IOException {
        Path lock = Path.of(args[0]);
        Path tfliteDir = Path.of(args[1]);
        Path onnxDir = Path.of(args[2]);
        Map<String, TfliteToOnnx.Options> options = new HashMap<>();
        for (int i = 3; i < args.length; i++) {
            String[] kv = args[i].split("=", 2);
            options.put(kv[0], TfliteToOnnx.Options.parse(kv.length > 1 ? kv[1] : ""));
        }
        List<String> converted = new ArrayList<>();
        converted.add("# Generated at build time by BuildTimeConversion from the .tflite rows of models.lock (not committed).");
        converted.add("# Columns as in models.lock; the file SHA-256 is that of the converted ONNX model.");
        for (String line : Files.readAllLines(lock, StandardCharsets.UTF_8)) {
            String[] c = line.strip().split("\\s+");
            if (line.isBlank() || line.startsWith("#") || !c[3].endsWith(".tflite")) {
                continue;
            }
            String name = c[0];
            Path source = tfliteDir.resolve(name + ".tflite");
            byte[] tflite = Files.readAllBytes(source);
            if (!sha256(tflite).equals(c[4])) {
                throw new ProviderException(source + " does not match its SHA-256 in models.lock", "run the build again so fetch-models.sh fetches it anew");
            }
            byte[] onnx = TfliteToOnnx.convert(tflite, options.getOrDefault(name, TfliteToOnnx.Options.defaults()), name);
            Files.createDirectories(onnxDir);
            Files.write(onnxDir.resolve(name + ".onnx"), onnx);
            converted.add(String.join(" ", name, c[1], c[2], c[3] + "->onnx", sha256(onnx), c[5]));
            System.out.printf("[faceattend-models] converted %s (%d operators) -> %s.onnx%n", c[3], TfliteToOnnx.operators(tflite).size(), name);
        }
        Files.write(onnxDir.getParent().resolve("converted.lock"), converted, StandardCharsets.UTF_8);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
