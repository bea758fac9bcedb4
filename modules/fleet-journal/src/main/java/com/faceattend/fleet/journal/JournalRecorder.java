package com.faceattend.fleet.journal;

import com.faceattend.spi.AttendanceEvent;
import com.faceattend.spi.AttendanceListener;
import java.util.Objects;

/**
 * The station's recorder when it has a journal: gives every event its globally unique id, commits
 * it to the journal (on the station thread, so the event is durable before the next frame), and
 * wakes the forwarder. Nothing else of the station writes to the central store.
 */
public final class JournalRecorder implements AttendanceListener {
    private final EventJournal journal;
    private final JournalForwarder forwarder;

    public JournalRecorder(EventJournal journal, JournalForwarder forwarder) {
        this.journal = Objects.requireNonNull(journal, "journal");
        this.forwarder = Objects.requireNonNull(forwarder, "forwarder");
    }

    @Override
    public void onEvent(AttendanceEvent event) {
        record(event);
    }

    /** Journals {@code event} under a fresh id and returns the entry (its id goes to the central store). */
    public JournalEntry record(AttendanceEvent event) {
        JournalEntry entry = journal.append(JournalEntry.fresh(event));
        forwarder.nudge();
        return entry;
    }

    @Override
    public String toString() {
        return "JournalRecorder[" + journal + "]";
    }
}
