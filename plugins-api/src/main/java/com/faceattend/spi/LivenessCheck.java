package com.faceattend.spi;

/**
 * Tells a live face from a photo, a screen or a mask. Stateful; close it.
 * <p>
 * A check either scores single frames (the station averages a track's scores), or, like a blink
 * check, judges a whole track: it then keeps state per track id, overrides
 * {@link #check(FrameImage, DetectedFace, int)}, {@link #judgesWholeTrack()} and
 * {@link #trackEnded(int)}, and its latest result for a track is that track's verdict.
 *
 * @since 0.1
 */
public interface LivenessCheck extends AutoCloseable {
    LivenessResult check(FrameImage frame, DetectedFace face);

    /**
     * Checks one frame of a face the station follows as track {@code trackId}. The default ignores
     * the track and checks the frame alone.
     *
     * @since 0.2
     */
    default LivenessResult check(FrameImage frame, DetectedFace face, int trackId) {
        return check(frame, face);
    }

    /**
     * True when the latest result for a track is the verdict on the whole track so far (a blink
     * check: 0 until a blink was seen), so the station uses it instead of the mean of the track's
     * results, and waits a little for it to rise before calling a recognised face a spoof. Default false.
     *
     * @since 0.2
     */
    default boolean judgesWholeTrack() {
        return false;
    }

    /**
     * The station stopped following track {@code trackId}: drop whatever was kept for it. Default: nothing.
     *
     * @since 0.2
     */
    default void trackEnded(int trackId) {
    }

    @Override
    void close();
}
