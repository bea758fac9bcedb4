package com.faceattend.store;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A person who may be recognised. {@code consentRecordedAt} is null until their consent to
 * biometric enrolment has been recorded; without it no face templates are stored for them.
 * Inactive employees stay in reports but are not recognised.
 *
 * @param hireDate  first day of employment, or null when not recorded (no limit)
 * @param leaveDate last day of employment, or null while employed (no limit)
 */
public record Employee(long id, String code, String name, String department, Instant consentRecordedAt,
                       boolean active, LocalDate hireDate, LocalDate leaveDate) {

    /** An employee without recorded hire and leave dates. */
    public Employee(long id, String code, String name, String department, Instant consentRecordedAt, boolean active) {
        this(id, code, name, department, consentRecordedAt, active, null, null);
    }

    /** Whether templates may be stored for this employee. */
    public boolean hasConsent() {
        return consentRecordedAt != null;
    }

    /** Whether {@code date} lies within the employment (both ends inclusive; a missing date is no limit). */
    public boolean employedOn(LocalDate date) {
        return (hireDate == null || !date.isBefore(hireDate)) && (leaveDate == null || !date.isAfter(leaveDate));
    }

    /** Whether any day of {@code [from, to]} lies within the employment. */
    public boolean employedDuring(LocalDate from, LocalDate to) {
        return (hireDate == null || !to.isBefore(hireDate)) && (leaveDate == null || !from.isAfter(leaveDate));
    }
}
