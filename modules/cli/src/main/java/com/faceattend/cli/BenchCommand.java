package com.faceattend.cli;

import com.faceattend.suite.SuiteServices;
import com.faceattend.suite.SuiteSettings;
import com.faceattend.spi.Problem;
import com.faceattend.engine.gallery.GalleryIndex;
import com.faceattend.engine.pipeline.FacePipeline;
import com.faceattend.engine.pipeline.PipelineSettings;
import com.faceattend.comparison.StationFrameRate;
import com.faceattend.evaluation.PersonFolders;
import com.faceattend.onnx.ArcFaceEmbedder;
import com.faceattend.onnx.ArcFaceEmbedderProvider;
import com.faceattend.onnx.SilentLivenessCheck;
import com.faceattend.onnx.SilentLivenessCheckProvider;
import com.faceattend.onnx.UltraFaceDetector;
import com.faceattend.onnx.UltraFaceDetectorProvider;
import com.faceattend.spi.AlignedFace;
import com.faceattend.spi.DetectedFace;
import com.faceattend.spi.Embedding;
import com.faceattend.spi.FaceLandmarks;
import com.faceattend.spi.FacePrescreen;
import com.faceattend.spi.FrameImage;
import com.faceattend.spi.ProviderSettings;
import com.faceattend.spi.SourceSpec;
import com.faceattend.spi.support.FaceAligner;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code faceattend bench}: per-stage latency on real photos, end-to-end frame rate of a station on a
 * video, and 1:N search time at 1k/10k/100k templates. Figures are medians of repeated runs, measured
 * side by side in one process; compare ratios across machines, not absolute times.
 */
@Command(name = "bench", description = {"Measure per-stage latency, station frame rate on a video, and 1:N search time.",
        "With --compare: every installed detector x embedder and two outside references side by side, written as Markdown and CSV.",
        "With --int8: each embedder against its int8 variant on the same faces."})
final class BenchCommand implements Callable<Integer> {
    @ParentCommand
    FaceAttendCli app;
    @Spec
    CommandSpec spec;

    @Option(names = "--images", description = "Folder of face photos (sub-folders are searched) for stage latency (needed unless --compare).")
    Path images;
    @picocli.CommandLine.ArgGroup(exclusive = false, heading = "%nSide-by-side comparison (--compare):%n")
    BenchCompare compare;
    @picocli.CommandLine.ArgGroup(exclusive = false, heading = "%nFloat against int8 embedders (--int8):%n")
    BenchInt8 int8;
    @Option(names = "--video", description = "Video for the end-to-end station frame rate.")
    Path video;
    @Option(names = "--enroll", paramLabel = "PHOTO", split = ",", description = "Photos to enrol (comma-separated, one person each) before the video run, so faces are recognised.")
    List<Path> enrol = List.of();
    @Option(names = "--one-core", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "With --video: also play the station pacing comparison pinned to core 0 (taskset -c 0, a child process; default: ${DEFAULT-VALUE}).")
    boolean oneCore;
    @Option(names = "--pacing-only", description = "Only the station pacing comparison on --video (and its one-core run unless --no-one-core).")
    boolean pacingOnly;
    @Option(names = "--max-images", description = "Photos to time (default: ${DEFAULT-VALUE}).")
    int maxImages = 60;
    @Option(names = "--gallery-sizes", split = ",", description = "Template counts for the 1:N search (default: ${DEFAULT-VALUE}).")
    int[] gallerySizes = {1_000, 10_000, 100_000};

