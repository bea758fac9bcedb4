package com.faceattend.cli;

import com.faceattend.suite.SuiteServices;
import com.faceattend.spi.Problem;
import com.faceattend.engine.gallery.GalleryIndex;
import com.faceattend.engine.gallery.OpenSetDecision;
import com.faceattend.engine.pipeline.FacePipeline;
import com.faceattend.engine.pipeline.PipelineSettings;
import com.faceattend.evaluation.EmbeddingFusion;
import com.faceattend.evaluation.FacePair;
import com.faceattend.evaluation.IdentificationMetrics;
import com.faceattend.evaluation.IdentificationProtocol;
import com.faceattend.evaluation.IdentificationResult;
import com.faceattend.evaluation.LfwPairs;
import com.faceattend.evaluation.PersonFolders;
import com.faceattend.evaluation.ProbeEmbedding;
import com.faceattend.evaluation.ScoredPair;
import com.faceattend.evaluation.VerificationMetrics;
import com.faceattend.evaluation.VerificationResult;
import com.faceattend.spi.Embedding;
import com.faceattend.spi.ProviderSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code faceattend eval verify|identify}: accuracy on any folder of labelled photos. */
@Command(name = "eval", description = "Measure accuracy on labelled photos (nothing is written to the database).",
        subcommands = {EvalCommand.Verify.class, EvalCommand.Identify.class, EvalVisitsCommand.class, EvalLivenessCommand.class})
final class EvalCommand {
    @ParentCommand
    FaceAttendCli app;

    /** Embeds every distinct photo once, with a progress bar. */
    static Map<Path, Optional<Embedding>> embedAll(FacePipeline pipeline, List<Path> photos, PrintWriter err, Console.ProgressStyle style) {
        return embedAll(new CentralFaceEmbedder(pipeline), photos, err, style);
    }

    static Map<Path, Optional<Embedding>> embedAll(CentralFaceEmbedder embedder, List<Path> photos, PrintWriter err, Console.ProgressStyle style) {
        Console.Progress progress = new Console.Progress(err, "Embedding", photos.size(), style);
        Map<Path, Optional<Embedding>> out = new HashMap<>();
        for (Path p : photos) {
            out.computeIfAbsent(p, embedder::embed);
            progress.step(p.getFileName().toString());
        }
        return out;
    }

    /** Options every evaluation shares. */
    static final class CommonOptions {
        @Option(names = "--no-flip", description = "Do not average the embedding with that of the mirrored face.")
        boolean noFlip;
        @Option(names = "--json", description = "Print the result as JSON.")
        boolean json;
        @Option(names = "--detector", paramLabel = "ID", description = "Face detector provider id (default: ${DEFAULT-VALUE}; see `faceattend models`).")
        String detector = com.faceattend.suite.SuiteSettings.DEFAULT_DETECTOR;
        @Option(names = "--embedder", paramLabel = "ID", description = "Face embedder provider id (default: ${DEFAULT-VALUE}; see `faceattend models`).")
        String embedder = com.faceattend.suite.SuiteSettings.DEFAULT_EMBEDDER;

        @Option(names = "--detector-option", paramLabel = "KEY=VALUE",
                description = "A detector provider option, e.g. minFaceSize=60 for mtcnn (repeatable; see the provider's documentation).")
        Map<String, String> detectorOptions = new LinkedHashMap<>();

        PipelineSettings pipelineSettings() {
            return PipelineSettings.defaults().withLiveness(false).withFlipAverage(!noFlip);
        }

        /** The pipeline the options name; a detector option the provider refuses is reported as a bad value. */
        FacePipeline openPipeline(SuiteServices suite) {
            ProviderSettings detectorSettings = new ProviderSettings(ProviderSettings.defaults().intraOpThreads(), detectorOptions);
            try {
                return suite.openPipeline(detector, detectorSettings, embedder, null, pipelineSettings());
            } catch (RuntimeException failed) {
                // the registry wraps what the provider threw; an IllegalArgumentException there is its verdict on the options
                Throwable refused = failed;
                while (refused != null && !(refused instanceof IllegalArgumentException)) {
                    refused = refused.getCause();
                }
                if (detectorOptions.isEmpty() || refused == null) {
                    throw failed;
                }
                throw new Problem(Problem.Kind.BAD_VALUE, "detector " + detector + " refuses the options " + detectorOptions + ": "
                        + refused.getMessage(), "give values the detector accepts, or leave --detector-option out", failed);
            }
        }
    }

