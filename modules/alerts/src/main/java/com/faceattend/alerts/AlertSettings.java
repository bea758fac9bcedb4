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
 * @param visitGap          a stranger seen again at the same station within this time after their last
 *                          sighting (a track lost and found) is the same visit: no second alert (default 2 minutes)
 * @param strangerRetention how long a stranger group (its centroid embedding) is kept after the last
 *                          visit; then it is erased (default 30 days)
 * @param snapshots         keep an encrypted face crop with each alert (default false: off)
 * @param snapshotRetention how long a snapshot is kept before it is deleted (default 7 days)
 */
public record AlertSettings(float groupThreshold, Duration visitGap, Duration strangerRetention, boolean snapshots,
                            Duration snapshotRetention) {
    public AlertSettings {
        if (!(groupThreshold > -1f && groupThreshold < 1f)) {
            throw new IllegalArgumentException("group threshold must be between -1 and 1, was " + groupThreshold);
        }
        if (visitGap.isNegative() || strangerRetention.isNegative() || strangerRetention.isZero()) {
            throw new IllegalArgumentException("visit gap must not be negative and stranger retention must be positive");
        }
        if (snapshotRetention.isNegative() || snapshotRetention.isZero()) {
            throw new IllegalArgumentException("snapshot retention must be positive, was " + snapshotRetention);
        }
    }

    public static AlertSettings defaults() {
        return new AlertSettings(0.40f, Duration.ofMinutes(2), Duration.ofDays(30), false, Duration.ofDays(7));
    }

    public AlertSettings withGroupThreshold(float t) {
        return new AlertSettings(t, visitGap, strangerRetention, snapshots, snapshotRetention);
    }

    public AlertSettings withStrangerRetention(Duration d) {
        return new AlertSettings(groupThreshold, visitGap, d, snapshots, snapshotRetention);
    }

    public AlertSettings withSnapshots(boolean on, Duration retention) {
        return new AlertSettings(groupThreshold, visitGap, strangerRetention, on, retention);
    }

    public AlertSettings withVisitGap(Duration d) {
        return new AlertSettings(groupThreshold, d, strangerRetention, snapshots, snapshotRetention);
    }
}
