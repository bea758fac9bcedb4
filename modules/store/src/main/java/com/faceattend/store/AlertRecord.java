package com.faceattend.store;

import java.time.Instant;

/**
 * One stored alert.
 *
 * @param strangerGroupId  STRANGER: the repeat-stranger group the visit joined, null for SPOOF or once the
 *                         group expired
 * @param groupVisits      visits of that group so far (0 when there is no group)
 * @param similarity       STRANGER: best similarity to any employee; SPOOF: to the claimed employee; NaN if unknown
 * @param groupSimilarity  STRANGER: similarity to the group's centroid when this visit joined it; NaN for a new group
 * @param liveScore        SPOOF: the live score; NaN otherwise
 * @param claimedEmployee  SPOOF: code of the employee the face resembled; null otherwise
 * @param snapshot         name of the encrypted snapshot file, null when none was taken (the default)
 * @param ackTime          null while unacknowledged
 */
public record AlertRecord(long id, AlertKind kind, Instant time, String station, Long strangerGroupId, int groupVisits,
                          float similarity, float groupSimilarity, float liveScore, String claimedEmployee,
                          String snapshot, Instant ackTime, String ackActor, String ackNote) {

    public boolean acknowledged() {
        return ackTime != null;
    }
}
