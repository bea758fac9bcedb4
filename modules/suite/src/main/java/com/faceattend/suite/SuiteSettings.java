package com.faceattend.suite;

import com.faceattend.engine.gallery.ImpostorScores;
import com.faceattend.engine.gallery.OpenSetDecision;
import com.faceattend.engine.station.StationSettings;
import com.faceattend.spi.SourceSpec;
import java.time.Duration;
import java.util.Locale;

/**
 * How this machine's station runs and which providers it uses. Validates itself: an invalid value
 * throws a {@link SettingsException} naming the field and the valid range.
 *
 * @param source             camera index ("0"), video file, image folder or rtsp:// URL; empty until chosen
 * @param stationName        shown in reports, e.g. "Main entrance" (default)
 * @param direction          "auto" (default: first passage of the day IN, then alternating), "in" or "out"
 * @param strangersOneIn     about 1 stranger's face in this many may be taken for an employee, 100–1,000,000
 *                           (default 300); the engine turns it into a threshold for the gallery's size
 *                           ({@link OpenSetDecision})
 * @param livenessEnabled    run the anti-spoofing check (default true)
 * @param livenessThreshold  live score needed, 0.01–0.95 (default 0.04, measured: README "Liveness")
 * @param cooldown           ignore the same person at this station for this long, 0–24 h (default 2 min)
 * @param processEveryNth    analyse every n-th frame, 1–10 (default 1)
 * @param maxFrameWidth      scale frames to this width before analysis, 0 (never) or 320–4096 (default 1280)
 * @param detectorId         face detector provider id (default ultraface-rfb320)
 * @param embedderId         embedder provider id (default arcface-512-int8)
 * @param livenessId         liveness provider id (default silent-liveness)
 */
