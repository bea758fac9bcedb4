package com.faceattend.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One committed change to what recognition needs of a person, from the store's change sequence
 * (see {@link GalleryChanges}). A station reloads the person's templates for any kind; the kind
 * is for logs and for deciding whether the station's local copy must be wiped.
 *
 * @param seq          position in the sequence; strictly increasing in commit order
 * @param employeeCode the person changed
 * @param kind         what happened
 * @param changedAt    when the change was made (the writer's clock)
 */
public record GalleryChange(long seq, String employeeCode, Kind kind, Instant changedAt) {
    public GalleryChange {
        Objects.requireNonNull(employeeCode, "employeeCode");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(changedAt, "changedAt");
    }

    /** What happened to the person. */
    public enum Kind {
        ENROLMENT, TEMPLATES_DELETED, EMPLOYEE_DELETED, DEACTIVATED, ACTIVATED, CONSENT_RECORDED, CONSENT_WITHDRAWN,
        UPDATED, OTHER;

        /** Whether this change removes templates, so copies of them elsewhere must be erased too. */
        public boolean removesTemplates() {
            return this == TEMPLATES_DELETED || this == EMPLOYEE_DELETED || this == DEACTIVATED || this == CONSENT_WITHDRAWN;
        }

        static Kind parse(String s) {
            try {
                return valueOf(s.strip());
            } catch (IllegalArgumentException e) {
                return OTHER; // written by a newer version: the station still reloads the person
            }
        }
    }
}
