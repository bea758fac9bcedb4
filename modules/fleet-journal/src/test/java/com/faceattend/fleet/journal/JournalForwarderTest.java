package com.faceattend.fleet.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.faceattend.spi.AttendanceEvent;
import com.faceattend.spi.AttendanceEvent.Direction;
import com.faceattend.spi.Embedding;
import com.faceattend.store.AttendanceRecord;
import com.faceattend.store.DerbyAttendanceStore;
import com.faceattend.store.StationPass;
import com.faceattend.store.StoreEncryption;
import com.faceattend.store.StoreKeys;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The journal and its forwarder against a real (embedded, encrypted) attendance store: in order,
 * once per event id, through a store that goes away and comes back, past an event the store refuses
 * for good. The process-level faults (kill -9, a network server stopped for 20 s) are in the CLI's
 * StationJournalFaultTest.
 */
class JournalForwarderTest {
    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

    @TempDir
    Path tmp;

    @Test
    void everyKindSurvivesAReopenOfTheJournal() {
        Path dir = tmp.resolve("journal");
        float[] v = new float[128];
        v[3] = 1f;
        List<AttendanceEvent> events = List.of(
                new AttendanceEvent.PersonRecognized(T0, "Door", "E1", "Ann", Direction.IN, 0.81f, Float.NaN),
                new AttendanceEvent.StrangerSeen(T0.plusSeconds(1), "Door", 0.31f, new Embedding("m1", v)),
                new AttendanceEvent.SpoofSuspected(T0.plusSeconds(2), "Door", null, 0.12f));
        List<String> ids = new ArrayList<>();
        try (EventJournal journal = EventJournal.open(dir)) {
            for (AttendanceEvent e : events) {
                ids.add(journal.append(JournalEntry.fresh(e)).eventId());
            }
        }
        assertTrue(StoreEncryption.isEncrypted(dir), "the journal is encrypted like the central store");
        try (EventJournal journal = EventJournal.open(dir)) {
            assertEquals(3, journal.waitingCount());
            List<JournalEntry> waiting = journal.waiting(10);
            assertEquals(ids, waiting.stream().map(JournalEntry::eventId).toList(), "in journal order");
            assertEquals(events.get(0), waiting.get(0).event());
            AttendanceEvent.StrangerSeen s = (AttendanceEvent.StrangerSeen) waiting.get(1).event();
            assertEquals(0.31f, s.bestSimilarity());
            assertEquals("m1", s.embedding().modelId());
            assertEquals(1f, s.embedding().vector()[3]);
            assertEquals(events.get(2), waiting.get(2).event());
            journal.markDelivered(waiting.subList(0, 2));
            assertEquals(1, journal.waitingCount());
            assertEquals(ids, journal.eventIds(), "delivered entries keep their ids");
        }
        try (EventJournal journal = EventJournal.open(dir)) {
            assertEquals(1, journal.waitingCount(), "the marks are durable");
        }
    }

    @Test
    void deliversInOrderOnceThroughAnOutageAndPastARefusedEvent() throws Exception {
        Path centralDb = tmp.resolve("central/db");
        AtomicReference<DerbyAttendanceStore> central = new AtomicReference<>(openCentral(centralDb));
        central.get().addEmployee("E1", "Ann", null, T0);
        central.get().addEmployee("E2", "Bo", null, T0);
        List<String> statuses = new CopyOnWriteArrayList<>();
        // as a station delivers passes: runs in one transaction, one by one when a run is refused
        Delivery delivery = new Delivery() {
            @Override
            public boolean deliver(JournalEntry entry) {
                return central.get().recordAttendance((AttendanceEvent.PersonRecognized) entry.event(), entry.eventId());
            }

            @Override
            public boolean batchable(JournalEntry entry) {
                return true;
            }

            @Override
            public int deliverTogether(List<JournalEntry> entries) {
                return central.get().recordAttendance(entries.stream()
                        .map(e -> new StationPass((AttendanceEvent.PersonRecognized) e.event(), e.eventId())).toList());
            }
        };
        try (EventJournal journal = EventJournal.open(tmp.resolve("station/journal"));
                JournalForwarder forwarder = new JournalForwarder(journal, delivery, statuses::add)) {
            JournalRecorder recorder = new JournalRecorder(journal, forwarder);
            // journalled before the forwarder runs, so the three go as one run that the store refuses
            journal.append(JournalEntry.fresh(pass("E1", 0)));
            journal.append(JournalEntry.fresh(pass("GONE", 1))); // an employee deleted centrally while the event waited
            journal.append(JournalEntry.fresh(pass("E2", 2)));
            forwarder.start();
            assertTrue(forwarder.awaitDrained(Duration.ofSeconds(30)));
            assertEquals(1, journal.rejectedCount(), "the refused event is set aside, not retried forever");
            assertTrue(forwarder.online());

            central.get().close(); // the central store goes away
            for (int i = 3; i < 23; i++) {
                recorder.onEvent(pass(i % 2 == 0 ? "E1" : "E2", i));
            }
            waitFor(() -> !forwarder.online());
            assertEquals(20, forwarder.waitingEvents(), "the station keeps journalling while the store is away");
            // said once when the outage is found, with however many had been journalled by then (1 or more)
            assertTrue(statuses.stream().anyMatch(s -> s.matches("offline, \\d+ events? waiting.*")), statuses::toString);

            central.set(openCentral(centralDb)); // and comes back
            assertTrue(forwarder.awaitDrained(Duration.ofSeconds(30)), statuses::toString);
            waitFor(() -> statuses.contains("online, all waiting events delivered"));
            assertTrue(statuses.stream().anyMatch(s -> s.startsWith("online again, delivering ")), statuses::toString);

            List<AttendanceRecord> rows = central.get().listAttendance(T0, T0.plusSeconds(3600), null);
            assertEquals(22, rows.size(), "every event once");
            for (int i = 1; i < rows.size(); i++) {
                assertTrue(!rows.get(i).time().isBefore(rows.get(i - 1).time()), "in order");
            }
            // a replay (a crash between the central commit and the journal's mark) stores nothing
            JournalEntry first = journal.waiting(1).isEmpty() ? null : journal.waiting(1).get(0);
            assertEquals(null, first, "nothing waits");
            String someId = journal.eventIds().get(0);
            assertFalse(central.get().recordAttendance(pass("E1", 0), someId));
            assertEquals(22, central.get().countAttendance());
            assertEquals(0, forwarder.replayedCount());
        } finally {
            central.get().close();
        }
    }

    private static DerbyAttendanceStore openCentral(Path db) {
        return DerbyAttendanceStore.openEmbedded(db, StoreKeys.forDatabase(db).forOpening());
    }

    private static AttendanceEvent.PersonRecognized pass(String code, int second) {
        return new AttendanceEvent.PersonRecognized(T0.plusSeconds(second), "Door", code, code, Direction.IN, 0.8f, Float.NaN);
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out");
            Thread.sleep(20);
        }
    }
}
