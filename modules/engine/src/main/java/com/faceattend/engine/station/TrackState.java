package com.faceattend.engine.station;

/** Where a track's decision stands. */
public enum TrackState {
    /** Still collecting votes. */
    TRACKING,
    /** Recognised and live; attendance recorded (or within cooldown). */
    RECOGNISED,
    /** Matched nobody for long enough; stranger alert raised. */
    STRANGER,
    /** Recognised but failed the liveness check. */
    SPOOF
}
