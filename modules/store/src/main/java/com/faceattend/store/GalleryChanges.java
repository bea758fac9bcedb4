package com.faceattend.store;

import java.util.List;
import java.util.Objects;

/**
 * The store's change sequence, read side: what stations follow to keep their galleries current.
 * Every enrolment, template deletion, employee deletion, (de)activation and consent change made
 * through {@link DerbyAttendanceStore} writes one {@link GalleryChange} in its own transaction.
 *
 * <pre>
 * GalleryChanges feed = new GalleryChanges(store);
 * long applied = feed.latest();                 // then load the whole gallery
 * for (GalleryChange c : feed.since(applied, 500)) { reload(c.employeeCode()); applied = c.seq(); }
 * </pre>
 */
public final class GalleryChanges {
    private final Database db;

    public GalleryChanges(DerbyAttendanceStore store) {
        this.db = Objects.requireNonNull(store, "store").database();
    }

    /** The newest sequence number (0 before the first change). */
    public long latest() {
        return db.transaction("read the latest gallery change", GalleryChangeSql::latest);
    }

    /** Up to {@code limit} changes after {@code afterSeq}, oldest first. */
    public List<GalleryChange> since(long afterSeq, int limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive, was " + limit);
        }
        return db.transaction("read gallery changes after #" + afterSeq, c -> GalleryChangeSql.since(c, afterSeq, limit));
    }
}
