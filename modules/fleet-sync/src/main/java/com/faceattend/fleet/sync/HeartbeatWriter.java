package com.faceattend.fleet.sync;

import com.faceattend.store.DerbyAttendanceStore;
import com.faceattend.store.StationBeat;
import com.faceattend.store.StationHeartbeats;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes a running station's state to the central store every {@link #DEFAULT_INTERVAL}: name,
 * host, events today, backlog, frame rate, version and the last gallery change applied. A station
 * that misses three beats counts as offline ({@link StationBeat#onlineAt}). A failed write (store
 * unreachable) is only logged; the next beat tries again. Close it when the station stops.
 */
public final class HeartbeatWriter implements AutoCloseable {
    /** Short enough that "offline" shows within 10 s, long enough to cost the store nothing (one UPDATE). */
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(2);
    private static final Logger LOG = Logger.getLogger(HeartbeatWriter.class.getName());

    private final String station;
    private final String host = hostName();
    private final Instant startedAt;
    private final Duration interval;
    private final Supplier<DerbyAttendanceStore> central;
    private final StationVitals vitals;
    private final BacklogGauge backlog;
    private final LongSupplier gallerySeq;
    private final Clock clock;
    private final ScheduledExecutorService timer;
    private volatile boolean failing;

    private HeartbeatWriter(String station, Duration interval, Supplier<DerbyAttendanceStore> central, StationVitals vitals,
                            BacklogGauge backlog, LongSupplier gallerySeq, Clock clock) {
        this.station = station;
        this.interval = interval;
        this.central = central;
        this.vitals = vitals;
        this.backlog = backlog;
        this.gallerySeq = gallerySeq;
        this.clock = clock;
        this.startedAt = clock.instant();
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "faceattend-heartbeat");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts beating now and every {@code interval}. */
    public static HeartbeatWriter start(String station, Duration interval, Supplier<DerbyAttendanceStore> central, StationVitals vitals,
                                        BacklogGauge backlog, LongSupplier gallerySeq, Clock clock) {
        Objects.requireNonNull(station, "station");
        Objects.requireNonNull(central, "central");
        Objects.requireNonNull(vitals, "vitals");
        Objects.requireNonNull(backlog, "backlog");
        Objects.requireNonNull(gallerySeq, "gallerySeq");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("the heartbeat interval must be positive, was " + interval);
        }
        HeartbeatWriter w = new HeartbeatWriter(station, interval, central, vitals, backlog, gallerySeq, Objects.requireNonNull(clock, "clock"));
        w.timer.scheduleAtFixedRate(w::beat, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        return w;
    }

    /** The beat this station would write now. */
    public StationBeat current() {
        int waiting;
        try {
            waiting = Math.max(0, backlog.backlog());
        } catch (RuntimeException e) {
            waiting = -1; // shown as unknown rather than a made-up 0
        }
        return new StationBeat(station, host, startedAt, clock.instant(), interval, vitals.eventsToday(), waiting,
                vitals.framesPerSecond(), FleetVersion.current(), Math.max(0, gallerySeq.getAsLong()));
    }

    private void beat() {
        try {
            new StationHeartbeats(central.get()).write(current());
            if (failing) {
                failing = false;
                LOG.info(() -> "heartbeats of station '" + station + "' reach the central store again");
            }
        } catch (RuntimeException e) {
            if (!failing) {
                failing = true;
                LOG.log(Level.INFO, "heartbeat of station ''{0}'' not written (retried every {1} s): {2}",
                        new Object[] {station, interval.toSeconds(), e.getMessage()});
            }
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
