package com.faceattend.gpio;

import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One output pin switched on for a time, or through an on/off pattern, by a scheduler rather than
 * by sleeping: the caller never waits. A new pulse while one runs restarts the time (a second
 * person recognised while the door is open keeps it open), it does not stack.
 */
final class TimedOutput {
    private final DigitalOutput pin;
    private final DigitalState on;
    private final DigitalState off;
    private final ScheduledExecutorService scheduler;
    private final List<ScheduledFuture<?>> pending = new ArrayList<>();

    TimedOutput(DigitalOutput pin, boolean activeLow, ScheduledExecutorService scheduler) {
        this.pin = pin;
        this.on = activeLow ? DigitalState.LOW : DigitalState.HIGH;
        this.off = activeLow ? DigitalState.HIGH : DigitalState.LOW;
        this.scheduler = scheduler;
    }

    /** On now, off after {@code length}. */
    synchronized void pulse(Duration length) {
        cancelPending();
        pin.state(on);
        pending.add(scheduler.schedule(this::switchOff, length.toNanos(), TimeUnit.NANOSECONDS));
    }

    /** On, off, on, ... for the given milliseconds, starting now; ends off. */
    synchronized void pattern(long[] onOffMillis) {
        cancelPending();
        pin.state(on);
        long at = 0;
        for (int i = 0; i < onOffMillis.length; i++) {
            at += onOffMillis[i];
            DigitalState next = i % 2 == 0 ? off : on;
            pending.add(scheduler.schedule(() -> set(next), at, TimeUnit.MILLISECONDS));
        }
    }

    /** Off now, nothing pending. */
    synchronized void reset() {
        cancelPending();
        pin.state(off);
    }

    private synchronized void switchOff() {
        pin.state(off);
    }

    private synchronized void set(DigitalState s) {
        pin.state(s);
    }

    private void cancelPending() {
        for (ScheduledFuture<?> f : pending) {
            f.cancel(false);
        }
        pending.clear();
    }
}
