package com.faceattend.store;

import java.time.Instant;

/**
 * Which alerts to list, newest first.
 *
 * @param since              only alerts at or after this instant; null = all
 * @param kind               only this kind; null = both
 * @param unacknowledgedOnly only alerts nobody has acknowledged yet
 * @param limit              at most this many (newest); must be positive
 */
public record AlertQuery(Instant since, AlertKind kind, boolean unacknowledgedOnly, int limit) {
    public AlertQuery {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
    }

    /** Every alert, newest 1,000. */
    public static AlertQuery all() {
        return new AlertQuery(null, null, false, 1000);
    }

    public AlertQuery since(Instant t) {
        return new AlertQuery(t, kind, unacknowledgedOnly, limit);
    }

    public AlertQuery kind(AlertKind k) {
        return new AlertQuery(since, k, unacknowledgedOnly, limit);
    }

    public AlertQuery unacknowledged() {
        return new AlertQuery(since, kind, true, limit);
    }

    public AlertQuery limit(int n) {
        return new AlertQuery(since, kind, unacknowledgedOnly, n);
    }
}