    @Command(name = "verify", description = "1:1 verification on LFW-format pairs: accuracy (threshold chosen on the other folds), TAR at FAR 1e-2/1e-3.")
    static final class Verify implements Callable<Integer> {
        @ParentCommand
        EvalCommand parent;
        @Spec
        CommandSpec spec;
        @Option(names = "--pairs", required = true, description = "pairs file (LFW format).")
        Path pairs;
        @Option(names = "--images", required = true, description = "images folder: <name>/<name>_<NNNN>.jpg.")
        Path images;
        @Mixin
        CommonOptions options;

        @Override
        public Integer call() throws IOException {
            if (!Files.isRegularFile(pairs)) {
                throw new Problem(Problem.Kind.BAD_INPUT, "pairs file " + pairs + " not found", "check the path");
            }
            LfwPairs lfw = LfwPairs.read(pairs, images);
            List<Path> missing = lfw.missingImages();
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (!missing.isEmpty()) {
                err.printf("warning: %d image(s) named in %s are missing, e.g. %s; their pairs count as failures%n",
                        missing.size(), pairs, missing.get(0));
            }
            try (SuiteServices suite = parent.app.openSuite();
                    FacePipeline pipeline = options.openPipeline(suite)) {
                Map<Path, Optional<Embedding>> embeddings = embedAll(pipeline, lfw.distinctImages(), err, FaceAttendCli.of(spec).progressStyle(options.json));
                List<ScoredPair> scored = new ArrayList<>();
                for (FacePair p : lfw.pairs()) {
                    Optional<Embedding> a = embeddings.get(p.first()), b = embeddings.get(p.second());
                    scored.add(p.scored(a.isPresent() && b.isPresent() ? a.get().cosine(b.get()) : Double.NaN));
                }
                VerificationResult result = VerificationMetrics.evaluate(scored);
                out.println(options.json ? result.toJson() : result.summary());
                out.flush();
                return ExitCode.OK;
            }
        }
    }

    @Command(name = "identify", description = {"1:N identification on a folder with one sub-folder per person.",
        "Closed set: enrol the first K photos (name order) of everyone, probe with the rest: rank-1.",
        "Open set (person-disjoint): of the people with more than K photos, every other one (name order) is enrolled with",
        "their first K photos and probes with the rest; everyone else (and people with K photos or fewer) is a stranger.",
        "Reports FNIR at FPIR 1%% and FPIR/FNIR at the station setting (--accept-strangers), with 95%% Wilson intervals."})
    static final class Identify implements Callable<Integer> {
        @ParentCommand
        EvalCommand parent;
        @Spec
        CommandSpec spec;
        @Option(names = "--dir", required = true, description = "Folder with one sub-folder per person.")
        Path dir;
        @Option(names = "--enroll", required = true, paramLabel = "K", description = "Photos per person to enrol.")
        int enroll;
        @Option(names = "--strangers", paramLabel = "DIR", description = "Extra folder of people never enrolled (one sub-folder each), probed as strangers.")
        Path strangers;
        @Option(names = "--fuse", paramLabel = "ID", description = "Also embed with this second embedder and report the open set of each alone and of both fused (weighted mean of the two cosines).")
        String fuse;
        @Option(names = "--fuse-weights", paramLabel = "W", split = ",", description = "The first embedder's share of the fused cosine, one figure per weight.")
        List<Double> fuseWeights = List.of(0.5);
        @Mixin
        AcceptRuleOption acceptRule;
        @Mixin
        CommonOptions options;

        @Override
        public Integer call() throws IOException {
            if (!Files.isDirectory(dir)) {
                throw new Problem(Problem.Kind.BAD_INPUT, "folder " + dir + " not found", "check the path");
            }
            if (enroll < 1) {
                throw new Problem(Problem.Kind.BAD_VALUE, "--enroll must be at least 1", "for example --enroll 5");
            }
            OpenSetDecision rule = acceptRule.rule();
            PersonFolders folders = PersonFolders.scan(dir);
            PersonFolders extra = strangers == null ? null : PersonFolders.scan(strangers);
            IdentificationProtocol.Split closed = IdentificationProtocol.enrolFirst(folders, enroll);
            IdentificationProtocol.Split open = IdentificationProtocol.openSet(folders, enroll);
            if (extra != null) {
                closed = closed.withStrangers(extra);
                open = open.withStrangers(extra);
            }
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try (SuiteServices suite = parent.app.openSuite();
                    FacePipeline pipeline = options.openPipeline(suite)) {
                List<Path> all = new ArrayList<>();
                folders.people().forEach(p -> all.addAll(p.images()));
                if (extra != null) {
                    extra.people().forEach(p -> all.addAll(p.images()));
                }
                CentralFaceEmbedder embedder = CentralFaceEmbedder.withQualityGate(pipeline);
                Map<Path, Optional<Embedding>> embeddings = embedAll(embedder, all, err, FaceAttendCli.of(spec).progressStyle(options.json));
                IdentificationResult closedResult = evaluate(closed, embeddings, rule, p -> true);
                IdentificationResult openResult = evaluate(open, embeddings, rule, p -> true);
                QualityGateReport gated = new QualityGateReport(embedder.verdicts(), open.probes());
                IdentificationResult openGated = evaluate(open, embeddings, rule, gated::decided);
                String fusion = fuse == null ? null : fusion(suite, all, embeddings, open, rule, err);
                if (options.json) {
                    out.println("{\"closedSet\": " + closedResult.toJson() + ",\n\"openSet\": " + openResult.toJson()
                            + ",\n\"openSetQualityGated\": " + openGated.toJson() + ",\n\"qualityGate\": " + gated.toJson()
                            + (fusion == null ? "" : ",\n\"fusion\": " + fusion) + "}");
                } else {
                    out.println("== " + closed.description());
                    out.println(closedResult.summary());
                    out.println("== " + open.description());
                    out.println(openResult.summary());
                    out.println("== " + open.description() + ", quality gate on (probes it turns away get no decision)");
                    out.println(gated.summary());
                    out.println(openGated.summary());
                    if (fusion != null) {
                        out.println(fusion);
                    }
                }
                out.flush();
                return ExitCode.OK;
            }
        }

