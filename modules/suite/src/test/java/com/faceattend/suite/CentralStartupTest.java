package com.faceattend.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.faceattend.spi.Problem;
import com.faceattend.store.StoreException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A journalled station's start-up work in the central store (issue 13): done at once when the store
 * answers; while it is unreachable the station says "offline, N events waiting" and the work is
 * retried until it succeeds; any other failure stops the station at start. Waits on the work itself.
 */
class CentralStartupTest {
    private static final Duration RETRY = Duration.ofMillis(20);

    private static StoreException unreachable() {
        return new StoreException("no Derby network server answers at 192.0.2.10:1527", "Start it.");
    }

    @Test
    void aReachableStoreGetsTheWorkAtOnceAndNothingIsSaid() {
        List<String> status = new CopyOnWriteArrayList<>();
        AtomicInteger runs = new AtomicInteger();
        try (CentralStartup startup = CentralStartup.start(runs::incrementAndGet, RETRY, status::add, () -> 0)) {
            assertTrue(startup.done());
        }
        assertEquals(1, runs.get());
        assertEquals(List.of(), status);
    }

    @Test
    void anUnreachableStoreIsSaidWithTheBacklogAndTheWorkIsDoneWhenItIsBack() throws InterruptedException {
        List<String> status = new CopyOnWriteArrayList<>();
        AtomicInteger attempts = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(1);
        Runnable work = () -> {
            if (attempts.incrementAndGet() <= 3) {
                throw unreachable();
            }
            done.countDown();
        };
        try (CentralStartup startup = CentralStartup.start(work, RETRY, status::add, () -> 3)) {
            assertFalse(startup.done());
            assertEquals(List.of("offline, 3 events waiting (no Derby network server answers at 192.0.2.10:1527); "
                    + "the station registers with the central store when it is back"), status);
            assertTrue(done.await(30, TimeUnit.SECONDS), "the work is retried until the store answers");
            for (int i = 0; i < 3000 && status.size() < 2; i++) {
                Thread.sleep(10); // the line follows the work
            }
            assertTrue(startup.done());
        }
        assertEquals(4, attempts.get(), "not retried once done");
        assertEquals("central store reachable: station registered, expired entries purged", status.get(1));
    }

    @Test
    void anyOtherFailureStopsTheStationAtStart() {
        StoreException refused = new StoreException(Problem.Kind.REFUSED, "the server refused the station's account", "Check it.");
        List<String> status = new CopyOnWriteArrayList<>();
        StoreException thrown = assertThrows(StoreException.class, () -> CentralStartup.start(() -> {
            throw refused;
        }, RETRY, status::add, () -> 0));
        assertSame(refused, thrown);
        assertEquals(List.of(), status);
    }
}
