package com.faceattend.engine.station;

/** How much work a station does per analysed frame. */
public enum StationPacing {
    /**
     * The earlier path: every face of every analysed frame gets its landmarks located, and the tracks
     * still deciding are embedded and checked for liveness on the frame's own thread before the next
     * frame is read. Kept for side-by-side measurement ({@code faceattend bench}).
     */
    EVERY_FRAME,
    /**
     * Per frame only detection (boxes) and tracking; landmarks, embedding and liveness run only for
     * the tracks that need them (a new or undecided track, a due re-check), and, when the station runs
     * under a {@link StationRunner}, on a second thread while the next frame is detected. The default.
     */
    DETECTOR_PACED
}
