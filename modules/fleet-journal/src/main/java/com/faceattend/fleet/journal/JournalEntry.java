package com.faceattend.fleet.journal;

import com.faceattend.spi.AttendanceEvent;
import java.util.Objects;
import java.util.UUID;

/**
 * One event in a station's journal.
 *
 * @param seq     the journal's order (0 before it is written)
 * @param eventId the globally unique id made at the station (a UUID in canonical form), stored with
 *                the event in the central store
 * @param event   what the station decided (the SDK's event record, unchanged)
 */
public record JournalEntry(long seq, String eventId, AttendanceEvent event) {
    public JournalEntry {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(event, "event");
        if (!UUID.fromString(eventId).toString().equals(eventId)) {
            throw new IllegalArgumentException("an event id is a UUID in canonical form, not '" + eventId + "'");
        }
    }

    /** A new entry for {@code event} with a fresh random id. */
    public static JournalEntry fresh(AttendanceEvent event) {
        return new JournalEntry(0, UUID.randomUUID().toString(), event);
    }
}