public record SuiteSettings(String source, String stationName, String direction, int strangersOneIn,
        boolean livenessEnabled, float livenessThreshold, Duration cooldown, int processEveryNth, int maxFrameWidth,
        String detectorId, String embedderId, String livenessId) {

    public static final String DEFAULT_DETECTOR = "ultraface-rfb320";
    /**
     * The int8 ArcFace: {@code bench --compare} ranks it first, and on all 3,000 LFW-dev pairs it is within
     * 0.2 points of the float model with the same TAR at FAR 1e-3, at about 15 % less time per face. It
     * reads the float model's templates (README, "Int8 embedders").
     */
    public static final String DEFAULT_EMBEDDER = "arcface-512-int8";
    public static final String DEFAULT_LIVENESS = "silent-liveness";
    /** Loosest stranger setting offered: 1 in 100 (at a busy door, several strangers a day). */
    public static final int MIN_STRANGERS_ONE_IN = 100;
    /** Strictest: 1 in 1,000,000 (in a gallery of thousands, most employees then have to look twice). */
    public static final int MAX_STRANGERS_ONE_IN = 1_000_000;

    public SuiteSettings {
        source = source == null ? "" : source.strip();
        if (!source.isEmpty()) {
            try {
                SourceSpec.parse(source);
            } catch (IllegalArgumentException e) {
                throw new SettingsException("source", e.getMessage(),
                        "enter a camera number (0), a video file, a folder of images or an rtsp:// address");
            }
        }
        if (stationName == null || stationName.isBlank() || stationName.length() > 128) {
            throw new SettingsException("stationName", "the station name is empty or longer than 128 characters",
                    "give the station a short name such as 'Main entrance'");
        }
        stationName = stationName.strip();
        direction = direction == null ? "auto" : direction.strip().toLowerCase(Locale.ROOT);
        if (!direction.equals("auto") && !direction.equals("in") && !direction.equals("out")) {
            throw new SettingsException("direction", "the direction must be auto, in or out, not '" + direction + "'",
                    "use auto for a door used both ways");
        }
        if (strangersOneIn < MIN_STRANGERS_ONE_IN || strangersOneIn > MAX_STRANGERS_ONE_IN) {
            throw new SettingsException("strangersOneIn", String.format(Locale.ROOT,
                    "'1 stranger in N accepted' needs N between %,d and %,d, was %,d", MIN_STRANGERS_ONE_IN,
                    MAX_STRANGERS_ONE_IN, strangersOneIn), String.format(Locale.ROOT, "the default is 1 in %,d",
                    OpenSetDecision.DEFAULT_ONE_IN));
        }
        range("livenessThreshold", livenessThreshold, 0.01f, 0.95f);
        if (cooldown == null || cooldown.isNegative() || cooldown.compareTo(Duration.ofHours(24)) > 0) {
            throw new SettingsException("cooldown", "the cooldown must be between 0 and 24 hours",
                    "2 minutes suits most doors");
        }
        if (processEveryNth < 1 || processEveryNth > 10) {
            throw new SettingsException("processEveryNth", "'analyse every n-th frame' must be between 1 and 10",
                    "use 1 on a desktop PC and 2–3 on a Raspberry Pi");
        }
        if (maxFrameWidth != 0 && (maxFrameWidth < 320 || maxFrameWidth > 4096)) {
            throw new SettingsException("maxFrameWidth", "the analysis width must be 0 (full size) or 320–4096 pixels",
                    "1280 keeps faces 2–3 m from the camera large enough");
        }
        detectorId = blankTo(detectorId, DEFAULT_DETECTOR);
        embedderId = blankTo(embedderId, DEFAULT_EMBEDDER);
        livenessId = blankTo(livenessId, DEFAULT_LIVENESS);
    }

    /** The defaults, with no source chosen yet. */
    public static SuiteSettings defaults() {
        StationSettings s = StationSettings.defaults();
        return new SuiteSettings("", "Main entrance", "auto", s.acceptRule().oneIn(), s.requireLiveness(), s.livenessThreshold(),
                s.cooldown(), s.processEveryNth(), s.maxFrameWidth(), DEFAULT_DETECTOR, DEFAULT_EMBEDDER, DEFAULT_LIVENESS);
    }

    public SuiteSettings withSource(String newSource) {
        return new SuiteSettings(newSource, stationName, direction, strangersOneIn, livenessEnabled, livenessThreshold,
                cooldown, processEveryNth, maxFrameWidth, detectorId, embedderId, livenessId);
    }

    /** These settings with another "1 stranger in N" (checked like any other). */
    public SuiteSettings withStrangersOneIn(int oneIn) {
        return new SuiteSettings(source, stationName, direction, oneIn, livenessEnabled, livenessThreshold,
                cooldown, processEveryNth, maxFrameWidth, detectorId, embedderId, livenessId);
    }

    /** The accept rule of the station and {@code identify} for these values. */
    public OpenSetDecision acceptRule() {
        return OpenSetDecision.oneStrangerIn(strangersOneIn);
    }

    /**
     * The similarity at which one 1:1 comparison ({@code verify}) calls two faces the same person: the
     * accept rule applied to a single comparison, before any gallery has measured itself; to 0.01, as
     * {@code verify} shows it (0.41 at the default).
     */
    public float verifyThreshold() {
        return Math.round(acceptRule().threshold(ImpostorScores.PRIOR, 1) * 100) / 100f;
    }

    /**
     * A same-person threshold given for one 1:1 comparison, checked like every saved value.
     *
     * @throws SettingsException (field {@code verifyThreshold}) when it is not between 0.2 and 0.9
     */
    public static float checkedVerifyThreshold(float threshold) {
        range("verifyThreshold", threshold, 0.2f, 0.9f);
        return threshold;
    }

    /** The engine's station settings for these values. */
    public StationSettings stationSettings() {
        return StationSettings.defaults().withAcceptRule(acceptRule()).withCooldown(cooldown)
                .withProcessEveryNth(processEveryNth).withMaxFrameWidth(maxFrameWidth)
                .withLiveness(livenessThreshold, livenessEnabled);
    }

    private static void range(String field, float value, float min, float max) {
        if (!(value >= min && value <= max)) {
            throw new SettingsException(field, String.format(Locale.ROOT, "%s must be between %.2f and %.2f, was %s",
                    field.equals("verifyThreshold") ? "the same-person threshold" : "the liveness threshold", min, max, value),
                    "the default is " + String.format(Locale.ROOT, "%.2f", field.equals("verifyThreshold")
                            ? defaults().verifyThreshold() : StationSettings.DEFAULT_LIVENESS_THRESHOLD));
        }
    }

    private static String blankTo(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip();
    }
}
