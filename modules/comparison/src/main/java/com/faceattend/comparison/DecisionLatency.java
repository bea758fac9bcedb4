package com.faceattend.comparison;

import com.faceattend.engine.gallery.GalleryIndex;
import com.faceattend.engine.pipeline.FacePipeline;
import com.faceattend.engine.station.AttendanceStation;
import com.faceattend.engine.station.DirectionPolicy;
import com.faceattend.engine.station.FrameAnalysis;
import com.faceattend.engine.station.StationSettings;
import com.faceattend.engine.station.TrackState;
import com.faceattend.spi.AttendanceEvent;
import com.faceattend.spi.FrameImage;
import com.faceattend.spi.FrameSource;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * How long a person waits at the door: from the first frame their face is in to the moment the
 * station has delivered the attendance event (listeners, such as the database recorder, run inside
 * the frame's processing, so with a recorder attached that is the committed row).
 *
 * <p>Definition. Frames arrive at their media time (the file's timestamps, 25 fps for the shared
 * clip), as from a camera. The station handles them one after another: frame {@code i} is done at
 * {@code done[i] = max(arrival[i], done[i-1]) + processing[i]}, where processing is the measured wall
 * time of {@link AttendanceStation#process}. Every frame is processed (a live station that falls
 * behind would drop frames instead, so this is the pessimistic side). A decision's latency is
 * {@code done[deciding frame] - arrival[first frame its track appeared in]}.
 *
 * <p>A clip has few people, so one play gives few decisions. The clip is played from a fresh
 * station starting every {@code startEvery} frames; each start is a new arrival of everyone in view.
 * A play ends once every face that appeared has been decided, or after {@code maxFrames}.
 * People are enrolled into memory only and nothing is recorded: measuring never touches a site's
 * database, so the figures exclude the recorder's own commit.
 */
public final class DecisionLatency {
    /** Latencies in milliseconds of every attendance decision, in order of occurrence. */
    public record Result(double[] millis, int plays, int framesPerPlayLimit) {
        public int count() {
            return millis.length;
        }

        public double percentile(double p) {
            if (millis.length == 0) {
                return Double.NaN;
            }
            double[] sorted = millis.clone();
            Arrays.sort(sorted);
            return sorted[Math.max(0, (int) Math.ceil(p * sorted.length) - 1)]; // nearest rank
        }
    }

    /** Frames of the clip kept in memory for the replays (about 26 s at 25 fps). */
    static final int MAX_CLIP_FRAMES = 650;

    private DecisionLatency() {
    }

    /**
     * @param enrol      photos enrolled into memory as the product enrols them; each file name
     *                   (without extension) is the person's code and name
     * @param startEvery frames between fresh starts (25 = one per second at 25 fps)
     * @param maxFrames  longest play
     */
    public static Result measure(FacePipeline pipeline, List<Path> enrol, Function<Path, FrameImage> decoder,
                                 Supplier<FrameSource> clip, int startEvery, int maxFrames) {
        GalleryIndex gallery = StationFrameRate.enrolInMemory(pipeline, enrol, decoder);
        List<FrameImage> frames = new ArrayList<>();
        try (FrameSource source = clip.get()) {
            for (FrameImage f = source.next(); f != null && frames.size() < MAX_CLIP_FRAMES; f = source.next()) {
                frames.add(f);
            }
        }
        List<Double> latencies = new ArrayList<>();
        int plays = 0;
        for (int start = 0; start + 1 < frames.size(); start += startEvery) {
            play(pipeline, gallery, frames.subList(start, Math.min(frames.size(), start + maxFrames)), latencies);
            plays++;
        }
        return new Result(latencies.stream().mapToDouble(Double::doubleValue).toArray(), plays, maxFrames);
    }

    private static void play(FacePipeline pipeline, GalleryIndex gallery, List<FrameImage> frames, List<Double> out) {
        AttendanceStation station = new AttendanceStation("latency", pipeline, gallery, StationSettings.defaults(),
                DirectionPolicy.fixed(AttendanceEvent.Direction.IN), Clock.systemUTC());
        long origin = frames.get(0).timestampMillis();
        Map<Integer, Double> firstArrival = new HashMap<>();
        Set<Integer> undecided = new HashSet<>();
        Set<Integer> decided = new HashSet<>();
        double done = 0;
        for (FrameImage frame : frames) {
            double arrival = frame.timestampMillis() - origin;
            long t0 = System.nanoTime();
            FrameAnalysis analysis = station.process(frame);
            double processing = (System.nanoTime() - t0) / 1e6;
            done = Math.max(arrival, done) + processing;
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
                    out.add(done - firstArrival.get(face.trackId()));
                }
            }
            if (!firstArrival.isEmpty() && undecided.isEmpty()) {
                break;
            }
        }
        firstArrival.keySet().forEach(pipeline::trackEnded); // the next play's station starts its tracks afresh
    }
}
