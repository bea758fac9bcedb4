package com.faceattend.alerts;

import com.faceattend.store.AlertQuery;
import com.faceattend.store.AlertRecord;
import com.faceattend.store.AlertStore;
import com.faceattend.store.DerbyAttendanceStore;
import com.faceattend.store.StoreException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What the desktop Alerts panel and the CLI call: list and filter alerts, acknowledge one with a
 * note, be told of new ones, read an alert's snapshot, and erase what has expired. Stations feed
 * it through {@link #forStation()}. Headless and thread-safe.
 */
public final class AlertService {
    private static final Logger LOG = Logger.getLogger(AlertService.class.getName());
    static final Duration WEEK = Duration.ofDays(7);

    private final AlertStore store;
    private final AlertSettings settings;
    private final SnapshotVault vault;
    private final Clock clock;
    private final List<AlertListener> listeners = new CopyOnWriteArrayList<>();

    /**
     * @param snapshotDir where encrypted snapshots live; needed only when {@code settings.snapshots()},
     *                    may be null otherwise; with snapshots off it is only read (and purged) if it exists
     */
    public AlertService(DerbyAttendanceStore store, AlertSettings settings, Path snapshotDir, Clock clock) {
        this.store = new AlertStore(Objects.requireNonNull(store, "store"));
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (settings.snapshots() && snapshotDir == null) {
            throw new IllegalArgumentException("snapshots are on but no snapshot folder was given");
        }
        // no folder (and no key) is created unless snapshots are on; an existing one is still read and purged
        this.vault = snapshotDir != null && (settings.snapshots() || java.nio.file.Files.isDirectory(snapshotDir))
                ? SnapshotVault.open(snapshotDir) : null;
    }

    public AlertSettings settings() {
        return settings;
    }

    /** A listener for one station that turns its StrangerSeen and SpoofSuspected events into alerts. */
    public StationAlerts forStation() {
        return new StationAlerts(this, store, settings, settings.snapshots() ? vault : null);
    }

    /** Alerts matching {@code query}, newest first. */
    public List<Alert> list(AlertQuery query) {
        return store.list(query).stream().map(this::describe).toList();
    }

    public Optional<Alert> find(long id) {
        return store.find(id).map(this::describe);
    }

    /**
     * Marks an alert as dealt with.
     *
     * @throws StoreException when there is no such alert or it was acknowledged already
     */
    public Alert acknowledge(long id, String actor, String note) {
        return describe(store.acknowledge(id, actor, note == null || note.isBlank() ? null : note.strip(), clock.instant()));
    }

    public void addListener(AlertListener listener) {
        listeners.add(Objects.requireNonNull(listener));
    }

    public void removeListener(AlertListener listener) {
        listeners.remove(listener);
    }

    /** The alert's snapshot, or empty when none was taken or it expired. */
    public Optional<SnapshotImage> snapshot(long alertId) {
        AlertRecord r = store.find(alertId).orElseThrow(() -> new StoreException("no alert with id " + alertId,
                "List alerts with `faceattend alerts list`."));
        if (r.snapshot() == null || vault == null) {
            return Optional.empty();
        }
        return vault.read(r.snapshot(), clock.instant());
    }

    /** Expired stranger groups and snapshots that were erased by {@link #purgeExpired}. */
    public record Purged(int strangerGroups, int snapshots) { }

    /** Erases stranger groups and snapshots whose time is up. Stations call it at start. */
    public Purged purgeExpired() {
        Instant now = clock.instant();
        int groups = store.purgeExpiredGroups(now);
        int snaps = vault == null ? 0 : vault.purgeExpired(now);
        return new Purged(groups, snaps);
    }

    Alert describe(AlertRecord r) {
        return switch (r.kind()) {
            case STRANGER -> {
                if (r.strangerGroupId() == null) {
                    yield new Alert(r, 0, "unknown person (group expired)");
                }
                int week = store.visitsSince(r.strangerGroupId(), clock.instant().minus(WEEK));
                yield new Alert(r, week, String.format(Locale.ROOT, "unknown #%d, seen %s this week (%d in all)",
                        r.strangerGroupId(), week == 1 ? "once" : week + " times", r.groupVisits()));
            }
            case SPOOF -> new Alert(r, 0, String.format(Locale.ROOT,
                    "possible spoof: a face resembling %s failed the liveness check (live score %.2f)",
                    r.claimedEmployee() == null ? "an employee" : r.claimedEmployee(), r.liveScore()));
        };
    }

    void fire(AlertRecord record) {
        Alert alert = describe(record);
        for (AlertListener l : listeners) {
            try {
                l.onAlert(alert);
            } catch (RuntimeException e) {
                // one broken panel must not stop the alert reaching the others (or the station)
                LOG.log(Level.WARNING, "alert listener " + l + " failed on alert " + alert.id(), e);
            }
        }
    }
}
