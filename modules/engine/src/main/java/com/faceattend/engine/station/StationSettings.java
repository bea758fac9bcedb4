package com.faceattend.engine.station;

import com.faceattend.engine.gallery.OpenSetDecision;
import java.time.Duration;
import java.util.Objects;

/**
 * How a station decides. Validates itself; the defaults are the values stated here.
 *
 * @param acceptRule        when the best match is that person rather than a stranger (default: about 1
 *                          stranger's face in 300 accepted, {@link OpenSetDecision#defaults()}); the
 *                          cosine it needs grows with the gallery, so the stranger rate holds as
 *                          people are enrolled
 * @param votesToDecide     embedded frames of one track before it may be recognised (default 3); the
 *                          track's mean embedding must match and most frames must agree
 * @param strangerFrames    embedded frames of one track whose mean matches nobody before a stranger
 *                          alert (default 10: a person far from the camera needs a few frames of
 *                          averaging before they are recognised)
 * @param cooldown          after a person is recorded, further sightings within this time at the
 *                          same station record nothing (default 2 minutes): one walk-past, one check-in
 * @param processEveryNth   analyse every n-th frame only (default 1 = every frame): frame skipping
 *                          for slow machines
 * @param maxFrameWidth     frames wider than this are scaled down before analysis (default 1280,
 *                          0 = never): resolution reduction
 * @param livenessThreshold live score at or above which a face counts as live (default 0.04, {@link
 *                          #DEFAULT_LIVENESS_THRESHOLD}: measured to hold BPCER at or below 5 %)
 * @param requireLiveness   a recognised face is recorded only when it is also live (default true)
 * @param maxMissedFrames   analysed frames a track may go unseen before it ends (default 10)
 */
public record StationSettings(OpenSetDecision acceptRule, int votesToDecide, int strangerFrames, Duration cooldown,
                              int processEveryNth, int maxFrameWidth, float livenessThreshold,
                              boolean requireLiveness, int maxMissedFrames) {
    public StationSettings {
        Objects.requireNonNull(acceptRule, "acceptRule");
        if (votesToDecide < 1 || strangerFrames < 1) {
            throw new IllegalArgumentException("votesToDecide and strangerFrames must be at least 1");
        }
        if (cooldown.isNegative()) {
            throw new IllegalArgumentException("cooldown must not be negative");
        }
        if (processEveryNth < 1) {
            throw new IllegalArgumentException("processEveryNth must be at least 1, was " + processEveryNth);
        }
        if (maxFrameWidth != 0 && maxFrameWidth < 160) {
            throw new IllegalArgumentException("maxFrameWidth must be 0 (off) or at least 160 pixels, was " + maxFrameWidth);
        }
        if (!(livenessThreshold >= 0f && livenessThreshold <= 1f)) {
            throw new IllegalArgumentException("liveness threshold must be within 0..1, was " + livenessThreshold);
        }
        if (maxMissedFrames < 1) {
            throw new IllegalArgumentException("maxMissedFrames must be at least 1");
        }
    }

    /**
     * The silent check's live score needed by default. On the shared liveness set (README "Liveness",
     * {@code faceattend eval liveness}) the lowest threshold that rejects at most 5 % of live faces
     * (BPCER 13/263), the bar; there it accepts 35 of 251 attacks (APCER 14 %). The score is
     * nearly two-valued (most live faces above 0.9, most attacks below 0.01), so the few faces between
     * decide; 0.5, the earlier default, rejected 9.5 % of live faces for 8 % of attacks.
     */
    public static final float DEFAULT_LIVENESS_THRESHOLD = 0.04f;

    public static StationSettings defaults() {
        return new StationSettings(OpenSetDecision.defaults(), 3, 10, Duration.ofMinutes(2), 1, 1280, DEFAULT_LIVENESS_THRESHOLD, true, 10);
    }

    public StationSettings withAcceptRule(OpenSetDecision rule) {
        return new StationSettings(rule, votesToDecide, strangerFrames, cooldown, processEveryNth, maxFrameWidth,
                livenessThreshold, requireLiveness, maxMissedFrames);
    }

    public StationSettings withCooldown(Duration d) {
        return new StationSettings(acceptRule, votesToDecide, strangerFrames, d, processEveryNth, maxFrameWidth,
                livenessThreshold, requireLiveness, maxMissedFrames);
    }

    public StationSettings withProcessEveryNth(int n) {
        return new StationSettings(acceptRule, votesToDecide, strangerFrames, cooldown, n, maxFrameWidth,
                livenessThreshold, requireLiveness, maxMissedFrames);
    }

    public StationSettings withMaxFrameWidth(int w) {
        return new StationSettings(acceptRule, votesToDecide, strangerFrames, cooldown, processEveryNth, w,
                livenessThreshold, requireLiveness, maxMissedFrames);
    }

    public StationSettings withLiveness(float threshold, boolean required) {
        return new StationSettings(acceptRule, votesToDecide, strangerFrames, cooldown, processEveryNth, maxFrameWidth,
                threshold, required, maxMissedFrames);
    }
}
