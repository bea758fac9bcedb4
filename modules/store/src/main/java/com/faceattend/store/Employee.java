package com.faceattend.store;

import java.time.Instant;

/**
 * A person who may be recognised. {@code consentRecordedAt} is null until their consent to
 * biometric enrolment has been recorded; without it no face templates are stored for them.
 * Inactive employees stay in reports but are not recognised.
 */
public record Employee(long id, String code, String name, String department, Instant consentRecordedAt,
                       boolean active) {

    /** Whether templates may be stored for this employee. */
    public boolean hasConsent() {
        return consentRecordedAt != null;
    }
}
