package com.faceattend.store;

import java.time.Instant;

/**
 * Which audit entries to list: any of the bounds may be null (no limit). {@code actor} matches the
 * actor exactly (case-insensitive); {@code action} too, or as a prefix when it ends in '*'.
 */
public record AuditQuery(Instant from, Instant to, String actor, String action, int limit) {
    public static AuditQuery latest(int limit) {
        return new AuditQuery(null, null, null, null, limit);
    }
}
