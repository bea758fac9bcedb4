package com.faceattend.comparison;

import com.faceattend.engine.providers.ProviderRegistry;
import com.faceattend.evaluation.VerificationResult;
import com.faceattend.spi.FaceDetectorProvider;
import com.faceattend.spi.FaceEmbedderProvider;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * {@code faceattend bench --compare}: every installed detector x embedder (enumerated through the
 * {@link ProviderRegistry}, so new providers join without changes here) and two outside references, OpenCV
 * LBPH with a Haar cascade and face-api.js, measured one after the other on the same photos in one process.
 * See {@link ComparisonRow} for the columns and {@link Ranking} for the order.
 */
public final class PipelineComparison {
    private final ProviderRegistry registry;
    private final ComparisonDatasets data;
    private final ComparisonSettings settings;
    private final Consumer<String> progress;

    /** @param progress receives one line per step (for a console); never null */
    public PipelineComparison(ProviderRegistry registry, ComparisonDatasets data, ComparisonSettings settings, Consumer<String> progress) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.data = Objects.requireNonNull(data, "data");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    /** Runs everything and ranks it; {@code defaultDetector}/{@code defaultEmbedder} name the product's default pipeline. */
    public ComparisonReport run(String defaultDetector, String defaultEmbedder) {
        DetectionBenchmark detection = new DetectionBenchmark(data.detection());
        VerificationBenchmark lfw = new VerificationBenchmark(data.lfw());
        IdentificationBenchmark faces94 = new IdentificationBenchmark(data.faces94());
        VideoBenchmark video = new VideoBenchmark(registry, data.video());
        Map<String, DetectionBenchmark.Score> byDetector = new HashMap<>();
        List<ComparisonRow> rows = new ArrayList<>();
        List<String> scoring = new ArrayList<>();
        int limit = settings.limit();

        List<FaceDetectorProvider> detectors = registry.detectors();
        List<FaceEmbedderProvider> embedders = registry.embedders();
        for (FaceDetectorProvider d : detectors) {
            for (FaceEmbedderProvider e : embedders) {
                String name = d.info().id() + " + " + e.info().id();
                ComparisonRow row = measure(name, d.info().id(), e.info().id(), true,
                        () -> new PipelineContender(d, e), detection, byDetector, lfw, limit, faces94, limit, video, limit);
                rows.add(row);
                if (row.measured() && scoring.stream().noneMatch(s -> s.startsWith("Provider rows"))) {
                    scoring.add("Provider rows: " + row.scoring() + " (the product's pipeline; liveness left out since no reference has one).");
                }
            }
        }
        ComparisonRow lbph = measure("OpenCV LBPH", "opencv-haar (reference)", "opencv-lbph (reference)", false,
                () -> new LbphContender(registry), detection, byDetector, lfw, limit, faces94, limit, video, limit);
        rows.add(lbph);
        scoring.add("OpenCV LBPH reference (Bytedeco opencv_face " + org.bytedeco.opencv.global.opencv_core.CV_VERSION + "): Haar cascade "
                + "haarcascade_frontalface_default at full resolution, minNeighbors 5, scaleFactor 1.1; scored by "
                + (lbph.measured() ? lbph.scoring() : "LBPH distance") + "; LFW accuracy and TAR use these distances with the same k-fold protocol.");

        int apiPairs = ComparisonSettings.cap(limit, settings.faceApiPairsPerFold());
        int apiFrames = ComparisonSettings.cap(limit, settings.faceApiVideoFrames());
        if (settings.faceApi()) {
            ComparisonRow api = measure("face-api.js", "face-api.js ssd-mobilenetv1 (reference)", "face-api.js resnet-128 (reference)", false,
                    () -> new FaceApiContender(settings.faceApiCache()), detection, byDetector, lfw, apiPairs, faces94, limit, video, apiFrames);
            rows.add(api);
            scoring.add("face-api.js reference (@vladmandic/face-api 1.7.15, pinned by package-lock.json and faceapi.lock; installed in "
                    + settings.faceApiCache() + "): " + (api.measured() ? api.scoring() : "Euclidean distance")
                    + (apiPairs != limit ? String.format(Locale.ROOT, "; LFW on a subset: the first %d pairs of each fold (%d pairs), video %d frames, "
                    + "because the WASM backend takes about 0.5 s per photo", apiPairs, api.lfwPairs(), api.videoFrames()) : "")
                    + "; stage times measured inside Node, fps in Java including the pipe.");
        } else {
            rows.add(ComparisonRow.failed("face-api.js ssd-mobilenetv1 (reference)", "face-api.js resnet-128 (reference)", false,
                    "skipped (--no-faceapi)"));
        }

        List<ComparisonRow> ranked = Ranking.rank(rows);
        List<String> notes = new ArrayList<>();
        notes.add(String.format(Locale.ROOT, "Machine: %d cores, Java %s, %s; every row measured one after the other in this process; "
                + "ONNX providers use 2 intra-op threads (ProviderSettings default). Compare ratios, not absolute times.",
                Runtime.getRuntime().availableProcessors(), Runtime.version(), System.getProperty("os.arch")));
        notes.add("Detection: " + data.detection() + ", labelled boxes.csv faces matched one to one at IoU >= 0.5; dogs.jpg counts every box as a false positive; "
                + "the unlabelled crowd photos are left out. Shared by rows with the same detector.");
        notes.add("LFW-dev: " + data.lfw() + (limit == 0 ? ", all pairs" : ", first " + limit + " pairs of each fold")
                + "; accuracy = mean over folds with the threshold chosen on the other folds; TAR at FAR 1e-3 over all pairs used "
                + "(with 3,000 pairs: at most 1 of 1,500 different pairs accepted); a photo without a face leaves its pairs unscored (wrong if same).");
        notes.add("faces94: " + data.faces94() + ", first " + IdentificationBenchmark.ENROL + " photos of each " + (limit == 0 ? "person" : "of the first " + limit + " people")
                + " enrolled, the rest probe (rank-1); unknown_not_enrolled photos are strangers, rejected at each row's own threshold that turns away 1 % of known probes.");
        notes.add("ms per stage and fps: on " + data.video() + " (640x360), every frame: read, detect, template every face, match against the "
                + "ref_* stills; the station adds tracking, liveness and frame skipping on top. detect ms = median per frame; embed ms = median per face "
                + "(landmarks/alignment included). Enrol photos/s on faces94's enrolment photos (decode, detect, template).");
        notes.addAll(scoring);
        return new ComparisonReport(ranked, Ranking.explain(rows, defaultDetector, defaultEmbedder), notes);
    }

