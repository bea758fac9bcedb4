package com.faceattend.store;

import java.time.Instant;

/** One line of the audit trail: who did what, when. Never holds biometric data. */
public record AuditEntry(long id, Instant time, String actor, String action, String detail) {
}