    @Override
    public Integer call() throws IOException {
        Logging.configure(app.dataDir(), app.verbose); // details go to the log file, not the console
        if (compare != null && compare.enabled) {
            return compare.run(app.providers(), spec.commandLine().getOut(), spec.commandLine().getErr());
        }
        if (int8 != null && int8.enabled) {
            return int8.run(app.providers(), spec.commandLine().getOut(), spec.commandLine().getErr());
        }
        if (pacingOnly) {
            if (video == null) {
                throw new Problem(Problem.Kind.BAD_VALUE, "--pacing-only needs --video", "add --video FILE");
            }
            try (SuiteServices ctx = app.openSuite(); FacePipeline pipeline = ctx.openPipeline(SuiteSettings.defaults(), true)) {
                PacingBench.print(spec.commandLine().getOut(), ctx, pipeline, video, enrol, oneCore ? "all cores" : "as started");
            }
            if (oneCore) {
                PacingBench.pinnedToOneCore(spec.commandLine().getOut(), app.dataDir(), video, enrol);
            }
            return ExitCode.OK;
        }
        if (images == null) {
            throw new Problem(Problem.Kind.BAD_VALUE, "--images is needed", "add --images FOLDER, or use --compare --datasets DIR");
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "FaceAttend bench — %d cores, Java %s, %s%n", Runtime.getRuntime().availableProcessors(),
                Runtime.version(), System.getProperty("os.arch"));
        stageLatency(out);
        if (video != null) {
            videoFrameRate(out);
        }
        searchLatency(out);
        out.flush();
        return ExitCode.OK;
    }

    private void stageLatency(PrintWriter out) throws IOException {
        List<Path> photos = new ArrayList<>();
        for (PersonFolders.Person p : PersonFolders.scan(images).people()) {
            photos.addAll(p.images());
        }
        if (photos.isEmpty()) {
            photos.addAll(PersonFolders.listImages(images));
        }
        if (photos.isEmpty()) {
            throw new Problem(Problem.Kind.BAD_INPUT, "no photos in " + images, "point --images at a folder of face photos");
        }
        // Spread the sample over all people rather than the first few.
        List<Path> sample = new ArrayList<>();
        int step = Math.max(1, photos.size() / maxImages);
        for (int i = 0; i < photos.size() && sample.size() < maxImages; i += step) {
            sample.add(photos.get(i));
        }
        ProviderSettings ps = ProviderSettings.defaults();
        FaceAligner aligner = new FaceAligner();
        GalleryIndex gallery = randomGallery(1_000, 512, 1);
        Timings haar = new Timings();
        Timings detect = new Timings(), landmarks = new Timings(), align = new Timings(), embed = new Timings(),
                liveness = new Timings(), match = new Timings(), decode = new Timings();
        try (UltraFaceDetector detector = new UltraFaceDetectorProvider().create(ps);
             ArcFaceEmbedder embedder = new ArcFaceEmbedderProvider().create(ps);
             SilentLivenessCheck live = new SilentLivenessCheckProvider().create(ps);
             FacePrescreen cascade = app.providers().prescreen("opencv-haar").create(ps)) {
            for (int round = 0; round < 2; round++) {
                boolean warmup = round == 0;
                for (Path p : sample) {
                    FrameImage image = decode.time(warmup, () -> Photos.read(p));
                    haar.time(warmup, () -> cascade.candidates(image));
                    List<UltraFaceDetector.ScoredBox> boxes = detect.time(warmup, () -> detector.detectBoxes(image));
                    if (boxes.isEmpty()) {
                        continue;
                    }
                    UltraFaceDetector.ScoredBox box = boxes.get(0);
                    FaceLandmarks lm = landmarks.time(warmup, () -> detector.locateLandmarks(image, box.box()));
                    AlignedFace aligned = align.time(warmup, () -> aligner.align(image, lm));
                    Embedding e = embed.time(warmup, () -> embedder.embed(aligned));
                    DetectedFace face = new DetectedFace(box.box(), box.score(), lm);
                    liveness.time(warmup, () -> live.check(image, face));
                    match.time(warmup, () -> gallery.search(new Embedding(gallery.modelId(), e.vector()), 1));
                }
            }
        }
        out.printf(Locale.ROOT, "%nPer-stage latency on %d photos from %s (ms, median / p90):%n", sample.size(), images);
        detect.print(out, "detect (UltraFace 320x240)");
        landmarks.print(out, "landmarks (68-point)");
        align.print(out, "align (5-point similarity)");
        embed.print(out, "embed (ArcFace 512-d, one pass)");
        liveness.print(out, "liveness (silent, 128x128)");
        match.print(out, "match (1:N, 1,000 templates)");
        decode.print(out, "(decode photo, not a stage)");
        haar.print(out, "(Haar pre-screen, optional)");
        out.printf(Locale.ROOT, "  %-34s %7.2f ms (median stages, embed counted twice for flip-averaging)%n", "= per face",
                detect.median() + landmarks.median() + align.median() + 2 * embed.median() + liveness.median() + match.median());
    }

