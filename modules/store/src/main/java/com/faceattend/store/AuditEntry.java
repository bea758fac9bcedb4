package com.faceattend.store;

import java.time.Instant;

/**
 * One line of the audit trail: who did what, when, from which station or PC. {@code dbUser} is the
 * database account the engine saw write it (null for entries older than accounts). Never holds
 * biometric data.
 */
public record AuditEntry(long id, Instant time, String actor, String action, String detail, String station, String dbUser) {
}
