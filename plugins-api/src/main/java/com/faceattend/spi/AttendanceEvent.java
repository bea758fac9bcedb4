package com.faceattend.spi;

import java.time.Instant;

/**
 * What a station decided about a face it tracked. Listeners (database recorder, GPIO door relay,
 * alert panel, webhook) receive these through {@link AttendanceListener}.
 *
 * @since 0.1
 */
public sealed interface AttendanceEvent {
    Instant time();

    String station();

    /** Check-in or check-out. */
    enum Direction { IN, OUT }

    /** A recognised, live person passed; attendance recorded. */
    record PersonRecognized(Instant time, String station, String employeeCode, String employeeName,
                            Direction direction, float similarity, float liveScore) implements AttendanceEvent { }

    /**
     * A face that matched nobody was tracked long enough to be sure; one per visit. The
     * embedding stays on the machine: listeners get it only to group repeat visitors.
     */
    record StrangerSeen(Instant time, String station, float bestSimilarity, Embedding embedding)
            implements AttendanceEvent { }

    /** A face failed the liveness check (photo, screen, mask). */
    record SpoofSuspected(Instant time, String station, String claimedEmployeeCode, float liveScore)
            implements AttendanceEvent { }
}
