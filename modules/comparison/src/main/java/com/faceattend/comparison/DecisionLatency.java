package com.faceattend.comparison;

import com.faceattend.engine.gallery.GalleryIndex;
import com.faceattend.engine.pipeline.FacePipeline;
import com.faceattend.engine.station.AttendanceStation;
import com.faceattend.engine.station.DirectionPolicy;
import com.faceattend.engine.station.FrameAnalysis;
import com.faceattend.engine.station.StationRunner;
import com.faceattend.engine.station.StationSettings;
import com.faceattend.engine.station.TrackState;
import com.faceattend.spi.AttendanceEvent;
import com.faceattend.spi.FrameImage;
import com.faceattend.spi.FrameSource;
import com.faceattend.spi.SourceSpec;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * How long a person waits at the door: from the first frame their face is in to the moment the
 * station has delivered the attendance event (listeners, such as the database recorder, run inside
 * the frame's processing, so with a recorder attached that is the committed row).
 *
 * <p>Definition. Frames arrive at their media time (the file's timestamps; the shared clip runs at
 * about 30 fps), as from a camera, and are handled one after another; a frame that arrives while the
 * station is still busy waits. A decision's latency is the moment its event is delivered minus the
 * arrival of the first frame its track appeared in. It is split into two parts: the media time from
 * that first frame to the frame whose analysis carries the event (waiting for frames: how much
 * evidence the decision rule needed, which no speed-up shortens), and the rest (processing and
 * queueing).
 *
 * <p>Two ways of playing are measured, alternating per start so that both see the same load:
 * <ul>
 *   <li>{@link Playback#INLINE}: {@link AttendanceStation#process} with recognition on the frame's own
 *       thread; frame {@code i} is done at {@code max(arrival[i], done[i-1]) + processing[i]}, where
 *       processing is its measured wall time (nothing sleeps).</li>
 *   <li>{@link Playback#RUNNER}: as the product's stations run, under a {@link StationRunner}:
 *       recognition on its second thread while the next frame is detected, that frame waiting for
 *       it (same decisions). Frames are handed over in real time at their media time (late ones at
 *       once), so the second thread gets the idle time a camera's frame interval would give it, and
 *       what recognition finds is decided on when the next frame is tracked.</li>
 * </ul>
 *
 * <p>A clip has few people, so one play gives few decisions. The clip is played from a fresh
 * station starting every {@code startEvery} frames; each start is a new arrival of everyone in view
 * (so one scene can count in several plays). A play ends once every face that appeared has been
 * decided, or after {@code maxFrames}. People are enrolled into memory only and nothing is
 * recorded: measuring never touches a site's database, so the figures exclude the recorder's own
 * commit.
 */
public final class DecisionLatency {
    /** How the station is played. */
    public enum Playback {
        /** Recognition on the frame's thread; frame timing simulated from measured processing times. */
        INLINE,
        /** Under a {@link StationRunner}, recognition on its second thread, frames handed over in real time. */
        RUNNER
    }

    /**
     * Every attendance decision of one path, in order of occurrence.
     *
     * @param millis          latency of each decision (ms)
     * @param waitedForFrames of which media time from the track's first frame to the frame carrying the event
     */
    public record Result(Playback playback, double[] millis, double[] waitedForFrames, int plays, int framesPerPlayLimit) {
        public int count() {
            return millis.length;
        }

        public double percentile(double p) {
            return percentile(millis, p);
        }

        /** Nearest-rank percentile of {@code values}; NaN when empty. */
        public static double percentile(double[] values, double p) {
            if (values.length == 0) {
                return Double.NaN;
            }
            double[] sorted = values.clone();
            Arrays.sort(sorted);
            return sorted[Math.max(0, (int) Math.ceil(p * sorted.length) - 1)]; // nearest rank
        }

        /** Latency minus the frames waited for: processing and queueing of each decision. */
        public double[] processingAndQueueing() {
            double[] rest = new double[millis.length];
            for (int i = 0; i < rest.length; i++) {
                rest[i] = millis[i] - waitedForFrames[i];
            }
            return rest;
        }
    }

    /** Frames of the clip kept in memory for the replays (about 22 s at 30 fps). */
    static final int MAX_CLIP_FRAMES = 650;

    private DecisionLatency() {
    }

    /**
     * @param enrol      photos enrolled into memory as the product enrols them; each file name
     *                   (without extension) is the person's code and name
     * @param startEvery frames between fresh starts (25: about 0.8 s of the 29.97 fps clip)
     * @param maxFrames  longest play
     * @return one result per {@link Playback}, in declaration order
     */
    public static List<Result> measure(FacePipeline pipeline, List<Path> enrol, Function<Path, FrameImage> decoder,
                                       Supplier<FrameSource> clip, int startEvery, int maxFrames) {
        GalleryIndex gallery = StationFrameRate.enrolInMemory(pipeline, enrol, decoder);
        List<FrameImage> frames = new ArrayList<>();
        try (FrameSource source = clip.get()) {
            for (FrameImage f = source.next(); f != null && frames.size() < MAX_CLIP_FRAMES; f = source.next()) {
                frames.add(f);
            }
        }
        Map<Playback, Decisions> byPath = new HashMap<>();
        int plays = 0;
        for (int start = 0; start + 1 < frames.size(); start += startEvery) {
            List<FrameImage> play = frames.subList(start, Math.min(frames.size(), start + maxFrames));
            for (Playback path : Playback.values()) {
                Decisions d = byPath.computeIfAbsent(path, p -> new Decisions());
                Tally tally = path == Playback.INLINE ? inline(pipeline, gallery, play) : runner(pipeline, gallery, play);
                tally.firstArrival.keySet().forEach(pipeline::trackEnded); // the next play's station starts its tracks afresh
                d.latency.addAll(tally.latency);
                d.waited.addAll(tally.waited);
            }
            plays++;
        }
        List<Result> results = new ArrayList<>();
        for (Playback path : Playback.values()) {
            Decisions d = byPath.get(path);
            results.add(new Result(path, d == null ? new double[0] : d.latency.stream().mapToDouble(Double::doubleValue).toArray(),
                    d == null ? new double[0] : d.waited.stream().mapToDouble(Double::doubleValue).toArray(), plays, maxFrames));
        }
        return results;
    }

    private static final class Decisions {
        final List<Double> latency = new ArrayList<>();
        final List<Double> waited = new ArrayList<>();
    }

    private static AttendanceStation station(FacePipeline pipeline, GalleryIndex gallery) {
        return new AttendanceStation("latency", pipeline, gallery, StationSettings.defaults(),
                DirectionPolicy.fixed(AttendanceEvent.Direction.IN), Clock.systemUTC());
    }

    /** The decisions of one play as its frames' analyses come in. */
    private static final class Tally {
        final Map<Integer, Double> firstArrival = new HashMap<>();
        final Set<Integer> undecided = new HashSet<>();
        final Set<Integer> decided = new HashSet<>();
        final List<Double> latency = new ArrayList<>();
        final List<Double> waited = new ArrayList<>();

        /**
         * @param arrival media time of the frame since the play's start (ms)
         * @param done    when its analysis was delivered, on the same time line
         * @return true once every face that appeared is decided
         */
        boolean frame(double arrival, double done, FrameAnalysis analysis) {
            Set<String> recognisedNow = new HashSet<>();
            analysis.events().stream().filter(e -> e instanceof AttendanceEvent.PersonRecognized)
                    .forEach(e -> recognisedNow.add(((AttendanceEvent.PersonRecognized) e).employeeName()));
            for (FrameAnalysis.FaceView face : analysis.faces()) {
                firstArrival.putIfAbsent(face.trackId(), arrival);
                if (face.state() == TrackState.TRACKING) {
                    undecided.add(face.trackId());
                    continue;
                }
                undecided.remove(face.trackId());
                if (face.state() == TrackState.RECOGNISED && recognisedNow.remove(face.label()) && decided.add(face.trackId())) {
                    double first = firstArrival.get(face.trackId());
                    latency.add(done - first);
                    waited.add(arrival - first);
                }
            }
            return !firstArrival.isEmpty() && undecided.isEmpty();
        }
    }

    private static Tally inline(FacePipeline pipeline, GalleryIndex gallery, List<FrameImage> frames) {
        AttendanceStation station = station(pipeline, gallery);
        long origin = frames.get(0).timestampMillis();
        Tally tally = new Tally();
        double done = 0;
        for (FrameImage frame : frames) {
            double arrival = frame.timestampMillis() - origin;
            long t0 = System.nanoTime();
            FrameAnalysis analysis = station.process(frame);
            done = Math.max(arrival, done) + (System.nanoTime() - t0) / 1e6;
            if (tally.frame(arrival, done, analysis)) {
                break;
            }
        }
        return tally;
    }

    private static Tally runner(FacePipeline pipeline, GalleryIndex gallery, List<FrameImage> frames) {
        AttendanceStation station = station(pipeline, gallery);
        long origin = frames.get(0).timestampMillis();
        long started = System.nanoTime();
        Tally tally = new Tally();
        boolean[] over = {false};
        FrameSource replay = new FrameSource() {
            private int next;

            @Override
            public FrameImage next() {
                if (over[0] || next >= frames.size()) {
                    return null;
                }
                FrameImage frame = frames.get(next++);
                long due = started + TimeUnit.MILLISECONDS.toNanos(frame.timestampMillis() - origin);
                for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                    LockSupport.parkNanos(wait);
                }
                return frame;
            }

            @Override
            public SourceSpec spec() {
                return new SourceSpec(SourceSpec.Kind.FILE, "replay"); // a file: recognition in step, no frame dropped
            }

            @Override
            public double frameRate() {
                return 0;
            }

            @Override
            public void close() {
            }
        };
        new StationRunner(station, () -> replay).onStatus(s -> { }).onFrame(f -> {
            double done = (System.nanoTime() - started) / 1e6;
            if (tally.frame(f.frame().timestampMillis() - origin, done, f.analysis())) {
                over[0] = true;
            }
        }).run();
        return tally;
    }
}
