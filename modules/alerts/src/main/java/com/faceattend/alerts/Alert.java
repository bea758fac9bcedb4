package com.faceattend.alerts;

import com.faceattend.store.AlertKind;
import com.faceattend.store.AlertRecord;

/**
 * An alert as people see it: the stored record plus a one-line description such as
 * "unknown #17, seen 4 times this week".
 *
 * @param visitsThisWeek STRANGER: visits of the same group in the 7 days up to now (0 when not grouped)
 */
public record Alert(AlertRecord record, int visitsThisWeek, String description) {
    public long id() {
        return record.id();
    }

    public AlertKind kind() {
        return record.kind();
    }
}
