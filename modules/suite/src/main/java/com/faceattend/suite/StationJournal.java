package com.faceattend.suite;

import com.faceattend.alerts.StationAlerts;
import com.faceattend.fleet.journal.Delivery;
import com.faceattend.fleet.journal.EventJournal;
import com.faceattend.fleet.journal.JournalEntry;
import com.faceattend.fleet.journal.JournalForwarder;
import com.faceattend.fleet.journal.JournalRecorder;
import com.faceattend.spi.AttendanceEvent;
import com.faceattend.spi.AttendanceListener;
import com.faceattend.store.DerbyAttendanceStore;
import com.faceattend.store.StationPass;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * An offline-safe station's recording chain (issue 13): every event is committed to the journal in
 * the station's data folder ({@value #FOLDER}/) under a fresh UUID, then a forwarder thread delivers
 * the journal in order to the central store: passes with {@link DerbyAttendanceStore#recordAttendance(
 * AttendanceEvent.PersonRecognized, String)}, strangers and spoofs with {@link StationAlerts#deliver}
 * (sighting, alert and audit entry in one transaction each), each stored once per event id; runs of
 * passes go in one transaction ({@link DerbyAttendanceStore#recordAttendance(List)}).
 *
 * <p>Used when the central store is on a server ({@code --db-server}); see {@link StationSession}.
 * {@code faceattend run} and the fault tests' event driver build it the same way.
 */
public final class StationJournal implements AutoCloseable {
    /** The journal's folder inside the station's data folder. */
    public static final String FOLDER = "journal";

    private final EventJournal journal;
    private final JournalForwarder forwarder;
    private final JournalRecorder recorder;

    private StationJournal(EventJournal journal, JournalForwarder forwarder) {
        this.journal = journal;
        this.forwarder = forwarder;
        this.recorder = new JournalRecorder(journal, forwarder);
    }

    /**
     * Opens the journal of the station with data folder {@code dataDir} and starts delivering (what an
     * earlier run left waiting goes first).
     *
     * @param store  the central store, asked for on every delivery (so a store that could not be
     *               reached yet is opened once it can)
     * @param alerts the station's alert recorder (strangers, spoofs)
     * @param status "offline, N events waiting" and the like, on the forwarder thread
     */
    public static StationJournal open(Path dataDir, Supplier<DerbyAttendanceStore> store, StationAlerts alerts,
            Consumer<String> status) {
        Objects.requireNonNull(alerts, "alerts");
        return open(dataDir, store, () -> alerts, status);
    }

    /**
     * As {@link #open(Path, Supplier, StationAlerts, Consumer)}, the alert recorder asked for at each
     * stranger or spoof delivery: a station that starts while the central store is unreachable
     * makes it once the store is back (it must return the same recorder each time: it groups strangers).
     */
    public static StationJournal open(Path dataDir, Supplier<DerbyAttendanceStore> store, Supplier<StationAlerts> alerts,
            Consumer<String> status) {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(alerts, "alerts");
        EventJournal journal = EventJournal.open(dataDir.resolve(FOLDER));
        try {
            JournalForwarder forwarder = new JournalForwarder(journal, new CentralDelivery(store, alerts), status);
            return new StationJournal(journal, forwarder.start());
        } catch (RuntimeException e) {
            journal.close();
            throw e;
        }
    }

    /** Puts journalled events into the central store, each event id once; passes in runs, one transaction each. */
    private record CentralDelivery(Supplier<DerbyAttendanceStore> store, Supplier<StationAlerts> alerts) implements Delivery {
        @Override
        public boolean deliver(JournalEntry entry) {
            return switch (entry.event()) {
                case AttendanceEvent.PersonRecognized p -> store.get().recordAttendance(p, entry.eventId());
                case AttendanceEvent.StrangerSeen s -> alerts.get().deliver(s, entry.eventId());
                case AttendanceEvent.SpoofSuspected s -> alerts.get().deliver(s, entry.eventId());
            };
        }

        @Override
        public boolean batchable(JournalEntry entry) {
            return entry.event() instanceof AttendanceEvent.PersonRecognized;
        }

        @Override
        public int deliverTogether(List<JournalEntry> entries) {
            return store.get().recordAttendance(entries.stream()
                    .map(e -> new StationPass((AttendanceEvent.PersonRecognized) e.event(), e.eventId())).toList());
        }
    }

    /** The station's listener: journals each event (then the forwarder delivers it). */
    public AttendanceListener recorder() {
        return recorder;
    }

    /** Journals one event, as the station's listener does; returns it with its id. */
    public JournalEntry record(AttendanceEvent event) {
        return recorder.record(event);
    }

    /** Events journalled and not yet in the central store. */
    public long waitingEvents() {
        return forwarder.waitingEvents();
    }

    /** False while the central store is unreachable. */
    public boolean online() {
        return forwarder.online();
    }

    /** Events this run stored centrally, and deliveries the central store already had (replays). */
    public long deliveredCount() {
        return forwarder.deliveredCount();
    }

    public long replayedCount() {
        return forwarder.replayedCount();
    }

    /** Every event id in the journal, oldest first (see {@link EventJournal#eventIds()}). */
    public java.util.List<String> eventIds() {
        return journal.eventIds();
    }

    /** Waits up to {@code timeout} for the backlog to be delivered; true when nothing waits. */
    public boolean awaitDrained(Duration timeout) throws InterruptedException {
        return forwarder.awaitDrained(timeout);
    }

    /** Stops the forwarder (what waits stays for the next start) and closes the journal. */
    @Override
    public void close() {
        try {
            forwarder.close();
        } finally {
            journal.close();
        }
    }
}
