package com.faceattend.fleet.journal;

/**
 * How far a station's journal is behind the central store: for the station's heartbeat and status
 * line. Thread-safe; cheap to ask (no database round trip).
 */
public interface Backlog {
    /** A station without a journal (its store is embedded on the same machine): nothing ever waits. */
    Backlog NONE = new Backlog() {
        @Override
        public long waitingEvents() {
            return 0;
        }

        @Override
        public boolean online() {
            return true;
        }
    };

    /** Events committed to the journal and not yet delivered to the central store. */
    long waitingEvents();

    /** False while the central store is unreachable (the last delivery attempt failed). */
    boolean online();
}
