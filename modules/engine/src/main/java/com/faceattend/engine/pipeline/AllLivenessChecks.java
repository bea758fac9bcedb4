package com.faceattend.engine.pipeline;

import com.faceattend.spi.DetectedFace;
import com.faceattend.spi.FrameImage;
import com.faceattend.spi.LivenessCheck;
import com.faceattend.spi.LivenessResult;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Several liveness checks that must all pass, e.g. the silent single-frame check and a blink
 * check. Per track, a per-frame check counts with the mean of its scores and a whole-track check
 * with its latest verdict; the result is the lowest of these, so it is itself a whole-track verdict
 * when any member judges whole tracks.
 */
public final class AllLivenessChecks implements LivenessCheck {
    private final List<LivenessCheck> checks;
    private final boolean wholeTrack;
    /** Per track, per member: sum and count of the member's per-frame scores. */
    private final Map<Integer, double[]> sums = new HashMap<>();

    public AllLivenessChecks(List<LivenessCheck> checks) {
        if (checks.isEmpty()) {
            throw new IllegalArgumentException("at least one liveness check is needed");
        }
        this.checks = List.copyOf(checks);
        this.wholeTrack = checks.stream().anyMatch(LivenessCheck::judgesWholeTrack);
    }

    @Override
    public LivenessResult check(FrameImage frame, DetectedFace face) {
        float min = 1f;
        for (LivenessCheck c : checks) {
            min = Math.min(min, c.check(frame, face).liveScore());
        }
        return new LivenessResult(min);
    }

    @Override
    public LivenessResult check(FrameImage frame, DetectedFace face, int trackId) {
        if (!wholeTrack) {
            return check(frame, face);
        }
        double[] s = sums.computeIfAbsent(trackId, id -> new double[checks.size() * 2]);
        float min = 1f;
        for (int i = 0; i < checks.size(); i++) {
            LivenessCheck c = checks.get(i);
            float score = c.check(frame, face, trackId).liveScore();
            if (!c.judgesWholeTrack()) {
                s[2 * i] += score;
                s[2 * i + 1]++;
                score = (float) (s[2 * i] / s[2 * i + 1]);
            }
            min = Math.min(min, score);
        }
        return new LivenessResult(min);
    }

    @Override
    public boolean judgesWholeTrack() {
        return wholeTrack;
    }

    @Override
    public void trackEnded(int trackId) {
        sums.remove(trackId);
        checks.forEach(c -> c.trackEnded(trackId));
    }

    @Override
    public void close() {
        RuntimeException first = null;
        for (LivenessCheck c : checks) {
            try {
                c.close();
            } catch (RuntimeException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
