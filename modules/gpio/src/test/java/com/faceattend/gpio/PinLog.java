package com.faceattend.gpio;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/** Every state change of the mock output pins, with the time it happened (ms after the log started, on the given clock). */
final class PinLog {
    record Change(String pin, DigitalState state, double atMillis) {
        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "%s=%s@%.0f", pin, state, atMillis);
        }
    }

    private final LongSupplier nanoTime;
    private final long start;
    private final List<Change> changes = new ArrayList<>();

    /** Times changes by {@code nanoTime} (a {@link VirtualScheduler}'s clock in the unit tests). */
    PinLog(LongSupplier nanoTime, Context pi4j, String... ids) {
        this.nanoTime = nanoTime;
        this.start = nanoTime.getAsLong();
        for (String id : ids) {
            pi4j.io(id, DigitalOutput.class).addListener(e -> record(id, e.state()));
        }
    }

    private synchronized void record(String id, DigitalState s) {
        changes.add(new Change(id, s, (nanoTime.getAsLong() - start) / 1e6));
    }

    synchronized List<Change> of(String pin) {
        return changes.stream().filter(c -> c.pin().equals(pin)).toList();
    }

    synchronized List<DigitalState> states(String pin) {
        return of(pin).stream().map(Change::state).toList();
    }

    synchronized List<Change> all() {
        return List.copyOf(changes);
    }
}
