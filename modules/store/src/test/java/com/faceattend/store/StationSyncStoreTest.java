package com.faceattend.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.faceattend.store.testdb.StoreEngine;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 13: the change sequence stations follow (V8) and their heartbeats, on a real Derby
 * database. Every change to what recognition needs writes one row in its own transaction, a
 * refused change writes none, and concurrent writers still get strictly increasing numbers that
 * a reader never sees out of order.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(StoreEngine.class)
class StationSyncStoreTest extends OnEveryEngine {
    @Test
    void everyGalleryChangeWritesOneRowInItsOwnTransaction() {
        try (DerbyAttendanceStore store = db.open()) {
            GalleryChanges feed = new GalleryChanges(store);
            assertEquals(0, feed.latest());
            store.enrol("E1", "Ann", null, StoreTestSupport.CONSENT,
                    List.of(StoreTestSupport.template(StoreTestSupport.MODEL, StoreTestSupport.distinctive(8, 1), 1)), "hr");
            StoreTestSupport.addConsented(store, "E2"); // no templates yet: nothing for a gallery
            store.addTemplates("E2", List.of(StoreTestSupport.template(StoreTestSupport.MODEL, StoreTestSupport.distinctive(8, 2), 1)), "hr");
            store.setActive("E2", false, "hr");
            store.setActive("E2", true, "hr");
            store.withdrawConsent("E1", "dpo");
            // refused: no consent any more; the failed transaction leaves no change behind
            assertThrows(StoreException.class, () -> store.addTemplates("E1",
                    List.of(StoreTestSupport.template(StoreTestSupport.MODEL, StoreTestSupport.distinctive(8, 3), 1)), "hr"));
            store.deleteEmployee("E2", "dpo");

            List<GalleryChange> all = feed.since(0, 100);
            assertEquals(List.of("E1 ENROLMENT", "E2 ENROLMENT", "E2 DEACTIVATED", "E2 ACTIVATED", "E1 CONSENT_WITHDRAWN", "E2 EMPLOYEE_DELETED"),
                    all.stream().map(c -> c.employeeCode() + " " + c.kind()).toList());
            for (int i = 0; i < all.size(); i++) {
                assertEquals(i + 1, all.get(i).seq(), "numbers without gaps, in commit order");
            }
            assertEquals(all.get(all.size() - 1).seq(), feed.latest());
            assertEquals(all.subList(4, 6), feed.since(4, 100));
            assertEquals(all.subList(0, 2), feed.since(0, 2));
            assertTrue(all.stream().allMatch(c -> !c.changedAt().isAfter(Instant.now())));
            assertTrue(GalleryChange.Kind.EMPLOYEE_DELETED.removesTemplates() && !GalleryChange.Kind.ENROLMENT.removesTemplates());
        }
    }

    @Test
    void concurrentChangesAreNumberedInCommitOrderSoAFollowerMissesNone() throws Exception {
        try (DerbyAttendanceStore store = db.open()) {
            int people = 4;
            int rounds = 15;
            for (int p = 0; p < people; p++) {
                StoreTestSupport.addConsented(store, "P" + p);
            }
            GalleryChanges feed = new GalleryChanges(store);
            // a follower reading while four writers change people: it must see every number once, in order
            ConcurrentLinkedQueue<Long> seen = new ConcurrentLinkedQueue<>();
            ExecutorService pool = Executors.newFixedThreadPool(people + 1);
            var writers = new ArrayList<java.util.concurrent.Future<?>>();
            for (int p = 0; p < people; p++) {
                String code = "P" + p;
                writers.add(pool.submit(() -> {
                    for (int r = 0; r < rounds; r++) {
                        store.setActive(code, r % 2 == 1, "hr");
                    }
                }));
            }
            var follower = pool.submit(() -> {
                long applied = 0;
                long total = (long) people * rounds;
                long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (applied < total && System.nanoTime() < end) {
                    for (GalleryChange c : feed.since(applied, 7)) {
                        seen.add(c.seq());
                        applied = c.seq();
                    }
                }
                return applied;
            });
            for (var w : writers) {
                w.get(60, TimeUnit.SECONDS);
            }
            assertEquals((long) people * rounds, follower.get(60, TimeUnit.SECONDS));
            pool.shutdown();
            List<Long> expected = new ArrayList<>();
            for (long i = 1; i <= (long) people * rounds; i++) {
                expected.add(i);
            }
            assertEquals(expected, new ArrayList<>(seen));
        }
    }

    @Test
    void heartbeatsAreRewrittenPerStationAndGoOfflineAfterThreeMissedIntervals() {
        try (DerbyAttendanceStore store = db.open()) {
            StationHeartbeats beats = new StationHeartbeats(store);
            Instant t0 = Instant.parse("2026-11-30T08:00:00Z");
            Duration every = Duration.ofSeconds(2);
            beats.write(new StationBeat("Front door", "pi-1", t0, t0, every, 3, 0, 14.25, "1.2.0", 5));
            beats.write(new StationBeat("Back door", "pi-2", t0, t0, every, 0, 7, 0, "1.2.0", 4));
            beats.write(new StationBeat("Front door", "pi-1", t0, t0.plusSeconds(2), every, 4, 1, 15.5, "1.2.0", 6));
            List<StationBeat> list = beats.list();
            assertEquals(List.of("Back door", "Front door"), list.stream().map(StationBeat::station).toList());
            StationBeat front = list.get(1);
            assertEquals(new StationBeat("Front door", "pi-1", t0, t0.plusSeconds(2), every, 4, 1, 15.5, "1.2.0", 6), front);
            assertTrue(front.onlineAt(t0.plusSeconds(8)), "three intervals after the last beat: still online");
            assertFalse(front.onlineAt(t0.plusSeconds(8).plusMillis(1)), "more than three intervals: offline");
        }
    }
}
