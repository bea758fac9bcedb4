package com.faceattend.engine.station;

/** Whether a detector-paced station recognises faces on a second thread, and how it keeps pace. */
enum RecognitionOverlap {
    /** On the caller's thread, within {@link AttendanceStation#process}: results on the same frame. */
    NONE,
    /**
     * On a second thread while the next frame is detected; that frame waits for the results before it
     * is tracked, so no frame goes unrecognised and a file plays to the same decisions on any machine.
     */
    IN_STEP,
    /**
     * On a second thread; while it is busy, frames are tracked without waiting and their faces are not
     * embedded: a live camera's newest frame wins and nothing queues up behind a slow recognition.
     */
    NEWEST_FRAME_WINS
}
