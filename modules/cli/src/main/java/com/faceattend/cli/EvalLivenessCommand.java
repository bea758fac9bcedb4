package com.faceattend.cli;

import com.faceattend.spi.support.BgrImages;
import com.faceattend.engine.pipeline.FacePipeline;
import com.faceattend.spi.Problem;
import com.faceattend.suite.SuiteServices;
import com.faceattend.engine.pipeline.PipelineSettings;
import com.faceattend.engine.station.StationSettings;
import com.faceattend.engine.station.TrackLiveness;
import com.faceattend.onnx.EyeBlinkLivenessCheckProvider;
import com.faceattend.onnx.antispoof.FaceAntiSpoofingCheckProvider;
import com.faceattend.evaluation.LivenessEvaluation;
import com.faceattend.evaluation.LivenessMetrics;
import com.faceattend.evaluation.LivenessSet;
import com.faceattend.evaluation.PresentationScore;
import com.faceattend.evaluation.SubjectSplitResult;
import com.faceattend.spi.DetectedFace;
import com.faceattend.spi.FrameImage;
import com.faceattend.spi.LivenessCheck;
import com.faceattend.spi.ProviderException;
import com.faceattend.spi.ProviderSettings;
import com.faceattend.suite.SuiteSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code faceattend eval liveness}: ISO/IEC 30107-3 error rates of a liveness check on labelled live and
 * attack images, through the station's own path (frame width limit, detector, face size gate, liveness
 * provider and its crop).
 */
@Command(name = "liveness", description = {
    "Liveness error rates (ISO/IEC 30107-3) on live and attack photos, through the station's detector and liveness check.",
    "APCER = attacks accepted (per attack type and pooled), BPCER = live people rejected, at --threshold and at",
    "APCER 1/5/10 %%; 95 %% Wilson intervals; images where no face is found are counted apart.",
    "Also: each half of the subjects judged at the threshold set on the other half (BPCER <= 5 %%)."})
