package com.faceattend.store;

import static com.faceattend.store.StoreTestSupport.MODEL;
import static com.faceattend.store.StoreTestSupport.addConsented;
import static com.faceattend.store.StoreTestSupport.distinctive;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.faceattend.spi.AttendanceEvent;
import com.faceattend.spi.AttendanceEvent.Direction;
import com.faceattend.spi.Embedding;
import com.faceattend.store.testdb.StoreEngine;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Runs on embedded Derby, on the Derby network server and on PostgreSQL (the same store API and SQL). */
@ParameterizedClass(name = "{0}")
@EnumSource(StoreEngine.class)
class StrangerAndAttendanceTest {
    @Parameter
    StoreEngine engine;
    static final Instant T0 = Instant.parse("2025-04-01T07:00:00Z");

    @TempDir
    Path tmp;
    StoreEngine.TestDatabase db;
    DerbyAttendanceStore store;

    @BeforeEach
    void open() {
        db = engine.fresh(tmp);
        store = db.open();
    }

    @AfterEach
    void close() {
        store.close();
        db.close();
    }

    static AttendanceEvent.PersonRecognized pass(Instant t, String station, String code, Direction d) {
        return new AttendanceEvent.PersonRecognized(t, station, code, "ignored", d, 0.71f, 0.98f);
    }

    @Test
    void recordsAndQueriesAttendance() {
        addConsented(store, "E1");
        addConsented(store, "E2");
        store.recordAttendance(pass(T0, "gate-a", "E1", Direction.IN));
        store.recordAttendance(pass(T0.plusSeconds(60), "gate-b", "E2", Direction.IN));
        store.recordAttendance(pass(T0.plusSeconds(3600), "gate-a", "E1", Direction.OUT));

        List<AttendanceRecord> all = store.listAttendance(T0, T0.plusSeconds(3601), null);
        assertEquals(3, all.size());
        AttendanceRecord first = all.get(0);
        assertEquals("E1", first.employeeCode());
        assertEquals("Name of E1", first.employeeName(), "name comes from the employee table, not the event");
        assertEquals("gate-a", first.station());
        assertEquals(T0, first.time());
        assertEquals(Direction.IN, first.direction());
        assertEquals(0.71f, first.similarity());
        assertEquals(0.98f, first.liveScore());

        // the end is exclusive, the start inclusive
        assertEquals(2, store.listAttendance(T0, T0.plusSeconds(3600), null).size());
        assertEquals(2, store.listAttendance(T0, T0.plusSeconds(7200), "E1").size());

        assertEquals(Direction.OUT, store.lastAttendance("E1", T0).orElseThrow().direction());
        assertTrue(store.lastAttendance("E1", T0.plusSeconds(3601)).isEmpty());
        assertTrue(store.lastAttendance("E2", T0.plusSeconds(61)).isEmpty());
        assertEquals(3, store.countAttendance());
    }

    @Test
    void unknownEmployeeInAnEventIsAClearError() {
        StoreException e = org.junit.jupiter.api.Assertions.assertThrows(StoreException.class,
                () -> store.recordAttendance(pass(T0, "gate", "GHOST", Direction.IN)));
        assertEquals("no employee with code 'GHOST'", e.getMessage());
        assertEquals(com.faceattend.spi.Problem.Kind.NOT_FOUND, e.kind());
        assertEquals(0, store.countAttendance());
    }

    @Test
    void strangersKeepTheirEmbeddingOnlyUntilExpiry() {
        float[] v = distinctive(64, 3f);
        store.recordStranger(new AttendanceEvent.StrangerSeen(T0, "lobby", 0.42f, new Embedding(MODEL, v)),
                T0.plusSeconds(86_400));
        store.recordStranger(new AttendanceEvent.StrangerSeen(T0.plusSeconds(10), "lobby", 0.12f, new Embedding(MODEL, v)),
                null);

        List<StrangerRecord> seen = store.listStrangers(T0, T0.plusSeconds(60));
        assertEquals(2, seen.size());
        assertEquals("lobby", seen.get(0).station());
        assertEquals(0.42f, seen.get(0).bestSimilarity());
        assertEquals(MODEL, seen.get(0).embedding().modelId());
        assertArrayEquals(v, seen.get(0).embedding().vector());
        assertEquals(T0.plusSeconds(86_400), seen.get(0).expiresAt());
        assertNull(seen.get(1).embedding(), "no expiry given: the embedding is not kept at all");

        assertEquals(0, store.purgeExpired(T0.plusSeconds(86_399)));
        assertEquals(1, store.purgeExpired(T0.plusSeconds(86_400)));
        assertEquals(1, store.listStrangers(T0, T0.plusSeconds(60)).size());
        assertEquals("purge-strangers", store.listAudit(1).get(0).action());
    }

    @Test
    void aStationThreadCanRecordWhileAnotherThreadReads() throws Exception {
        addConsented(store, "E1");
        store.addTemplates("E1", List.of(StoreTestSupport.template(MODEL, distinctive(128, 1f), 1f)), "op");
        int passes = 150;
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<?>> jobs = new ArrayList<>();
            jobs.add(pool.submit(() -> {
                for (int i = 0; i < passes; i++) {
                    store.recordAttendance(pass(T0.plusSeconds(i), "gate", "E1", i % 2 == 0 ? Direction.IN : Direction.OUT));
                }
            }));
            for (int r = 0; r < 2; r++) {
                jobs.add(pool.submit(() -> {
                    for (int i = 0; i < passes; i++) {
                        assertEquals(1, store.loadTemplates(MODEL).size());
                        store.listAttendance(T0, T0.plusSeconds(passes), "E1");
                        store.lastAttendance("E1", T0);
                    }
                }));
            }
            for (Future<?> job : jobs) {
                job.get();
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(passes, store.countAttendance());
        assertEquals(passes, store.listAttendance(T0, T0.plusSeconds(passes), null).size());
    }
}
