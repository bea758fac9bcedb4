package com.faceattend.alerts;

import java.time.Duration;

/**
 * How alerts are grouped and kept. Validates itself; the defaults are the values stated here.
 *
 * @param groupThreshold    cosine similarity to a stranger group's centroid at or above which a new
 *                          stranger sighting is the same person (default 0.40, the station's match
 *                          threshold: on LFW-dev, pairs of different people score above 0.32 only 1 time
 *                          in 1,000, while the same person scores above 0.40 in about 97 % of pairs; a
 *                          centroid averages several frames, so it is steadier than those single photos)
 * @param visitThreshold    a lower similarity (default 0.30) that is enough to continue an open visit: a
 *                          stranger's track that was lost (they turned away, someone walked in front) and
 *                          found again at the same station within {@code visitGap}. Two tracks of one
 *                          person walking past measured 0.35 on the shared Hamilton clip (profile and
 *                          frontal views), below the 0.40 that links visits; 0.30 is near LFW-dev's
 *                          1-in-1,000 false-match point (0.32)
 * @param visitGap          a stranger seen again at the same station within this time after their last
 *                          sighting is the same visit: no second alert (default 2 minutes)
 * @param strangerRetention how long a stranger group (its centroid embedding) is kept after the last
 *                          visit; then it is erased (default 30 days)
 * @param snapshots         keep an encrypted face crop with each alert (default false: off)
 * @param snapshotRetention how long a snapshot is kept before it is deleted (default 7 days)
 */
public record AlertSettings(float groupThreshold, float visitThreshold, Duration visitGap, Duration strangerRetention, boolean snapshots,
                            Duration snapshotRetention) {
    public AlertSettings {
        if (!(groupThreshold > -1f && groupThreshold < 1f)) {
            throw new IllegalArgumentException("group threshold must be between -1 and 1, was " + groupThreshold);
        }
        if (!(visitThreshold > -1f && visitThreshold <= groupThreshold)) {
            throw new IllegalArgumentException("visit threshold must be above -1 and at most the group threshold, was " + visitThreshold);
        }
        if (visitGap.isNegative() || strangerRetention.isNegative() || strangerRetention.isZero()) {
            throw new IllegalArgumentException("visit gap must not be negative and stranger retention must be positive");
        }
        if (snapshotRetention.isNegative() || snapshotRetention.isZero()) {
            throw new IllegalArgumentException("snapshot retention must be positive, was " + snapshotRetention);
        }
    }

    public static AlertSettings defaults() {
        return new AlertSettings(0.40f, 0.30f, Duration.ofMinutes(2), Duration.ofDays(30), false, Duration.ofDays(7));
    }

    public AlertSettings withGroupThreshold(float t) {
        return new AlertSettings(t, Math.min(t, visitThreshold), visitGap, strangerRetention, snapshots, snapshotRetention);
    }

    public AlertSettings withStrangerRetention(Duration d) {
        return new AlertSettings(groupThreshold, visitThreshold, visitGap, d, snapshots, snapshotRetention);
    }

    public AlertSettings withSnapshots(boolean on, Duration retention) {
        return new AlertSettings(groupThreshold, visitThreshold, visitGap, strangerRetention, on, retention);
    }

    public AlertSettings withVisitGap(Duration d) {
        return new AlertSettings(groupThreshold, visitThreshold, d, strangerRetention, snapshots, snapshotRetention);
    }
}
