package com.faceattend.fleet.journal;

/**
 * Puts one journalled event into the central store. Must be idempotent: the forwarder may deliver an
 * event again after a crash between the central commit and the journal's "delivered" mark, and the
 * second delivery must store nothing (the central tables' UNIQUE event ids see to it).
 */
@FunctionalInterface
public interface Delivery {
    /**
     * @return true when stored now, false when the central store had the event id already (a replay)
     * @throws RuntimeException when it could not be delivered; a {@link com.faceattend.spi.Problem} of
     *                          kind NOT_FOUND, BAD_VALUE or BAD_INPUT is final (the event is set aside
     *                          as rejected), anything else is retried with back-off
     */
    boolean deliver(JournalEntry entry);

    /**
     * Whether {@link #deliverTogether} takes this entry along with its neighbours (default: no).
     */
    default boolean batchable(JournalEntry entry) {
        return false;
    }

    /**
     * Delivers consecutive {@link #batchable} entries at once, in one central transaction where the
     * store can (all or nothing); the default delivers them one by one.
     *
     * @return how many were stored now (the rest were stored already)
     * @throws RuntimeException as {@link #deliver}; the forwarder then delivers them one by one
     */
    default int deliverTogether(java.util.List<JournalEntry> entries) {
        int stored = 0;
        for (JournalEntry e : entries) {
            stored += deliver(e) ? 1 : 0;
        }
        return stored;
    }
}
