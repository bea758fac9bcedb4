package com.faceattend.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A running station's state as it last wrote it to the store (see {@link StationHeartbeats}).
 *
 * @param station         the station's name
 * @param host            the machine it runs on
 * @param startedAt       when this run of the station started
 * @param lastBeat        when it last wrote this row (the station's clock)
 * @param interval        how often it writes: a station is offline after 3 missed intervals
 * @param eventsToday     attendance events it recognised since local midnight
 * @param backlog         events waiting in its journal to reach the central store
 * @param framesPerSecond frames shown per second
 * @param version         FaceAttend version of the station
 * @param gallerySeq      the last gallery change (see {@link GalleryChanges}) the station applied
 */
public record StationBeat(String station, String host, Instant startedAt, Instant lastBeat, Duration interval,
                          int eventsToday, int backlog, double framesPerSecond, String version, long gallerySeq) {
    public StationBeat {
        Objects.requireNonNull(station, "station");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(lastBeat, "lastBeat");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(version, "version");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("the heartbeat interval must be positive, was " + interval);
        }
    }

    /** Online: a heartbeat came within the last three intervals before {@code now}. */
    public boolean onlineAt(Instant now) {
        return !lastBeat.plus(interval.multipliedBy(3)).isBefore(now);
    }
}
