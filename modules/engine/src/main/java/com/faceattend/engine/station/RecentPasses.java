package com.faceattend.engine.station;

import java.time.Instant;
import java.util.Optional;

/**
 * Where a station looks up passes it recorded before it (re)started, normally the attendance
 * store: the cooldown must survive a restart, or every restart records the people in front of
 * the camera again.
 */
@FunctionalInterface
public interface RecentPasses {
    /** When {@code personKey} was last recorded at {@code station} at or after {@code since}, if at all. */
    Optional<Instant> lastRecorded(String personKey, String station, Instant since);
}
