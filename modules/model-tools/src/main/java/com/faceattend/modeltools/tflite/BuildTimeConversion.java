package com.faceattend.modeltools.tflite;

import com.faceattend.modeltools.quantize.ActivationRanges;
import com.faceattend.modeltools.quantize.QdqQuantizer;
import com.faceattend.spi.ProviderException;
import com.faceattend.spi.support.Checksums;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Run by the models build (process-classes): converts every {@code .tflite} row of {@code models.lock}
 * (fetched and verified by fetch-models.sh) into {@code NAME.onnx}, and writes {@code converted.lock}
 * with the converted file's SHA-256 so {@code ModelRepository} verifies it at every load like the others.
 *
 * <p>Then quantises: for every calibration table {@code NAME.ranges} in the calibration folder it writes
 * {@code NAME_int8.onnx} with {@link QdqQuantizer} (the table pins the float model's SHA-256) and a
 * converted.lock row for it too.
 *
 * <p>Arguments: models.lock, folder of the fetched NAME.tflite files, output folder for NAME.onnx,
 * calibration folder, then any number of {@code NAME=OPTIONS} (see {@link TfliteToOnnx.Options#parse}),
 * e.g. {@code mtcnn_pnet=free-size}.
 */
public final class BuildTimeConversion {
    private BuildTimeConversion() {
    }

    public static void main(String[] args) throws IOException {
        Path lock = Path.of(args[0]);
        Path tfliteDir = Path.of(args[1]);
        Path onnxDir = Path.of(args[2]);
        Path calibrationDir = Path.of(args[3]);
        Map<String, TfliteToOnnx.Options> options = new HashMap<>();
        for (int i = 4; i < args.length; i++) {
            String[] kv = args[i].split("=", 2);
            options.put(kv[0], TfliteToOnnx.Options.parse(kv.length > 1 ? kv[1] : ""));
        }
        List<String> converted = new ArrayList<>();
        converted.add("# Generated at build time by BuildTimeConversion from the .tflite rows of models.lock and the int8");
        converted.add("# calibration tables (not committed). Columns as in models.lock; the SHA-256 is that of the generated ONNX model.");
        Map<String, String[]> rows = new HashMap<>();
        for (String line : Files.readAllLines(lock, StandardCharsets.UTF_8)) {
            String[] c = line.strip().split("\\s+");
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            rows.put(c[0], c);
            if (!c[3].endsWith(".tflite")) {
                continue;
            }
            String name = c[0];
            Path source = tfliteDir.resolve(name + ".tflite");
            byte[] tflite = Files.readAllBytes(source);
            if (!Checksums.sha256Hex(tflite).equals(c[4])) {
                throw new ProviderException(source + " does not match its SHA-256 in models.lock", "run the build again so fetch-models.sh fetches it anew");
            }
            byte[] onnx = TfliteToOnnx.convert(tflite, options.getOrDefault(name, TfliteToOnnx.Options.defaults()), name);
            Files.createDirectories(onnxDir);
            Files.write(onnxDir.resolve(name + ".onnx"), onnx);
            String[] row = {name, c[1], c[2], c[3] + "->onnx", Checksums.sha256Hex(onnx), c[5]};
            rows.put(name, row);
            converted.add(String.join(" ", row));
            System.out.printf("[faceattend-models] converted %s (%d operators) -> %s.onnx%n", c[3], TfliteToOnnx.operators(tflite).size(), name);
        }
        converted.addAll(quantise(calibrationDir, onnxDir, rows));
        Files.write(onnxDir.getParent().resolve("converted.lock"), converted, StandardCharsets.UTF_8);
    }

    /** One NAME_int8.onnx per calibration table; returns their converted.lock rows. */
    private static List<String> quantise(Path calibrationDir, Path onnxDir, Map<String, String[]> rows) throws IOException {
        List<String> result = new ArrayList<>();
        if (!Files.isDirectory(calibrationDir)) {
            return result;
        }
        List<Path> tables;
        try (Stream<Path> files = Files.list(calibrationDir)) {
            tables = files.filter(f -> f.getFileName().toString().endsWith(".ranges")).sorted().toList();
        }
        for (Path tableFile : tables) {
            ActivationRanges table = ActivationRanges.read(tableFile);
            String[] source = rows.get(table.modelName());
            if (source == null) {
                throw new ProviderException("calibration table " + tableFile + " is for model " + table.modelName() + ", which models.lock does not list",
                        "remove the table or add the model to models.lock");
            }
            byte[] int8 = QdqQuantizer.quantize(Files.readAllBytes(onnxDir.resolve(table.modelName() + ".onnx")), table);
            String name = table.modelName() + "_int8";
            Files.write(onnxDir.resolve(name + ".onnx"), int8);
            result.add(String.join(" ", name, source[1], source[2], source[3] + "->int8", Checksums.sha256Hex(int8), source[5]));
            System.out.printf("[faceattend-models] quantised %s to int8 (%d tensors calibrated on %d faces) -> %s.onnx%n",
                    table.modelName(), table.ranges().size(), table.samples(), name);
        }
        return result;
    }
}
