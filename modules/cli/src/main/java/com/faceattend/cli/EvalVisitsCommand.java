package com.faceattend.cli;

import com.faceattend.comparison.VisitPlayback;
import com.faceattend.engine.gallery.GalleryIndex;
import com.faceattend.engine.gallery.OpenSetDecision;
import com.faceattend.engine.gallery.PersonMatch;
import com.faceattend.engine.pipeline.FacePipeline;
import com.faceattend.engine.pipeline.FaceQualityGate;
import com.faceattend.engine.station.StationSettings;
import com.faceattend.evaluation.ClipVisits;
import com.faceattend.evaluation.IdentificationProtocol;
import com.faceattend.evaluation.PersonFolders;
import com.faceattend.evaluation.PhotoDecision;
import com.faceattend.evaluation.Visit;
import com.faceattend.evaluation.VisitOutcome;
import com.faceattend.evaluation.VisitProtocol;
import com.faceattend.evaluation.VisitResult;
import com.faceattend.spi.Embedding;
import com.faceattend.spi.Problem;
import com.faceattend.spi.SourceSpec;
import com.faceattend.suite.SuiteServices;
import com.faceattend.suite.SuiteSettings;
import java.io.IOException;
import java.io.PrintWriter;
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
import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code faceattend eval visits}: the station's own decisions per visit (a track deciding on several
 * frames), next to the same rule per photo.
 */
@Command(name = "visits", description = {"Per-visit FNIR/FPIR of the station's real decisions, next to the per-photo figures.",
    "Visits: the open set of `eval identify` (person-disjoint; every other person with more than K photos is enrolled with their first K); "
        + "each person's other photos are cut into runs of --visit-length, each run played as consecutive frames through a fresh station "
        + "(the code `run` uses, with the saved station settings). --clip plays a video with the people of its reference stills enrolled, "
        + "then without them. Nothing is written to the database."})
final class EvalVisitsCommand implements Callable<Integer> {
    @ParentCommand
    EvalCommand parent;
    @Spec
    CommandSpec spec;
    @Option(names = "--dir", paramLabel = "DIR", description = "Folder with one sub-folder per person.")
    Path dir;
    @Option(names = "--enroll", paramLabel = "K", description = "Photos per person to enrol.")
    int enroll = 1;
    @Option(names = "--visit-length", paramLabel = "N", description = "Photos per visit (3 = the frames a station needs to recognise someone).")
    int visitLength = 3;
    @Option(names = "--max-visits", paramLabel = "N", description = "At most N visits per person, the first ones; 0 = all.")
    int maxVisits;
    @Option(names = "--strangers", paramLabel = "DIR", description = "Extra folder of people never enrolled (one sub-folder each), visiting as strangers.")
    Path strangers;
    @Option(names = "--clip", paramLabel = "VIDEO", description = "A video to play as well, e.g. the shared Hamilton clip.")
    Path clip;
    @Option(names = "--clip-people", paramLabel = "STILL", split = ",", showDefaultValue = Visibility.NEVER,
            description = "Reference stills of the people in --clip, comma-separated; each file name is the person's code.")
    List<Path> clipPeople = List.of();
    @Option(names = "--liveness", description = "Run the station's liveness check too (off by default: this measures identification; a spoof alert then counts as a miss).")
    boolean liveness;
    @Option(names = "--quality-gate", description = "Consult the station's face quality gate before a frame votes.")
    boolean qualityGate;
    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;
    @Option(names = "--detector", paramLabel = "ID", description = "Face detector provider id (default: the saved setting).")
    String detector;
    @Option(names = "--embedder", paramLabel = "ID", description = "Face embedder provider id (default: the saved setting).")
    String embedder;
    @Mixin
    AcceptRuleOption acceptRule;