    private ComparisonRow measure(String label, String detectorId, String embedderId, boolean installed, Supplier<Contender> open,
                                  DetectionBenchmark detection, Map<String, DetectionBenchmark.Score> byDetector,
                                  VerificationBenchmark lfw, int lfwPerFold, IdentificationBenchmark faces94, int people,
                                  VideoBenchmark video, int frames) {
        progress.accept("== " + label);
        try (Contender c = open.get()) {
            DetectionBenchmark.Score det = byDetector.get(c.detector());
            if (det == null) {
                progress.accept("   detection set");
                det = detection.run(c);
                byDetector.put(c.detector(), det);
            }
            progress.accept("   LFW-dev");
            VerificationResult v = lfw.run(c, lfwPerFold, line -> progress.accept("   " + line));
            double tar = VerificationBenchmark.tarAtFar(v);
            progress.accept(String.format(Locale.ROOT, "   LFW-dev accuracy %.4f, TAR@1e-3 %.4f; faces94", v.meanAccuracy(), tar));
            IdentificationBenchmark.Score id = faces94.run(c, people);
            progress.accept(String.format(Locale.ROOT, "   faces94 rank-1 %.4f, unknown rejected %.4f; video", id.rank1(), id.unknownRejected()));
            c.times().clear(); // stage medians come from the clip's frames only, the same pixels for every row
            VideoBenchmark.Score fps = video.run(c, frames);
            progress.accept(String.format(Locale.ROOT, "   %.1f fps over %d frames", fps.framesPerSecond(), fps.frames()));
            String embedStage = c instanceof PipelineContender ? PipelineContender.EMBED
                    : c instanceof LbphContender ? LbphContender.EMBED : FaceApiContender.EMBED;
            return new ComparisonRow(c.detector(), c.embedder(), installed, det.recall(), det.precision(), v.meanAccuracy(), tar, v.pairs(),
                    id.rank1(), id.unknownRejected(), c.times().median("detect"), c.times().median(embedStage),
                    fps.framesPerSecond(), fps.frames(), id.enrolPhotosPerSecond(), c.scoring(), null);
        } catch (ReferenceUnavailableException e) {
            progress.accept("   not run: " + e.problem() + " (fix: " + e.fix() + ")");
            return ComparisonRow.failed(detectorId, embedderId, installed, clean(e.problem() + " — " + e.fix()));
        } catch (RuntimeException e) {
            progress.accept("   failed: " + e);
            return ComparisonRow.failed(detectorId, embedderId, installed, clean("failed: " + e.getMessage()));
        }
    }

    private static String clean(String s) {
        return s.replace('|', '/').replace('\n', ' ');
    }
}
