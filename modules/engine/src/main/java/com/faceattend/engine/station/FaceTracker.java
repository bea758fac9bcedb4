package com.faceattend.engine.station;

import com.faceattend.spi.DetectedFace;
import com.faceattend.spi.FaceBox;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Follows faces across analysed frames by box overlap (greedy IoU matching). Cheap and adequate
 * at a door, where people are few and move little between frames.
 */
public final class FaceTracker {
    private static final float MIN_IOU = 0.25f;

    private final int maxMissedFrames;
    private final List<Track> tracks = new ArrayList<>();
    private int nextId = 1;
    private final java.util.function.Consumer<Track> ended;

    public FaceTracker(int maxMissedFrames) {
        this(maxMissedFrames, t -> { });
    }

    /** @param ended told of every track that ends (so per-track state elsewhere can be settled and dropped) */
    public FaceTracker(int maxMissedFrames, java.util.function.Consumer<Track> ended) {
        this.maxMissedFrames = maxMissedFrames;
        this.ended = ended;
    }

    /**
     * Matches this frame's faces to tracks, starting new tracks and ending stale ones.
     *
     * @return for each face (same order), its track
     */
    public List<Track> update(List<DetectedFace> faces) {
        return updateBoxes(faces.stream().map(DetectedFace::box).toList());
    }

    /**
     * Matches this frame's face boxes to tracks, starting new tracks and ending stale ones.
     *
     * @return for each box (same order), its track
     */
    public List<Track> updateBoxes(List<FaceBox> faces) {
        List<Track> assigned = new ArrayList<>(faces.size());
        boolean[] used = new boolean[tracks.size()];
        for (FaceBox face : faces) {
            int best = -1;
            float bestIou = MIN_IOU;
            for (int t = 0; t < tracks.size(); t++) {
                float iou = used[t] ? 0f : tracks.get(t).box().iou(face);
                if (iou >= bestIou) {
                    best = t;
                    bestIou = iou;
                }
            }
            Track track;
            if (best >= 0) {
                used[best] = true;
                track = tracks.get(best);
                track.seen(face);
            } else {
                track = new Track(nextId++, face);
            }
            assigned.add(track);
        }
        for (Iterator<Track> it = tracks.iterator(); it.hasNext(); ) {
            Track t = it.next();
            if (!assigned.contains(t) && t.missedOneMore() > maxMissedFrames) {
                it.remove();
                ended.accept(t);
            }
        }
        for (Track t : assigned) {
            if (!tracks.contains(t)) {
                tracks.add(t);
            }
        }
        return assigned;
    }

    /** Whether {@code track} is still followed (it has not ended). */
    boolean follows(Track track) {
        return tracks.contains(track);
    }

    /** Tracks alive now. */
    public List<Track> tracks() {
        return List.copyOf(tracks);
    }
}
