package com.faceattend.store;

import com.faceattend.spi.Problem;
import com.faceattend.spi.AttendanceEvent;
import com.faceattend.spi.Embedding;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Alert history (strangers, suspected spoofs) and repeat-stranger groups, in the attendance
 * database (tables of migration V3). Thread-safe; every method is one transaction.
 */
public final class AlertStore {
    private static final int MAX_STATION = 128;
    private static final int MAX_CODE = 64;

    private final Database db;
    private final DerbyAttendanceStore store;

    public AlertStore(DerbyAttendanceStore store) {
        this.store = Objects.requireNonNull(store, "store");
        this.db = store.database();
    }

    /**
     * What became of a stranger sighting.
     *
     * @param group the group it joined or started (with its counts after this sighting)
     * @param alert the new alert, or empty when the sighting continued a visit already alerted
     */
    public record StrangerOutcome(StrangerGroup group, Optional<AlertRecord> alert) { }

    /**
     * Stores a stranger sighting: asks {@code grouping} which group it belongs to (among the
     * unexpired groups of its embedding model), folds the embedding into that group's centroid
     * (a running mean), keeps the group until {@code expiresAt} and, for a new visit, writes one
     * STRANGER alert, and records the sighting itself in the stranger visits (as
     * {@link DerbyAttendanceStore#recordStranger} does, embedding kept until {@code expiresAt}).
     * All in one transaction: a crash never leaves a sighting without its alert, or the reverse.
     */
    public StrangerOutcome recordStranger(AttendanceEvent.StrangerSeen e, Instant expiresAt, StrangerGrouping grouping) {
        Objects.requireNonNull(e, "event");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(grouping, "grouping");
        checkStation(e.station());
        Embedding embedding = Objects.requireNonNull(e.embedding(), "stranger embedding");
        if (embedding.dimension() > VectorCodec.MAX_DIMENSION) {
            throw StoreErrors.invalid("the stranger's embedding is too large to store",
                    "Use an embedder with at most " + VectorCodec.MAX_DIMENSION + " dimensions.");
        }
        return db.transaction("record a stranger alert", c -> {
            long station = StationSql.ensure(c, e.station(), Instant.now());
            StrangerSql.insert(c, station, e.time(), e.bestSimilarity(), embedding, expiresAt);
            return joinGroup(c, e, embedding, expiresAt, grouping, station, null);
        });
    }