        /**
         * The open set with the second embedder alone and fused with the first at each weight, on the same
         * photos (a photo counts as without a face when either embedder found none).
         */
        private String fusion(SuiteServices suite, List<Path> all, Map<Path, Optional<Embedding>> first,
                              IdentificationProtocol.Split open, OpenSetDecision rule, PrintWriter err) {
            Map<Path, Optional<Embedding>> second;
            try (FacePipeline other = suite.openPipeline(options.detector, fuse, List.of(), options.pipelineSettings())) {
                second = embedAll(other, all, err, FaceAttendCli.of(spec).progressStyle(options.json));
            }
            StringBuilder text = new StringBuilder();
            StringBuilder json = new StringBuilder("{");
            text.append("== ").append(open.description()).append(", second embedder ").append(fuse).append(" alone\n");
            IdentificationResult alone = evaluate(open, second, rule, p -> true);
            text.append(alone.summary());
            json.append("\"").append(fuse).append("\": ").append(alone.toJson());
            for (double w : fuseWeights) {
                if (!(w > 0 && w < 1)) {
                    throw new Problem(Problem.Kind.BAD_VALUE, "--fuse-weights must be between 0 and 1, was " + w, "for example --fuse-weights 0.5");
                }
                Map<Path, Optional<Embedding>> fused = new HashMap<>();
                first.forEach((p, a) -> fused.put(p, a.flatMap(x -> second.get(p).map(y -> EmbeddingFusion.fuse(x, y, w)))));
                IdentificationResult r = evaluate(open, fused, rule, p -> true);
                text.append(String.format(java.util.Locale.ROOT, "== same, fused: %.2f x %s + %.2f x %s cosine%n",
                        w, options.embedder, 1 - w, fuse)).append(r.summary());
                json.append(String.format(java.util.Locale.ROOT, ",\n\"fused%.2f\": ", w)).append(r.toJson());
            }
            return options.json ? json.append("}").toString() : text.toString();
        }

        private IdentificationResult evaluate(IdentificationProtocol.Split split, Map<Path, Optional<Embedding>> embeddings,
                                              OpenSetDecision rule, java.util.function.Predicate<Path> decided) {
            Map<String, List<Embedding>> gallery = new LinkedHashMap<>();
            GalleryIndex index = null;
            for (IdentificationProtocol.Enrolment e : split.enrolments()) {
                List<Embedding> templates = new ArrayList<>();
                e.images().forEach(p -> embeddings.get(p).ifPresent(templates::add));
                gallery.put(e.name(), templates);
                for (Embedding t : templates) {
                    index = index == null ? new GalleryIndex(t.modelId(), t.dimension(), 1) : index;
                    index.add(e.name(), e.name(), t);
                }
            }
            List<ProbeEmbedding> probes = new ArrayList<>();
            for (IdentificationProtocol.Probe p : split.probes()) {
                if (!decided.test(p.image())) {
                    continue;
                }
                probes.add(new ProbeEmbedding(p.image().toString(), p.label(), embeddings.get(p.image()).orElse(null)));
            }
            // the station's own rule on the station's own gallery class: the threshold it would use here
            double threshold = index == null ? Double.POSITIVE_INFINITY : rule.threshold(index);
            return IdentificationMetrics.evaluate(gallery, probes, threshold, rule.toString());
        }
    }
}
