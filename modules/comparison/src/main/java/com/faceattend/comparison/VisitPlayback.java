package com.faceattend.comparison;

import com.faceattend.engine.gallery.GalleryIndex;
import com.faceattend.engine.pipeline.FacePipeline;
import com.faceattend.engine.pipeline.FaceQualityGate;
import com.faceattend.engine.pipeline.PhotoSetChecker;
import com.faceattend.engine.station.AttendanceStation;
import com.faceattend.engine.station.DirectionPolicy;
import com.faceattend.engine.station.StationRunner;
import com.faceattend.engine.station.StationSettings;
import com.faceattend.evaluation.Visit;
import com.faceattend.evaluation.VisitOutcome;
import com.faceattend.spi.AttendanceEvent;
import com.faceattend.spi.FrameImage;
import com.faceattend.spi.FrameSource;
import com.faceattend.spi.SourceSpec;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Plays visits through the station's own decision code: an {@link AttendanceStation} with the given
 * settings, driven by a {@link StationRunner} as {@code faceattend run} drives it, one fresh station per
 * visit (a visit is a walk-up; a fresh station keeps one visit's track and cooldown out of the next).
 * The gallery is enrolled into memory as the product enrols (the enrolment checks, several
 * resolutions per photo), so nothing is written to any database.
 */
public final class VisitPlayback {
    /** Frame spacing of a visit's photos: 25 fps, the camera rate of the latency goal (the shared clip itself runs at 29.97 fps). */
    static final long FRAME_MILLIS = 40;

    private final FacePipeline pipeline;
    private final GalleryIndex gallery;
    private final StationSettings settings;
    private final Function<Path, FrameImage> decoder;
    private FaceQualityGate qualityGate;

    public VisitPlayback(FacePipeline pipeline, GalleryIndex gallery, StationSettings settings, Function<Path, FrameImage> decoder) {
        this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
        this.gallery = Objects.requireNonNull(gallery, "gallery");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.decoder = Objects.requireNonNull(decoder, "decoder");
    }

    /** Consults the station's quality gate before a frame votes (off, null, by default, as at the station). */
    public VisitPlayback useQualityGate(FaceQualityGate gate) {
        this.qualityGate = gate;
        return this;
    }

    /** People enrolled into a gallery, and those whose every photo the enrolment checks refused. */
    public record Enrolled(GalleryIndex gallery, List<String> refused) { }

    /**
     * Enrols each person (code = name = the map key) from their photos, as the product does.
     */
    public static Enrolled enrol(FacePipeline pipeline, Map<String, List<Path>> people, Function<Path, FrameImage> decoder) {
        GalleryIndex gallery = new GalleryIndex(pipeline.modelId(), pipeline.dimension());
        PhotoSetChecker checker = new PhotoSetChecker(pipeline, decoder);
        List<String> refused = new ArrayList<>();
        people.forEach((name, photos) -> {
            int before = gallery.templateCount();
            checker.check(photos, p -> { }).accepted()
                    .forEach(sample -> sample.templates().forEach(e -> gallery.add(name, name, e)));
            if (gallery.templateCount() == before) {
                refused.add(name);
            }
        });
        return new Enrolled(gallery, refused);
    }

    /** One visit: its photos as consecutive frames of a fresh station. */
    public VisitOutcome play(Visit visit) {
        List<String> recognised = new ArrayList<>();
        int[] alerts = new int[2];
        run(() -> new PhotoRun(visit, decoder), recognised, alerts);
        return new VisitOutcome(visit, recognised, alerts[0], alerts[1]);
    }

    /**
     * A video (or any source) from start to end on a fresh station.
     *
     * @return the employee codes checked in, in order, then stranger and spoof alert counts
     */
    public ClipEvents play(Supplier<FrameSource> source) {
        List<String> recognised = new ArrayList<>();
        int[] alerts = new int[2];
        run(source, recognised, alerts);
        return new ClipEvents(recognised, alerts[0], alerts[1]);
    }

    /** What a station decided while a source played. */
    public record ClipEvents(List<String> recognised, int strangerAlerts, int spoofAlerts) { }

    private void run(Supplier<FrameSource> source, List<String> recognised, int[] alerts) {
        AttendanceStation station = new AttendanceStation("evaluation", pipeline, gallery, settings,
                DirectionPolicy.fixed(AttendanceEvent.Direction.IN), Clock.systemUTC());
        station.useQualityGate(qualityGate);
        station.addListener(e -> {
            switch (e) {
                case AttendanceEvent.PersonRecognized p -> recognised.add(p.employeeCode());
                case AttendanceEvent.StrangerSeen s -> alerts[0]++;
                case AttendanceEvent.SpoofSuspected s -> alerts[1]++;
            }
        });
        Set<Integer> tracks = new HashSet<>();
        try {
            new StationRunner(station, source).onStatus(s -> { })
                    .onFrame(f -> f.analysis().faces().forEach(face -> tracks.add(face.trackId()))).run();
        } finally {
            tracks.forEach(pipeline::trackEnded); // the next station's tracks start their liveness afresh
        }
    }

    /** A visit's photos as a file-like source: decoded one by one, stamped 40 ms apart. */
    private static final class PhotoRun implements FrameSource {
        private final Visit visit;
        private final Function<Path, FrameImage> decoder;
        private int next;

        PhotoRun(Visit visit, Function<Path, FrameImage> decoder) {
            this.visit = visit;
            this.decoder = decoder;
        }

        @Override
        public FrameImage next() {
            if (next >= visit.frames().size()) {
                return null;
            }
            FrameImage f = decoder.apply(visit.frames().get(next));
            return new FrameImage(f.width(), f.height(), f.bgr(), next++ * FRAME_MILLIS);
        }

        @Override
        public SourceSpec spec() {
            return new SourceSpec(SourceSpec.Kind.FOLDER, visit.id());
        }

        @Override
        public double frameRate() {
            return 1000.0 / FRAME_MILLIS;
        }

        @Override
        public void close() {
        }
    }
}