    @Override
    public Integer call() throws IOException {
        if (dir == null && clip == null) {
            throw new Problem(Problem.Kind.BAD_VALUE, "nothing to play", "give --dir DIR (a folder with one sub-folder per person), --clip VIDEO, or both");
        }
        checkInput(dir, true, "--dir");
        checkInput(strangers, true, "--strangers");
        checkInput(clip, false, "--clip");
        if (clip != null && clipPeople.isEmpty()) {
            throw new Problem(Problem.Kind.BAD_VALUE, "--clip needs the people in it", "give their reference stills with --clip-people A.png,B.png");
        }
        for (Path still : clipPeople) {
            checkInput(still, false, "--clip-people");
        }
        if (enroll < 1 || visitLength < 1 || maxVisits < 0) {
            throw new Problem(Problem.Kind.BAD_VALUE, "--enroll and --visit-length must be at least 1, --max-visits 0 or more",
                    "for example --enroll 1 --visit-length 3");
        }
        List<Visit> visits = List.of();
        Map<String, List<Path>> enrol = new LinkedHashMap<>();
        String description = "Clip only";
        if (dir != null) {
            IdentificationProtocol.Split split = IdentificationProtocol.openSet(PersonFolders.scan(dir), enroll);
            if (strangers != null) {
                split = split.withStrangers(PersonFolders.scan(strangers));
            }
            split.enrolments().forEach(e -> enrol.put(e.name(), e.images()));
            visits = VisitProtocol.compose(split, visitLength, maxVisits);
            description = "Visits of " + visitLength + " photo(s) (" + (maxVisits == 0 ? "all" : "at most " + maxVisits)
                    + " per person) from the " + split.description();
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (SuiteServices suite = parent.app.openSuite()) {
            SuiteSettings settings = acceptRule.over(suite.settings());
            settings = new SuiteSettings(settings.source(), settings.stationName(), settings.direction(), settings.strangersOneIn(),
                    liveness, settings.livenessThreshold(), settings.cooldown(), settings.processEveryNth(), settings.maxFrameWidth(),
                    detector != null ? detector : settings.detectorId(), embedder != null ? embedder : settings.embedderId(),
                    settings.livenessId());
            StationSettings station = settings.stationSettings();
            OpenSetDecision rule = station.acceptRule();
            try (FacePipeline pipeline = suite.openPipeline(settings, liveness)) {
                VisitPlayback.Enrolled enrolled = VisitPlayback.enrol(pipeline, enrol, Photos::read);
                List<Visit> played = visits.stream().filter(v -> v.stranger() || !enrolled.refused().contains(v.label())).toList();
                GalleryIndex gallery = enrolled.gallery();
                VisitPlayback playback = new VisitPlayback(pipeline, gallery, station, Photos::read)
                        .useQualityGate(qualityGate ? FaceQualityGate.defaults() : null);
                Console.Progress progress = new Console.Progress(err, "Visits", played.size(), FaceAttendCli.of(spec).progressStyle(json));
                List<VisitOutcome> outcomes = new ArrayList<>();
                for (Visit v : played) {
                    outcomes.add(playback.play(v));
                    progress.step(v.id());
                }
                List<PhotoDecision> photos = perPhoto(pipeline, gallery, rule, played, err);
                ClipVisits clipResult = clip == null ? null : playClip(pipeline, suite, enrol, station, gallery);
                double threshold = gallery.templateCount() == 0 ? Double.NaN : rule.threshold(gallery);
                VisitResult result = new VisitResult(description, rule.describe(Locale.ROOT), threshold, gallery.personCount(),
                        gallery.templateCount(), enrolled.refused(), outcomes, photos, clipResult);
                out.println(json ? result.toJson() : result.summary());
                out.flush();
                return ExitCode.OK;
            }
        }
    }

    /** The rule on each visit photo alone: its central face against the same gallery. */
    private List<PhotoDecision> perPhoto(FacePipeline pipeline, GalleryIndex gallery, OpenSetDecision rule, List<Visit> visits, PrintWriter err) {
        CentralFaceEmbedder embedder = new CentralFaceEmbedder(pipeline);
        int total = visits.stream().mapToInt(v -> v.frames().size()).sum();
        Console.Progress progress = new Console.Progress(err, "Photos", total, FaceAttendCli.of(spec).progressStyle(json));
        List<PhotoDecision> decisions = new ArrayList<>();
        for (Visit v : visits) {
            for (Path photo : v.frames()) {
                Optional<Embedding> e = embedder.embed(photo);
                String acceptedAs = null;
                if (e.isPresent() && gallery.templateCount() > 0) {
                    List<PersonMatch> hits = gallery.search(e.get(), 1);
                    PersonMatch best = hits.isEmpty() ? null : hits.get(0);
                    acceptedAs = rule.accepts(best, gallery) ? best.personKey() : null;
                }
                decisions.add(new PhotoDecision(photo, v.label(), acceptedAs));
                progress.step(photo.getFileName().toString());
            }
        }
        return decisions;
    }

    /**
     * The clip with its people enrolled beside the others, then without them: the others' gallery
     * alone, so that every face in it is a stranger.
     */
    private ClipVisits playClip(FacePipeline pipeline, SuiteServices suite, Map<String, List<Path>> others,
                                StationSettings station, GalleryIndex withoutThem) {
        Map<String, List<Path>> all = new LinkedHashMap<>(others);
        List<String> people = new ArrayList<>();
        for (Path still : clipPeople) {
            String code = still.getFileName().toString().replaceFirst("\\.[^.]+$", "");
            people.add(code);
            all.put(code, List.of(still));
        }
        VisitPlayback.Enrolled enrolled = VisitPlayback.enrol(pipeline, all, Photos::read);
        if (!enrolled.refused().isEmpty() && people.stream().anyMatch(enrolled.refused()::contains)) {
            throw new Problem(Problem.Kind.BAD_INPUT, "the enrolment checks refused the still(s) of "
                    + people.stream().filter(enrolled.refused()::contains).toList(), "give sharp frontal stills with one face each");
        }
        SourceSpec source = SourceSpec.parse(clip.toString());
        var open = (java.util.function.Supplier<com.faceattend.spi.FrameSource>) () -> suite.providers().frameSourceFor(source).open(source);
        FaceQualityGate gate = qualityGate ? FaceQualityGate.defaults() : null;
        VisitPlayback.ClipEvents known = new VisitPlayback(pipeline, enrolled.gallery(), station, Photos::read).useQualityGate(gate).play(open);
        VisitPlayback.ClipEvents unknown = new VisitPlayback(pipeline, withoutThem, station, Photos::read).useQualityGate(gate).play(open);
        List<String> recognised = people.stream().filter(known.recognised()::contains).toList();
        List<String> otherCheckIns = known.recognised().stream().filter(c -> !people.contains(c)).toList();
        return new ClipVisits(clip.toString(), people, recognised, otherCheckIns, unknown.recognised(), unknown.strangerAlerts());
    }

    private static void checkInput(Path p, boolean folder, String option) {
        if (p != null && !(folder ? Files.isDirectory(p) : Files.isRegularFile(p))) {
            throw new Problem(Problem.Kind.BAD_INPUT, (folder ? "folder " : "file ") + p + " (" + option + ") not found", "check the path");
        }
    }
}
