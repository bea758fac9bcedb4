package com.faceattend.cli;

import com.faceattend.suite.SuiteServices;
import com.faceattend.spi.Problem;
import com.faceattend.engine.gallery.GalleryIndex;
import com.faceattend.engine.gallery.OpenSetDecision;
import com.faceattend.engine.gallery.PersonMatch;
import com.faceattend.engine.pipeline.FacePipeline;
import com.faceattend.suite.SuiteSettings;
import com.faceattend.spi.DetectedFace;
import com.faceattend.spi.FrameImage;
import com.faceattend.spi.ProviderException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code faceattend identify}: who is in these photos? */
@Command(name = "identify", description = "Name every face in the photos, or say it is unknown, with its similarity.")
final class IdentifyCommand implements Callable<Integer> {
    @ParentCommand
    FaceAttendCli app;
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "IMAGE", arity = "1..*")
    List<Path> images;

    @Mixin
    AcceptRuleOption acceptRule;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    /** The similarity the rule needs in this gallery, set once the gallery is loaded. */
    private float threshold;
    private OpenSetDecision rule;

    record FaceResult(int face, float[] box, String employeeCode, String name, float similarity, boolean known) { }

    record ImageResult(String image, String error, List<FaceResult> faces) { }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (SuiteServices suite = app.openSuite();
                FacePipeline pipeline = suite.openPipeline(settings(suite.settings()), false)) {
            GalleryIndex gallery = suite.loadGallery(pipeline);
            if (gallery.templateCount() == 0) {
                throw new Problem(Problem.Kind.NOT_FOUND, "nobody is enrolled yet (for model " + pipeline.modelId() + ")",
                        "enrol people first: faceattend enroll --code CODE --name NAME --consent PHOTO...");
            }
            threshold = rule.threshold(gallery);
            List<ImageResult> results = new ArrayList<>();
            int failed = 0;
            for (Path image : images) {
                try {
                    results.add(new ImageResult(image.toString(), null, identify(pipeline, gallery, Photos.read(image))));
                } catch (ProviderException e) {
                    failed++;
                    results.add(new ImageResult(image.toString(), e.getMessage() + ". " + e.fix(), List.of()));
                }
            }
            print(out, results);
            return failed == 0 ? ExitCode.OK : (failed == images.size() ? ExitCode.BAD_INPUT : ExitCode.PARTIAL);
        }
    }

    /** The saved settings with this command's stranger setting, if given (checked like every saved value). */
    private SuiteSettings settings(SuiteSettings saved) {
        SuiteSettings settings = acceptRule.over(saved);
        rule = settings.acceptRule();
        return settings;
    }

    private List<FaceResult> identify(FacePipeline pipeline, GalleryIndex gallery, FrameImage frame) {
        List<DetectedFace> faces = new ArrayList<>(pipeline.detect(frame));
        faces.sort(Comparator.comparingDouble((DetectedFace f) -> f.box().area()).reversed());
        List<FaceResult> out = new ArrayList<>();
        int n = 0;
        for (DetectedFace face : faces) {
            n++;
            float[] box = {face.box().x(), face.box().y(), face.box().width(), face.box().height()};
            List<PersonMatch> hits = gallery.search(pipeline.embed(frame, face), 1);
            PersonMatch best = hits.get(0);
            boolean known = rule.accepts(best, gallery);
            out.add(new FaceResult(n, box, known ? best.personKey() : null, known ? best.displayName() : null,
                    best.similarity(), known));
        }
        return out;
    }

    private void print(PrintWriter out, List<ImageResult> results) {
        if (json) {
            Console.printJson(out, Map.of("threshold", threshold, "acceptStrangersOneIn", rule.oneIn(), "images", results));
            return;
        }
        for (ImageResult r : results) {
            if (r.error() != null) {
                out.printf("%s: error: %s%n", r.image(), r.error());
            } else if (r.faces().isEmpty()) {
                out.printf("%s: no face found%n", r.image());
            }
            for (FaceResult f : r.faces()) {
                out.printf("%s: face %d at (%.0f,%.0f %.0fx%.0f): %s, similarity %.3f%n", r.image(), f.face(),
                        f.box()[0], f.box()[1], f.box()[2], f.box()[3],
                        f.known() ? f.name() + " (" + f.employeeCode() + ")" : "unknown", f.similarity());
            }
        }
        out.flush();
    }
}
