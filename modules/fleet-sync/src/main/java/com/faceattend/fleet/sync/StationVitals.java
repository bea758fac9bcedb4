package com.faceattend.fleet.sync;

import com.faceattend.spi.AttendanceEvent;
import com.faceattend.spi.AttendanceListener;
import java.time.Clock;
import java.time.LocalDate;

/**
 * What a running station counts for its heartbeat: events since local midnight and the frame
 * rate. Fed from the station thread (as an {@link AttendanceListener} and by
 * {@link #framesPerSecond(double)}), read by the heartbeat thread; thread-safe.
 */
public final class StationVitals implements AttendanceListener {
    private final Clock clock;
    private LocalDate day;
    private int eventsToday;
    private volatile double fps;

    public StationVitals(Clock clock) {
        this.clock = clock;
        this.day = LocalDate.now(clock);
    }

    /** Counts every event the station reports: passes, strangers and spoof attempts. */
    @Override
    public synchronized void onEvent(AttendanceEvent event) {
        rollDay();
        eventsToday++;
    }

    public void framesPerSecond(double framesPerSecond) {
        this.fps = Double.isFinite(framesPerSecond) && framesPerSecond > 0 ? framesPerSecond : 0;
    }

    public synchronized int eventsToday() {
        rollDay();
        return eventsToday;
    }

    public double framesPerSecond() {
        return fps;
    }

    private void rollDay() {
        LocalDate today = LocalDate.now(clock);
        if (!today.equals(day)) {
            day = today;
            eventsToday = 0;
        }
    }
}
