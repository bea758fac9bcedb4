package com.faceattend.cli;

import com.faceattend.spi.Problem;
import com.faceattend.comparison.ComparisonDatasets;
import com.faceattend.comparison.ComparisonException;
import com.faceattend.comparison.ComparisonReport;
import com.faceattend.comparison.ComparisonSettings;
import com.faceattend.comparison.PipelineComparison;
import com.faceattend.engine.providers.ProviderRegistry;
import com.faceattend.suite.SuiteSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The {@code bench --compare} options and their run: a thin shell over {@link PipelineComparison}, which
 * does the work headless.
 */
final class BenchCompare {
    @Option(names = "--compare", required = true,
            description = "Compare every installed detector x embedder, OpenCV LBPH (Haar) and face-api.js on the same data.")
    boolean enabled;
    @Option(names = "--datasets", paramLabel = "DIR", required = true,
            description = "Test-data folder with detection/dlib, lfw-dev, faces94 and video-and-small/video.")
    Path datasets;
    @Option(names = "--out", paramLabel = "DIR", required = true,
            description = "Folder for comparison.md and comparison.csv (created if needed).")
    Path out;
    @Option(names = "--limit", paramLabel = "N",
            description = "At most N LFW pairs per fold, N faces94 people and N video frames per row (default: everything).")
    int limit;
    @Option(names = "--quick", description = "Smoke run: --limit " + ComparisonSettings.QUICK_LIMIT + ", face-api.js on the same items.")
    boolean quick;
    // defaultValue, not only the field's value: inside an argument group picocli's help sees no field value ("null")
    @Option(names = "--faceapi-pairs", paramLabel = "N", defaultValue = "" + ComparisonSettings.FACE_API_PAIRS_PER_FOLD,
            description = "LFW pairs per fold for face-api.js, slow on its WASM backend (default: ${DEFAULT-VALUE}; 0 = as the other rows).")
    int faceApiPairs = ComparisonSettings.FACE_API_PAIRS_PER_FOLD;
    @Option(names = "--no-faceapi", description = "Leave the face-api.js reference out (it needs Node.js, and npm's registry on first use).")
    boolean noFaceApi;
    @Option(names = "--faceapi-cache", paramLabel = "DIR", description = "Where face-api.js is installed (default: ~/.cache/faceattend/faceapi).")
    Path faceApiCache;

    int run(ProviderRegistry registry, PrintWriter stdout, PrintWriter err) throws IOException {
        if (limit < 0 || faceApiPairs < 0) {
            throw new Problem(Problem.Kind.BAD_VALUE, "--limit and --faceapi-pairs must not be negative", "for example --limit 20");
        }
        ComparisonSettings settings = (quick ? ComparisonSettings.quick()
                : new ComparisonSettings(limit, faceApiPairs, ComparisonSettings.full().faceApiVideoFrames(), true, null))
                .withFaceApi(!noFaceApi).withFaceApiCache(faceApiCache);
        try {
            ComparisonDatasets data = ComparisonDatasets.under(datasets);
            PipelineComparison comparison = new PipelineComparison(registry, data, settings, line -> {
                err.println(line);
                err.flush();
            });
            // the default pipeline is what the suite builds for both front ends
            ComparisonReport report = comparison.run(SuiteSettings.DEFAULT_DETECTOR, SuiteSettings.DEFAULT_EMBEDDER);
            List<Path> written = report.write(out);
            stdout.print(report.markdown());
            stdout.println();
            stdout.println("Written: " + written.get(0) + " and " + written.get(1));
            stdout.flush();
            return ExitCode.OK;
        } catch (ComparisonException e) {
            throw new Problem(Problem.Kind.BAD_INPUT, e.getMessage(), e.fix());
        }
    }
}
