package com.faceattend.engine.station;

import com.faceattend.spi.AttendanceEvent;
import com.faceattend.spi.FaceBox;
import java.util.List;

/**
 * What a station made of one frame, for display: each tracked face with its current label, and the
 * events decided on this frame.
 *
 * @param analysed false when the frame was skipped (frame skipping); the faces are then the last known
 */
public record FrameAnalysis(long timestampMillis, boolean analysed, List<FaceView> faces, List<AttendanceEvent> events) {

    /**
     * One face as a person at the station should see it.
     *
     * @param label      employee name, "Unknown", or empty while still deciding
     * @param similarity best similarity so far (NaN when not embedded yet)
     * @param liveScore  mean live score (NaN when not checked)
     */
    public record FaceView(int trackId, FaceBox box, TrackState state, String label, float similarity, float liveScore) { }
}