final class EvalLivenessCommand implements Callable<Integer> {
    @ParentCommand
    EvalCommand parent;
    @Spec
    CommandSpec spec;
    @Option(names = "--live", paramLabel = "DIR", description = "Folder of live (bona fide) photos.")
    Path liveDir;
    @Option(names = "--spoof", paramLabel = "DIR", description = "Folder of attack photos; its sub-folders, if any, name the attack types.")
    Path spoofDir;
    @Option(names = "--manifest", paramLabel = "FILE", description = "CSV with columns file,label(live|spoof)[,attack_type][,subject][,source]; files relative to it.")
    Path manifest;
    @Option(names = "--threshold", description = "Live score needed (default: the station's, ${DEFAULT-VALUE}).")
    double threshold = StationSettings.defaults().livenessThreshold();
    @Option(names = "--liveness", paramLabel = "ID", description = {"Liveness provider id (default: ${DEFAULT-VALUE});",
        "also expo-antispoofing, the withdrawn anti-spoofing model (options input=signed)."})
    String livenessId = SuiteSettings.DEFAULT_LIVENESS;
    @Option(names = "--liveness-option", paramLabel = "KEY=VALUE", description = "Option for the liveness provider, e.g. crop=fit (repeatable).")
    Map<String, String> livenessOptions = new LinkedHashMap<>();
    @Option(names = "--detector", paramLabel = "ID", description = "Face detector provider id (default: ${DEFAULT-VALUE}).")
    String detectorId = SuiteSettings.DEFAULT_DETECTOR;
    @Option(names = "--scores", paramLabel = "FILE", description = "Also write each image's score to this CSV file.")
    Path scoresFile;
    @Option(names = "--track", paramLabel = "N", description = {"Also judge tracks: runs of N consecutive images of one subject",
        "(image sequences, in file-name order) by the station's rule, the mean of the frame scores."})
    int trackFrames;
    @Option(names = "--blink", description = "With --track: a track must also show a blink (eye-blink check) to count as live.")
    boolean blink;
    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        LivenessSet set = readSet();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (set.live() == 0 || set.attacks() == 0) {
            throw new Problem(Problem.Kind.BAD_INPUT, "need both live and attack images, found " + set.live() + " live and "
                    + set.attacks() + " attack(s)", "check --live/--spoof or the manifest's label column");
        }
        List<Path> missing = set.missing();
        if (!missing.isEmpty()) {
            throw new Problem(Problem.Kind.BAD_INPUT, missing.size() + " image(s) named are missing, e.g. " + missing.get(0),
                    "check the manifest's file column (paths are relative to the manifest)");
        }
        if (blink && trackFrames < 1) {
            throw new Problem(Problem.Kind.BAD_VALUE, "--blink judges tracks, so it needs --track N", "add for example --track 5");
        }
        try (SuiteServices suite = parent.app.openSuite(); FacePipeline pipeline = openPipeline(suite)) {
            List<PresentationScore> scores = score(pipeline, set, suite, err);
            if (scoresFile != null) {
                writeScores(scores);
            }
            LivenessEvaluation result = LivenessMetrics.evaluate(scores, threshold);
            SubjectSplitResult split = LivenessMetrics.subjectCrossValidated(scores, LivenessMetrics.BPCER_TARGET);
            LivenessEvaluation tracks = trackFrames > 0 ? LivenessMetrics.evaluate(trackScores, threshold) : null;
            if (json) {
                out.println("{\"liveness\": \"" + livenessId + "\", \"options\": \"" + livenessOptions + "\",\n\"atThreshold\": "
                        + result.toJson() + ",\n\"subjectSplit\": " + split.toJson()
                        + (tracks == null ? "" : ",\n\"tracks\": {\"frames\": " + trackFrames + ", \"blink\": " + blink
                        + ", \"result\": " + tracks.toJson() + "}") + "}");
            } else {
                out.println("Liveness check " + livenessId + (livenessOptions.isEmpty() ? "" : " " + livenessOptions)
                        + ", detector " + detectorId);
                out.print(result.summary());
                out.print(split.summary());
                if (tracks != null) {
                    out.printf(Locale.ROOT, "Tracks of %d consecutive images of one subject%s, judged on the mean score:%n",
                            trackFrames, blink ? " that must also show a blink" : "");
                    out.print(tracks.summary());
                }
            }
            out.flush();
            return ExitCode.OK;
        }
    }

    private LivenessSet readSet() throws IOException {
        if ((manifest == null) == (liveDir == null || spoofDir == null)) {
            throw new Problem(Problem.Kind.BAD_VALUE, "give either --manifest FILE or both --live DIR and --spoof DIR",
                    "for example: faceattend eval liveness --live photos/live --spoof photos/attacks");
        }
        try {
            if (manifest != null) {
                if (!Files.isRegularFile(manifest)) {
                    throw new Problem(Problem.Kind.BAD_INPUT, "manifest " + manifest + " not found", "check the path");
                }
                return LivenessSet.fromManifest(manifest);
            }
            for (Path d : List.of(liveDir, spoofDir)) {
                if (!Files.isDirectory(d)) {
                    throw new Problem(Problem.Kind.BAD_INPUT, "folder " + d + " not found", "check the path");
                }
            }
            return LivenessSet.fromFolders(liveDir, spoofDir);
        } catch (IllegalArgumentException e) {
            throw new Problem(Problem.Kind.BAD_INPUT, e.getMessage(), "fix the manifest: a header line file,label,... and one image per line");
        }
    }

    /** The station's detector and the chosen liveness check, through the same {@link FacePipeline}. */
    private FacePipeline openPipeline(SuiteServices suite) {
        ProviderSettings ps = ProviderSettings.defaults();
        ProviderSettings options = new ProviderSettings(ps.intraOpThreads(), livenessOptions);
        // The withdrawn anti-spoofing model is not offered to stations, but stays measurable (README "Liveness").
        LivenessCheck liveness = livenessId.equals(FaceAntiSpoofingCheckProvider.ID)
                ? new FaceAntiSpoofingCheckProvider().create(options) : suite.providers().liveness(livenessId).create(options);
        return suite.openPipeline(detectorId, SuiteSettings.DEFAULT_EMBEDDER, liveness, PipelineSettings.defaults());
    }

    /** Each track's verdict, filled by {@link #score} when {@code --track} is given. */
    private final List<PresentationScore> trackScores = new ArrayList<>();

    /**
     * Each image as the station sees a frame: width limited, the largest face, if large enough, checked.
     * With {@code --track}, runs of images of one subject are also judged as tracks.
     */
    private List<PresentationScore> score(FacePipeline pipeline, LivenessSet set, SuiteServices suite, PrintWriter err) {
        int maxWidth = StationSettings.defaults().maxFrameWidth();
        Console.Progress progress = new Console.Progress(err, "Checking", set.images().size(), FaceAttendCli.of(spec).progressStyle(json));
        List<PresentationScore> scores = new ArrayList<>();
        List<List<LivenessSet.Image>> tracks = trackFrames > 0 ? sequences(set, trackFrames) : List.of();
        Map<LivenessSet.Image, Integer> trackOf = new java.util.HashMap<>();
        for (int t = 0; t < tracks.size(); t++) {
            for (LivenessSet.Image img : tracks.get(t)) {
                trackOf.put(img, t);
            }
        }
        float[][] frameScores = new float[tracks.size()][];
        float[] blinked = new float[tracks.size()];
        try (LivenessCheck blinkCheck = blink && trackFrames > 0 ? suite.providers().liveness(EyeBlinkLivenessCheckProvider.ID)
                .create(ProviderSettings.defaults()) : null) {
            for (LivenessSet.Image img : set.images()) {
                double score = Double.NaN;
                Integer track = trackOf.get(img);
                try {
                    FrameImage frame = BgrImages.limitWidth(Photos.read(img.file()), maxWidth);
                    Optional<DetectedFace> face = Photos.largest(pipeline.detect(frame)).filter(pipeline::largeEnough);
                    if (face.isPresent()) {
                        score = pipeline.liveness(frame, face.get()).orElseThrow().liveScore();
                        if (blinkCheck != null && track != null) {
                            blinked[track] = blinkCheck.check(frame, face.get(), track).liveScore();
                        }
                    }
                } catch (ProviderException unreadable) {
                    err.println("warning: " + img.file() + " could not be read (" + unreadable.getMessage() + "): counted as no face found");
                }
                scores.add(new PresentationScore(img.file().getFileName().toString(), img.attack(), img.attackType(), img.subject(), score));
                if (track != null) {
                    List<LivenessSet.Image> members = tracks.get(track);
                    if (frameScores[track] == null) {
                        frameScores[track] = new float[members.size()];
                    }
                    frameScores[track][members.indexOf(img)] = (float) score;
                }
                progress.step(img.file().getFileName().toString());
            }
        }
        for (int t = 0; t < tracks.size(); t++) {
            LivenessSet.Image first = tracks.get(t).get(0);
            float verdict = TrackLiveness.verdict(frameScores[t]);
            if (blink && !Float.isNaN(verdict)) {
                verdict = Math.min(verdict, blinked[t]); // as AllLivenessChecks: every check must pass
            }
            trackScores.add(new PresentationScore(first.file().getFileName() + "+" + (tracks.get(t).size() - 1),
                    first.attack(), first.attackType(), first.subject(), verdict));
        }
        return scores;
    }

    /**
     * Runs of {@code n} consecutive images (set order: file names in natural order) of one known
     * subject, label and attack type; a shorter rest is dropped. Images whose subject is unknown
     * (each its own subject) form no sequence.
     */
    static List<List<LivenessSet.Image>> sequences(LivenessSet set, int n) {
        Map<String, List<LivenessSet.Image>> groups = new LinkedHashMap<>();
        for (LivenessSet.Image img : set.images()) {
            if (!img.subject().equals(img.file().getFileName().toString())) {
                groups.computeIfAbsent(img.subject() + '\u0000' + img.attack() + '\u0000' + img.attackType(), k -> new ArrayList<>()).add(img);
            }
        }
        List<List<LivenessSet.Image>> out = new ArrayList<>();
        for (List<LivenessSet.Image> g : groups.values()) {
            for (int i = 0; i + n <= g.size(); i += n) {
                out.add(List.copyOf(g.subList(i, i + n)));
            }
        }
        return out;
    }

    private void writeScores(List<PresentationScore> scores) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("file,label,attack_type,subject,live_score");
        for (PresentationScore s : scores) {
            lines.add(String.join(",", s.id(), s.attack() ? "spoof" : "live", csv(s.attackType()), csv(s.subject()),
                    Double.isNaN(s.liveScore()) ? "" : String.format(Locale.ROOT, "%.6f", s.liveScore())));
        }
        Files.write(scoresFile, lines, StandardCharsets.UTF_8);
    }

    private static String csv(String v) {
        return v.contains(",") || v.contains("\"") ? '"' + v.replace("\"", "\"\"") + '"' : v;
    }
}
