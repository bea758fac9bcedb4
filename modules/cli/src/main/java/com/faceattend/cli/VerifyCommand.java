package com.faceattend.cli;

import com.faceattend.suite.SuiteServices;
import com.faceattend.spi.Problem;
import com.faceattend.engine.pipeline.FacePipeline;
import com.faceattend.suite.SuiteSettings;
import com.faceattend.spi.DetectedFace;
import com.faceattend.spi.Embedding;
import com.faceattend.spi.FrameImage;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code faceattend verify A B}: are these the same person? Exit 0 = same, 10 = different. */
@Command(name = "verify", description = {"Compare the largest face in two photos.",
    "Exit code 0 = same person, 10 = different people, 3 = a photo is unusable."})
final class VerifyCommand implements Callable<Integer> {
    @ParentCommand
    FaceAttendCli app;
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "A")
    Path first;
    @Parameters(index = "1", paramLabel = "B")
    Path second;

    @Option(names = "--threshold", description = {"Similarity at or above which they are the same person, 0.2–0.9 (default: ${DEFAULT-VALUE},",
        "the station's rule for one comparison: about 1 different person in N taken for the same, N the saved stranger setting, else 300)."})
    float threshold = SuiteSettings.defaults().verifyThreshold();

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (SuiteServices suite = app.openSuite();
                FacePipeline pipeline = suite.openPipeline(settings(suite.settings()), false)) {
            Embedding a = embedLargest(pipeline, first);
            Embedding b = embedLargest(pipeline, second);
            float similarity = a.cosine(b);
            boolean same = similarity >= threshold;
            if (json) {
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("a", first.toString());
                result.put("b", second.toString());
                result.put("similarity", similarity);
                result.put("threshold", threshold);
                result.put("samePerson", same);
                Console.printJson(out, result);
            } else {
                out.printf("similarity %.3f: %s (threshold %.2f)%n", similarity, same ? "same person" : "different people", threshold);
                out.flush();
            }
            return same ? ExitCode.OK : ExitCode.DIFFERENT_PERSON;
        }
    }

    /** The saved settings; the threshold given here (checked like every saved value), else the saved rule's. */
    private SuiteSettings settings(SuiteSettings saved) {
        threshold = spec.commandLine().getParseResult().hasMatchedOption("--threshold")
                ? SuiteSettings.checkedVerifyThreshold(threshold) : saved.verifyThreshold();
        return saved;
    }

    private static Embedding embedLargest(FacePipeline pipeline, Path photo) {
        FrameImage image = Photos.read(photo);
        DetectedFace face = Photos.largest(pipeline.detect(image)).orElseThrow(() -> new Problem(Problem.Kind.BAD_INPUT, 
                "no face found in " + photo, "use a photo where the face is clearly visible and well lit"));
        return pipeline.embed(image, face);
    }
}
