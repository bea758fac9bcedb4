package com.faceattend.onnx;

import com.faceattend.spi.DetectedFace;
import com.faceattend.spi.FrameImage;
import com.faceattend.spi.LivenessCheck;
import com.faceattend.spi.LivenessResult;
import com.faceattend.spi.ProviderSettings;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Blink check with {@code fr_eye}: a track is live once its eyes were seen open, then closed, then
 * open again. Judges whole tracks: the result is 1 once the track blinked, else 0; a single photo
 * (no track) can never show a blink and scores 0. Hysteresis (open above {@link #OPEN_ABOVE},
 * closed below {@link #CLOSED_BELOW}) keeps a half-closed squint from counting as a blink.
 * A blink defeats a printed photo, not a video replayed on a screen: use it with the silent check.
 */
public final class EyeBlinkLivenessCheck implements LivenessCheck {
    static final float OPEN_ABOVE = 0.7f;
    static final float CLOSED_BELOW = 0.3f;
    /** Per-track state is dropped on trackEnded; this bounds it if a caller never says. */
    private static final int MAX_TRACKS = 256;

    private enum Phase { WAITING_FOR_OPEN, OPEN, CLOSED, BLINKED }

    private final EyeStateClassifier eyes;
    private final Map<Integer, Phase> tracks = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, Phase> eldest) {
            return size() > MAX_TRACKS;
        }
    };

    EyeBlinkLivenessCheck(ProviderSettings settings) {
        this.eyes = new EyeStateClassifier(settings);
    }

    /** Probability that the eyes in this frame are open (both eyes averaged). */
    public float openProbability(FrameImage frame, DetectedFace face) {
        return eyes.openProbability(frame, face.landmarks());
    }

    @Override
    public LivenessResult check(FrameImage frame, DetectedFace face) {
        return new LivenessResult(0f);
    }

    @Override
    public LivenessResult check(FrameImage frame, DetectedFace face, int trackId) {
        float open = openProbability(frame, face);
        Phase phase = tracks.getOrDefault(trackId, Phase.WAITING_FOR_OPEN);
        phase = switch (phase) {
            case WAITING_FOR_OPEN -> open > OPEN_ABOVE ? Phase.OPEN : phase;
            case OPEN -> open < CLOSED_BELOW ? Phase.CLOSED : phase;
            case CLOSED -> open > OPEN_ABOVE ? Phase.BLINKED : phase;
            case BLINKED -> phase;
        };
        tracks.put(trackId, phase);
        return new LivenessResult(phase == Phase.BLINKED ? 1f : 0f);
    }

    @Override
    public boolean judgesWholeTrack() {
        return true;
    }

    @Override
    public void trackEnded(int trackId) {
        tracks.remove(trackId);
    }

    @Override
    public void close() {
        eyes.close();
    }
}
