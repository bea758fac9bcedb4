package com.faceattend.engine.station;

import com.faceattend.engine.gallery.GalleryIndex;
import com.faceattend.engine.gallery.PersonMatch;
import com.faceattend.engine.pipeline.FacePipeline;
import com.faceattend.engine.pipeline.FaceQualityGate;
import com.faceattend.engine.pipeline.FoundFace;
import com.faceattend.spi.AttendanceEvent;
import com.faceattend.spi.AttendanceListener;
import com.faceattend.spi.DetectedFace;
import com.faceattend.spi.Embedding;
import com.faceattend.spi.FaceBox;
import com.faceattend.spi.FacePrescreen;
import com.faceattend.spi.FrameImage;
import com.faceattend.spi.support.BgrImages;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One camera station's decision logic: tracks faces across frames, lets each track's embedded
 * frames vote on who it is, and raises one event per visit (recognised, stranger or spoof), with a
 * cooldown so that one walk-past is one check-in. Not thread-safe: feed it from one thread.
 * <p>
 * By default ({@link StationPacing#DETECTOR_PACED}) a frame costs detection and tracking; only the
 * tracks that need it are embedded (see {@link Recognition}), under a {@link StationRunner} on a
 * second thread. Every decision is taken on the feeding thread, in {@link #decide}.
 */
public final class AttendanceStation {
    private static final Logger LOG = Logger.getLogger(AttendanceStation.class.getName());
    /** Analysed frames between identity re-checks of a decided track (one extra embedding each). */
    static final int RECHECK_INTERVAL = 5;
    /**
     * Below this cosine between a frame and the track's mean embedding, the face is taken to be
     * someone else. On the shared clip, re-checks of the same person scored 0.28-0.84 against
     * their track mean; boxes handed to another person at a cut scored -0.07 to 0.15.
     */
    static final float SAME_PERSON_SIMILARITY = 0.25f;
    /** About 3 s at 30 analysed frames per second: people at a door blink every 2 to 10 s. */
    public static final int DEFAULT_LIVENESS_PATIENCE = 90;

    private final String name;
    private final FacePipeline pipeline;
    private final GalleryIndex gallery;
    private final StationSettings settings;
    private final DirectionPolicy directions;
    private final Clock clock;
    private final FaceTracker tracker;
    private final List<AttendanceListener> listeners = new CopyOnWriteArrayList<>();
    /** Media time (ms) of each person's last recorded event at this station. */
    private final Map<String, Long> lastRecorded = new HashMap<>();
    /** Tracks the tracker ended during the current frame's update. */
    private final List<Track> endedTracks = new ArrayList<>();
    private long frameCounter;
    private FacePrescreen prescreen;
    private FaceQualityGate qualityGate;
    private int livenessPatienceFrames = DEFAULT_LIVENESS_PATIENCE;
    private RecentPasses recentPasses;
    private FrameAnalysis last = new FrameAnalysis(0, false, List.of(), List.of());
    private StationPacing pacing = StationPacing.DETECTOR_PACED;
    private RecognitionOverlap overlap = RecognitionOverlap.NONE;
    private RecognitionWorker worker;
    /** Tracks whose whole-track liveness state is to end, told with the next recognition job. */
    private final List<Integer> livenessEnded = new ArrayList<>();

    public AttendanceStation(String name, FacePipeline pipeline, GalleryIndex gallery, StationSettings settings,
                             DirectionPolicy directions, Clock clock) {
        this.name = Objects.requireNonNull(name, "name");
        this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
        this.gallery = Objects.requireNonNull(gallery, "gallery");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.directions = Objects.requireNonNull(directions, "directions");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.tracker = new FaceTracker(settings.maxMissedFrames(), endedTracks::add);
        if (!gallery.modelId().equals(pipeline.modelId())) {
            throw new IllegalArgumentException("gallery holds templates of model " + gallery.modelId()
                    + " but the pipeline embeds with " + pipeline.modelId());
        }
    }

    public String name() {
        return name;
    }

    public StationSettings settings() {
        return settings;
    }

    /**
     * Screens frames with a cheap detector first (the seed design's Haar cascade): frames where it
     * sees no face candidate skip the CNN detector. Off by default: measured on the reference
     * machine the cascade costs more than the detector it would save (see README "Speed").
     */
    public void usePrescreen(FacePrescreen screen) {
        this.prescreen = screen;
    }

    /**
     * Faces the gate turns away (too small, blurred, turned, badly lit) neither vote nor decide:
     * "look at the camera", not a guess and not a stranger alert. Null (the default): every face counts.
     */
    public void useQualityGate(FaceQualityGate gate) {
        this.qualityGate = gate;
    }

    /**
     * With a liveness check that judges whole tracks (a blink check), how many embedded frames
     * beyond {@link StationSettings#votesToDecide()} a recognised face may take to prove itself live
     * before it is called a spoof (default {@value #DEFAULT_LIVENESS_PATIENCE}). Per-frame checks never wait.
     */
    public void livenessPatienceFrames(int frames) {
        if (frames < 0) {
            throw new IllegalArgumentException("liveness patience must not be negative, was " + frames);
        }
        this.livenessPatienceFrames = frames;
    }

    /**
     * Makes the cooldown survive restarts: the first time this station instance sees a person, it
     * asks {@code passes} (the store) whether they were recorded here within the cooldown.
     */
    public void recallPassesFrom(RecentPasses passes) {
        this.recentPasses = passes;
    }

    /** Chooses the per-frame work (default {@link StationPacing#DETECTOR_PACED}); set before the first frame. */
    public void pacing(StationPacing newPacing) {
        if (frameCounter > 0) {
            throw new IllegalStateException("the pacing is chosen before the first frame");
        }
        this.pacing = Objects.requireNonNull(newPacing, "pacing");
    }

    public StationPacing pacing() {
        return pacing;
    }

    /** Whether a detector-paced station recognises on a second thread (its runner says so, per source). */
    void overlapRecognition(RecognitionOverlap mode) {
        this.overlap = Objects.requireNonNull(mode, "overlap");
        if (mode != RecognitionOverlap.NONE && worker == null) {
            worker = new RecognitionWorker(pipeline, name);
        }
    }

    /**
     * Waits for recognition still running on the second thread and decides on its results (the last
     * frames of a file). Listeners are told as in {@link #process}.
     *
     * @return the events decided
     */
    public List<AttendanceEvent> finish() {

        List<AttendanceEvent> events = new ArrayList<>();
        if (worker != null) {
            apply(worker.take(true), events);
        }
        notifyListeners(events);
        return events;
    }

    public void addListener(AttendanceListener listener) {
        listeners.add(listener);
    }

    public void removeListener(AttendanceListener listener) {
        listeners.remove(listener);
    }

    /**
     * Analyses one frame (or skips it, per {@link StationSettings#processEveryNth()}).
     *
     * @throws ListenerFailedException when a listener (e.g. the database recorder) failed; the
     *                                 other listeners were still told
     */
    public FrameAnalysis process(FrameImage frame) {
        if (frameCounter++ % settings.processEveryNth() != 0) {
            last = new FrameAnalysis(frame.timestampMillis(), false, last.faces(), List.of());
            return last;
        }
        FrameImage work = BgrImages.limitWidth(frame, settings.maxFrameWidth());
        float toFrame = frame.width() / (float) work.width();
        List<AttendanceEvent> events = new ArrayList<>();
        List<Track> tracks = pacing == StationPacing.EVERY_FRAME ? everyFrame(work, events) : detectorPaced(work, events);
        List<FrameAnalysis.FaceView> views = new ArrayList<>(tracks.size());
        for (Track t : tracks) {
            views.add(view(t, toFrame));
        }
        last = new FrameAnalysis(frame.timestampMillis(), true, List.copyOf(views), List.copyOf(events));
        notifyListeners(events);
        return last;
    }

    /** Today's-path frame: every face located, deciding tracks embedded and checked, all on this thread. */
    private List<Track> everyFrame(FrameImage work, List<AttendanceEvent> events) {
        List<DetectedFace> faces = prescreen != null && prescreen.candidates(work).isEmpty()
                ? List.of() : pipeline.detect(work);
        List<Track> tracks = tracker.update(faces);
        settleEndedTracks(events);
        for (int i = 0; i < faces.size(); i++) {
            Track track = tracks.get(i);
            DetectedFace face = faces.get(i);
            if (track.state() == TrackState.TRACKING && pipeline.largeEnough(face)) {
                observe(work, face, track, events);
            } else if (track.state() != TrackState.TRACKING && pipeline.largeEnough(face)
                    && track.recheckDue(RECHECK_INTERVAL) && stillSamePerson(work, face, track)) {
                track.recheckDone();
            }
        }
        return tracks;
    }

    /**
     * A detector-paced frame: boxes and tracking here; what the previous job found is decided on
     * before this frame is tracked (as if it had been found on its own frame); then the tracks that
     * need it are handed to recognition.
     */
    private List<Track> detectorPaced(FrameImage work, List<AttendanceEvent> events) {
        List<FoundFace> faces = prescreen != null && prescreen.candidates(work).isEmpty()
                ? List.of() : pipeline.findFaces(work);
        if (worker != null) {
            apply(worker.take(overlap == RecognitionOverlap.IN_STEP), events);
        }
        List<Track> tracks = tracker.updateBoxes(faces.stream().map(FoundFace::box).toList());
        settleEndedTracks(events);
        if (overlap != RecognitionOverlap.NONE && worker.busy()) {
            return tracks; // newest frame wins: this one is only tracked
        }
        List<Recognition.Item> items = new ArrayList<>();
        for (int i = 0; i < faces.size(); i++) {
            Track track = tracks.get(i);
            FoundFace face = faces.get(i);
            if (!pipeline.largeEnough(face.box())) {
                continue;
            }
            if (track.state() == TrackState.TRACKING) {
                items.add(new Recognition.Item(track, track.generation(), face, Recognition.Need.DECIDE));
            } else if (track.recheckDue(RECHECK_INTERVAL)) {
                items.add(new Recognition.Item(track, track.generation(), face, Recognition.Need.RECHECK));
            }
        }
        if (items.isEmpty() && livenessEnded.isEmpty()) {
            return tracks;
        }
        Recognition.Job job = new Recognition.Job(work, items, List.copyOf(livenessEnded), qualityGate);
        livenessEnded.clear();
        if (overlap == RecognitionOverlap.NONE) {
            apply(job.run(pipeline), events);
        } else {
            worker.submit(job);
        }
        return tracks;
    }

    /**
     * Decides on what recognition found. A track that ended meanwhile, or whose box now holds
     * someone else (restarted), takes no evidence gathered for the face before.
     */
    private void apply(List<Recognition.Observation> observations, List<AttendanceEvent> events) {
        for (Recognition.Observation o : observations) {
            Track track = o.item().track();
            if (!tracker.follows(track) || track.generation() != o.item().generation()) {
                continue;
            }
            if (o.item().need() == Recognition.Need.RECHECK) {
                if (o.embedding().cosine(track.meanEmbedding()) >= SAME_PERSON_SIMILARITY) {
                    track.recheckDone();
                } else {
                    track.restart();
                    livenessEnded.add(track.id()); // whole-track liveness (blink) starts over for the new face
                }
            } else if (track.state() == TrackState.TRACKING) {
                track.addEmbedding(o.embedding());
                List<PersonMatch> frameHits = gallery.search(o.embedding(), 1);
                track.vote(frameHits.isEmpty() ? Track.UNKNOWN : frameHits.get(0).personKey());
                if (!Float.isNaN(o.liveScore())) {
                    track.liveScore(o.liveScore());
                }
                decide(track, o.mediaTime(), events);
            }
        }
    }

    /**
     * A decided track is re-embedded every few frames: if the face no longer resembles the track's
     * own mean, the box now holds someone else (the tracker follows boxes, not people; a cut or
     * two people crossing hands a box over), so the track starts afresh instead of showing, or
     * later counting, the wrong name.
     */
    private boolean stillSamePerson(FrameImage frame, DetectedFace face, Track track) {
        float similarity = pipeline.embed(frame, face).cosine(track.meanEmbedding());
        if (similarity >= SAME_PERSON_SIMILARITY) {
            return true;
        }
        track.restart();
        pipeline.trackEnded(track.id()); // whole-track liveness (blink) starts over for the new face
        return false;
    }

    /**
     * A recognised face that left while a whole-track liveness check (a blink) was still waiting
     * never proved itself live: that is a spoof alert, not silence.
     */
    private void settleEndedTracks(List<AttendanceEvent> events) {
        for (Track t : endedTracks) {
            String key = t.awaitingLivenessKey();
            if (key != null) {
                t.decide(TrackState.SPOOF, key, key, Float.NaN);
                float live = t.latestLiveScore();
                events.add(new AttendanceEvent.SpoofSuspected(clock.instant(), name, key, Float.isNaN(live) ? 0f : live));
            }
            endLiveness(t.id());
        }
        endedTracks.clear();
    }

    /** Tells the liveness check a track ended: at once, or with the next job when recognition is paced. */
    private void endLiveness(int trackId) {
        if (pacing == StationPacing.EVERY_FRAME) {
            pipeline.trackEnded(trackId);
        } else {
            livenessEnded.add(trackId);
        }
    }

    private void observe(FrameImage frame, DetectedFace face, Track track, List<AttendanceEvent> events) {
        if (qualityGate != null && qualityGate.check(face, pipeline.align(frame, face)) != FaceQualityGate.Verdict.FIT) {
            return;
        }
        Embedding embedding = pipeline.embed(frame, face);
        track.addEmbedding(embedding);
        // Each frame votes for its own best match (no threshold): a check that the track has not
        // jumped between two people, whose mean embedding would then belong to neither.
        List<PersonMatch> frameHits = gallery.search(embedding, 1);
        track.vote(frameHits.isEmpty() ? Track.UNKNOWN : frameHits.get(0).personKey());
        pipeline.liveness(frame, face, track.id()).ifPresent(l -> track.liveScore(l.liveScore()));
        decide(track, frame.timestampMillis(), events);
    }

    private void decide(Track track, long mediaTime, List<AttendanceEvent> events) {
        int samples = track.votes();
        List<PersonMatch> hits = gallery.search(track.meanEmbedding(), 1);
        PersonMatch best = hits.isEmpty() ? null : hits.get(0);
        boolean matches = settings.acceptRule().accepts(best, gallery);
        if (matches && samples >= settings.votesToDecide()) {
            Map.Entry<String, Integer> leader = track.leader();
            if (!leader.getKey().equals(best.personKey()) || leader.getValue() * 2 <= samples) {
                return; // frames disagree: keep looking
            }
            String key = best.personKey();
            boolean wholeTrack = pipeline.livenessJudgesWholeTrack();
            float live = TrackLiveness.verdict(track, wholeTrack);
            boolean liveKnown = !Float.isNaN(live);
            if (settings.requireLiveness() && liveKnown && live < settings.livenessThreshold()) {
                if (wholeTrack && samples < settings.votesToDecide() + livenessPatienceFrames) {
                    track.awaitLiveness(key); // e.g. no blink yet: give them a moment before calling it a spoof
                    return;
                }
                track.decide(TrackState.SPOOF, key, best.displayName(), best.similarity());
                events.add(new AttendanceEvent.SpoofSuspected(clock.instant(), name, key, live));
                return;
            }
            track.decide(TrackState.RECOGNISED, key, best.displayName(), best.similarity());
            Long previous = lastRecorded.computeIfAbsent(key, k -> recalledPass(k, mediaTime));
            if (previous == null || mediaTime - previous >= settings.cooldown().toMillis()) {
                lastRecorded.put(key, mediaTime);
                var now = clock.instant();
                events.add(new AttendanceEvent.PersonRecognized(now, name, key, best.displayName(),
                        directions.directionFor(key, now), best.similarity(), liveKnown ? live : Float.NaN));
            }
        } else if (!matches && samples >= settings.strangerFrames()) {
            float similarity = best == null ? -1f : best.similarity();
            track.decide(TrackState.STRANGER, null, null, similarity);
            events.add(new AttendanceEvent.StrangerSeen(clock.instant(), name, similarity, track.meanEmbedding()));
        }
    }

    /** Media time of the person's last pass recorded before this instance started, or null. */
    private Long recalledPass(String key, long mediaTime) {
        if (recentPasses == null) {
            return null;
        }
        Instant now = clock.instant();
        return recentPasses.lastRecorded(key, name, now.minus(settings.cooldown()))
                .map(last -> mediaTime - Math.max(0, Duration.between(last, now).toMillis()))
                .orElse(null);
    }

    private static FrameAnalysis.FaceView view(Track t, float scale) {
        FaceBox b = t.box();
        FaceBox box = new FaceBox(b.x() * scale, b.y() * scale, b.width() * scale, b.height() * scale);
        String label = switch (t.state()) {
            case RECOGNISED, SPOOF -> t.decidedName();
            case STRANGER -> "Unknown";
            case TRACKING -> "";
        };
        float similarity = t.state() == TrackState.TRACKING ? Float.NaN : t.decidedSimilarity();
        return new FrameAnalysis.FaceView(t.id(), box, t.state(), label, similarity, t.meanLiveScore());
    }

    private void notifyListeners(List<AttendanceEvent> events) {
        RuntimeException first = null;
        for (AttendanceEvent event : events) {
            for (AttendanceListener listener : listeners) {
                try {
                    listener.onEvent(event);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "attendance listener " + listener + " failed on " + event, e);
                    if (first == null) {
                        first = e;
                    }
                }
            }
        }
        if (first != null) {
            throw new ListenerFailedException(first);
        }
    }
}