    /** Joins or starts the sighting's group and writes the alert of a new visit; in the caller's transaction. */
    private static StrangerOutcome joinGroup(java.sql.Connection c, AttendanceEvent.StrangerSeen e, Embedding embedding, Instant expiresAt,
            StrangerGrouping grouping, long station, String eventId) throws java.sql.SQLException {
        List<StrangerGroup> groups = StrangerGroupSql.live(c, embedding.modelId(), e.time());
        StrangerGrouping.Decision d = grouping.decide(groups);
        long groupId;
        if (d.groupId() == null) {
            groupId = StrangerGroupSql.insert(c, embedding, e.time(), expiresAt);
        } else {
            StrangerGroup g = groups.stream().filter(x -> x.id() == d.groupId()).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("grouping chose group " + d.groupId()
                            + ", which is not among the live groups it was given"));
            StrangerGroupSql.update(c, g.id(), runningMean(g, embedding), g.members() + 1,
                    g.visitCount() + (d.newVisit() ? 1 : 0), max(g.lastSeen(), e.time()), max(g.expiresAt(), expiresAt));
            groupId = g.id();
        }
        Optional<AlertRecord> alert = Optional.empty();
        if (d.newVisit()) {
            long id = AlertSql.insert(c, AlertKind.STRANGER, e.time(), station, groupId, e.bestSimilarity(),
                    d.groupSimilarity(), Float.NaN, null, eventId);
            alert = AlertSql.find(c, id);
        }
        return new StrangerOutcome(StrangerGroupSql.find(c, groupId).orElseThrow(), alert);
    }

    /** Stores a SPOOF alert for a face that resembled an employee but failed the liveness check. */
    public AlertRecord recordSpoof(AttendanceEvent.SpoofSuspected e) {
        Objects.requireNonNull(e, "event");
        checkStation(e.station());
        String claimed = e.claimedEmployeeCode();
        if (claimed != null && claimed.length() > MAX_CODE) {
            claimed = claimed.substring(0, MAX_CODE);
        }
        String code = claimed;
        return db.transaction("record a spoof alert", c -> {
            long station = StationSql.ensure(c, e.station(), Instant.now());
            long id = AlertSql.insert(c, AlertKind.SPOOF, e.time(), station, null, Float.NaN, Float.NaN, e.liveScore(), code);
            return AlertSql.find(c, id).orElseThrow();
        });
    }

    /**
     * As {@link #recordStranger(AttendanceEvent.StrangerSeen, Instant, StrangerGrouping)}, for a
     * sighting a station made with the globally unique {@code eventId} (migration V7): stored once,
     * the sighting and its alert (if any) carrying the id; a replay of a stored id changes nothing.
     *
     * @return the outcome, or empty when the event id was stored already
     */
    public Optional<StrangerOutcome> recordStranger(AttendanceEvent.StrangerSeen e, Instant expiresAt, StrangerGrouping grouping,
            String eventId) {
        Objects.requireNonNull(e, "event");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(grouping, "grouping");
        checkStation(e.station());
        String id = EventIds.check(eventId);
        Embedding embedding = Objects.requireNonNull(e.embedding(), "stranger embedding");
        if (embedding.dimension() > VectorCodec.MAX_DIMENSION) {
            throw StoreErrors.invalid("the stranger's embedding is too large to store",
                    "Use an embedder with at most " + VectorCodec.MAX_DIMENSION + " dimensions.");
        }
        try {
            return db.transaction("record a stranger alert (event " + id + ")", c -> {
                if (EventIds.exists(c, "stranger_event", id)) {
                    return Optional.<StrangerOutcome>empty();
                }
                long station = StationSql.ensure(c, e.station(), Instant.now());
                StrangerSql.insert(c, station, e.time(), e.bestSimilarity(), embedding, expiresAt, id);
                return Optional.of(joinGroup(c, e, embedding, expiresAt, grouping, station, id));
            });
        } catch (StoreException failure) {
            if (EventIds.isDuplicateEventId(failure)) {
                return Optional.empty();
            }
            throw failure;
        }
    }

    /**
     * Stores a SPOOF alert for a station's event {@code eventId} (migration V7) together with its
     * audit entry (by {@code actor}), in one transaction; a replay of a stored id changes nothing.
     *
     * @return the new alert, or empty when the event id was stored already
     */
    public Optional<AlertRecord> recordSpoof(AttendanceEvent.SpoofSuspected e, String eventId, String actor) {
        Objects.requireNonNull(e, "event");
        checkStation(e.station());
        String id = EventIds.check(eventId);
        String claimed = e.claimedEmployeeCode();
        String code = claimed != null && claimed.length() > MAX_CODE ? claimed.substring(0, MAX_CODE) : claimed;
        try {
            return db.transaction("record a spoof alert (event " + id + ")", c -> {
                if (EventIds.exists(c, "alert", id)) {
                    return Optional.<AlertRecord>empty();
                }
                long station = StationSql.ensure(c, e.station(), Instant.now());
                long alertId = AlertSql.insert(c, AlertKind.SPOOF, e.time(), station, null, Float.NaN, Float.NaN, e.liveScore(), code, id);
                AuditSql.insert(c, Instant.now(), actor, "spoof-suspected", "claimed employee " + claimed + ", live score " + e.liveScore());
                return AlertSql.find(c, alertId);
            });
        } catch (StoreException failure) {
            if (EventIds.isDuplicateEventId(failure)) {
                return Optional.empty();
            }
            throw failure;
        }
    }

    /** Notes the encrypted snapshot file that belongs to an alert. */
    public void attachSnapshot(long alertId, String snapshotName) {
        Objects.requireNonNull(snapshotName, "snapshotName");
        db.transaction("attach a snapshot to alert " + alertId, c -> {
            requireAlert(c, alertId);
            AlertSql.setSnapshot(c, alertId, snapshotName);
            return null;
        });
    }

    /** Alerts matching {@code query}, newest first. */
    public List<AlertRecord> list(AlertQuery query) {
        Objects.requireNonNull(query, "query");
        return db.transaction("list alerts", c -> AlertSql.list(c, query));
    }

    public Optional<AlertRecord> find(long id) {
        return db.transaction("read alert " + id, c -> AlertSql.find(c, id));
    }

    /**
     * Marks an alert as dealt with, by whom and why, and writes the audit log.
     *
     * @throws StoreException when no alert has that id, it was acknowledged already, or actor/note are too long
     */
    public AlertRecord acknowledge(long id, String actor, String note, Instant at) {
        Objects.requireNonNull(at, "at");
        if (actor == null || actor.isBlank()) {
            throw StoreErrors.invalid("an acknowledgement needs the name of who acknowledged it", "Give the actor's name.");
        }
        if (actor.length() > AlertSql.MAX_ACTOR) {
            throw StoreErrors.invalid("the actor name is longer than " + AlertSql.MAX_ACTOR + " characters", "Shorten it.");
        }
        if (note != null && note.length() > AlertSql.MAX_NOTE) {
            throw StoreErrors.invalid("the note is longer than " + AlertSql.MAX_NOTE + " characters (" + note.length() + ")",
                    "Shorten the note.");
        }
        return db.transaction("acknowledge alert " + id, c -> {
            AlertRecord before = requireAlert(c, id);
            if (before.acknowledged()) {
                throw new StoreException(Problem.Kind.REFUSED, "alert " + id + " was already acknowledged by " + before.ackActor() + " at "
                        + before.ackTime(), "Nothing to do.");
            }
            AlertSql.acknowledge(c, id, at, actor, note);
            AuditSql.insert(c, Instant.now(), actor, "alert-ack", "alert " + id + " (" + before.kind() + ")"
                    + (note == null || note.isBlank() ? "" : ": " + note));
            return AlertSql.find(c, id).orElseThrow();
        });
    }

    public Optional<StrangerGroup> group(long id) {
        return db.transaction("read stranger group " + id, c -> StrangerGroupSql.find(c, id));
    }

    /** Unexpired stranger groups of one embedding model. */
    public List<StrangerGroup> groups(String modelId, Instant now) {
        return db.transaction("list stranger groups", c -> StrangerGroupSql.live(c, modelId, now));
    }

    /** STRANGER alerts (visits) of a group at or after {@code since}. */
    public int visitsSince(long groupId, Instant since) {
        return db.transaction("count visits of stranger group " + groupId, c -> AlertSql.countVisits(c, groupId, since));
    }

    /**
     * Erases stranger groups whose expiry is at or before {@code now} (their centroid embeddings
     * with them, wiped from the database files); their alerts stay, without a group.
     *
     * @return how many groups were erased
     */
    public int purgeExpiredGroups(Instant now) {
        Objects.requireNonNull(now, "now");
        int purged = db.transaction("purge expired stranger groups", c -> {
            int n = StrangerGroupSql.deleteExpired(c, now);
            if (n > 0) {
                BiometricScrubber.markPending(c, "STRANGER_GROUP");
                AuditSql.insert(c, Instant.now(), System.getProperty("user.name", "unknown"), "purge-stranger-groups",
                        n + " stranger groups expired by " + now);
            }
            return n;
        });
        if (purged > 0) {
            store.scrubPending();
        }
        return purged;
    }

    private static AlertRecord requireAlert(java.sql.Connection c, long id) throws java.sql.SQLException {
        return AlertSql.find(c, id).orElseThrow(() -> new StoreException(Problem.Kind.NOT_FOUND, "no alert with id " + id,
                "Check the alert id in the list of alerts."));
    }

    private static Embedding runningMean(StrangerGroup g, Embedding add) {
        float[] c = g.centroid().vector();
        float[] v = add.vector();
        if (c.length != v.length || !g.centroid().modelId().equals(add.modelId())) {
            throw new IllegalArgumentException("embedding of model " + add.modelId() + " cannot join a group of "
                    + g.centroid().modelId());
        }
        float[] sum = new float[c.length];
        for (int i = 0; i < c.length; i++) {
            sum[i] = c[i] * g.members() + v[i];
        }
        return Embedding.normalised(add.modelId(), sum);
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static void checkStation(String station) {
        if (station == null || station.isBlank() || station.length() > MAX_STATION) {
            throw StoreErrors.invalid("the station name must be 1 to " + MAX_STATION + " characters", "Name the station.");
        }
    }
}