    private void videoFrameRate(PrintWriter out) {
        out.printf(Locale.ROOT, "%nStation on %s (tracking + voting, liveness on):%n", video);
        try (SuiteServices ctx = app.openSuite();
                FacePipeline pipeline = ctx.openPipeline(SuiteSettings.defaults(), true)) {
            for (StationFrameRate.Result r : StationFrameRate.measure(pipeline, enrol, Photos::read, ctx.providers(),
                    SourceSpec.parse(video.toString()))) {
                out.printf(Locale.ROOT, "  %-30s %5d frames in %6.2f s = %6.1f fps end to end; recognised %s%n",
                        r.label(), r.frames(), r.seconds(), r.framesPerSecond(), r.recognised());
            }
            BenchDecisionLatency.print(out, pipeline, enrol, ctx.providers(), video);
            PacingBench.print(out, ctx, pipeline, video, enrol, "all cores");
        }
        if (oneCore) {
            PacingBench.pinnedToOneCore(out, app.dataDir(), video, enrol);
        }
    }

    private void searchLatency(PrintWriter out) {
        int cores = Runtime.getRuntime().availableProcessors();
        out.printf(Locale.ROOT, "%n1:N search, 512-d templates, top-1 (ms per probe, median of 50 probes; %s):%n",
                GalleryIndex.searchKernel());
        out.printf(Locale.ROOT, "  %-12s %12s %16s %8s%n", "templates", "1 thread", cores + " threads", "speed-up");
        for (int size : gallerySizes) {
            double single = searchMillis(randomGallery(size, 512, 1));
            double parallel = searchMillis(randomGallery(size, 512, cores));
            out.printf(Locale.ROOT, "  %-12d %12.3f %16.3f %7.2fx%n", size, single, parallel, single / parallel);
        }
    }

    private static double searchMillis(GalleryIndex gallery) {
        Random random = new Random(7);
        Timings t = new Timings();
        for (int i = 0; i < 60; i++) {
            Embedding probe = randomUnit(random, gallery.dimension(), gallery.modelId());
            t.time(i < 10, () -> gallery.search(probe, 1));
        }
        return t.median();
    }

    static GalleryIndex randomGallery(int size, int dim, int threads) {
        GalleryIndex gallery = new GalleryIndex("bench-random", dim, threads);
        Random random = new Random(42);
        for (int i = 0; i < size; i++) {
            // Five templates per person, as after a typical enrolment.
            String person = "P" + (i / 5);
            gallery.add(person, person, randomUnit(random, dim, "bench-random"));
        }
        return gallery;
    }

    private static Embedding randomUnit(Random random, int dim, String modelId) {
        float[] v = new float[dim];
        for (int i = 0; i < dim; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return Embedding.normalised(modelId, v);
    }

    /** Collects durations of one stage. */
    static final class Timings {
        private double[] millis = new double[64];
        private int n;

        <T> T time(boolean warmup, Supplier<T> work) {
            long start = System.nanoTime();
            T result = work.get();
            if (!warmup) {
                if (n == millis.length) {
                    millis = Arrays.copyOf(millis, n * 2);
                }
                millis[n++] = (System.nanoTime() - start) / 1e6;
            }
            return result;
        }

        double median() {
            return percentile(0.5);
        }

        double percentile(double p) {
            if (n == 0) {
                return Double.NaN;
            }
            double[] sorted = Arrays.copyOf(millis, n);
            Arrays.sort(sorted);
            return sorted[Math.min(n - 1, (int) Math.floor(p * n))];
        }

        void print(PrintWriter out, String stage) {
            out.printf(Locale.ROOT, "  %-34s %7.2f / %7.2f ms%n", stage, median(), percentile(0.9));
        }
    }
}
