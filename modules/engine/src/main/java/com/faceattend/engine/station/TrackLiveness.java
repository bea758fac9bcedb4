package com.faceattend.engine.station;

/**
 * The station's liveness verdict on a whole track rather than on one frame. A check that scores
 * single frames counts with the mean of the track's frame scores up to the decision (the
 * {@link StationSettings#votesToDecide()} embedded frames, 3 by default); a check that judges whole
 * tracks (a blink) counts with its latest verdict.
 * <p>
 * Why the mean of a few frames: one frame's score flips on a blurred or half-turned frame. On the
 * shared liveness set's image sequences (frames a few video frames apart, README "Liveness"), at a
 * threshold of 0.5 the silent check misjudged 3 of 102 live webcam/phone frames and 1 of 64
 * printed-photo frames one by one, and none of those tracks when three consecutive frames are
 * averaged. The median judged the same tracks as the mean and five frames no better than three, so
 * the rule stays the plain mean over the deciding frames. No averaging helps against a screen replay
 * the model takes for a face: every frame of it scores high.
 */
public final class TrackLiveness {
    private TrackLiveness() {
    }

    /** The track's live score for the decision; NaN when liveness was not checked. */
    static float verdict(Track track, boolean wholeTrack) {
        return wholeTrack ? track.latestLiveScore() : track.meanLiveScore();
    }

    /**
     * The same rule over a finished sequence of frame scores (for evaluation): the mean of the
     * frames in which a face was found (NaN scores are skipped); NaN when there is none.
     */
    public static float verdict(float[] frameScores) {
        double sum = 0;
        int n = 0;
        for (float s : frameScores) {
            if (!Float.isNaN(s)) {
                sum += s;
                n++;
            }
        }
        return n == 0 ? Float.NaN : (float) (sum / n);
    }
}
