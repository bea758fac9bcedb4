package com.faceattend.fleet.sync;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Delays from a change being made centrally to a station applying it, in milliseconds (thread-safe). */
public final class SyncDelays {
    private final List<Long> millis = new ArrayList<>();

    synchronized void add(long ms) {
        millis.add(ms);
    }

    public synchronized int count() {
        return millis.size();
    }

    /** The median, or -1 with none yet. */
    public synchronized long median() {
        if (millis.isEmpty()) {
            return -1;
        }
        List<Long> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    /** The largest, or -1 with none yet. */
    public synchronized long max() {
        return millis.stream().mapToLong(Long::longValue).max().orElse(-1);
    }
}
