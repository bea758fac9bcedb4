package com.faceattend.cli;

import com.faceattend.spi.Problem;
import com.faceattend.comparison.ComparisonException;
import com.faceattend.comparison.QuantisationComparison;
import com.faceattend.engine.providers.ProviderRegistry;
import com.faceattend.onnx.UltraFaceDetectorProvider;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;

/** The {@code bench --int8} options and their run: a thin shell over {@link QuantisationComparison}. */
final class BenchInt8 {
    @Option(names = "--int8", required = true,
            description = "Compare each embedder with its int8 variant on the same aligned LFW-format faces: accuracy, mixed templates, time.")
    boolean enabled;
    @Option(names = "--lfw", paramLabel = "DIR", required = true, description = "LFW-format folder (pairs.txt and images/).")
    Path lfw;
    @Option(names = "--pairs-per-fold", paramLabel = "N", description = "At most N pairs per fold (default: all).")
    int perFold;
    // defaultValue, not only the field's value: inside an argument group picocli's help sees no field value ("null")
    @Option(names = "--detector", defaultValue = UltraFaceDetectorProvider.ID,
            description = "Detector that finds the faces, the same for both embedders (default: ${DEFAULT-VALUE}).")
    String detector = UltraFaceDetectorProvider.ID;

    int run(ProviderRegistry registry, PrintWriter out, PrintWriter err) {
        if (!Files.isRegularFile(lfw.resolve("pairs.txt"))) {
            throw new Problem(Problem.Kind.BAD_INPUT, lfw.resolve("pairs.txt") + " not found", "point --lfw at an LFW-format folder (pairs.txt, images/)");
        }
        try {
            QuantisationComparison comparison = new QuantisationComparison(registry, lfw, line -> {
                err.println(line);
                err.flush();
            });
            List<QuantisationComparison.Row> rows = comparison.run(detector, perFold);
            out.printf(Locale.ROOT, "Float vs int8 embedders — %d cores, Java %s, %s; faces by %s, no mirrored-face averaging%n%n",
                    Runtime.getRuntime().availableProcessors(), Runtime.version(), System.getProperty("os.arch"), detector);
            out.print(QuantisationComparison.markdown(rows));
            out.flush();
            return ExitCode.OK;
        } catch (ComparisonException e) {
            throw new Problem(Problem.Kind.BAD_INPUT, e.getMessage(), e.fix());
        }
    }
}
