package com.faceattend.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.faceattend.spi.AttendanceEvent;
import com.faceattend.spi.AttendanceEvent.Direction;
import com.faceattend.spi.Embedding;
import com.faceattend.spi.Problem;
import com.faceattend.store.testdb.StoreEngine;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 13, migration V7: an event a station delivers twice (after a crash between the central
 * commit and its journal's mark) is stored once, whatever its kind; the second delivery says so.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(StoreEngine.class)
class StationEventIdsTest {
    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

    @Parameter
    StoreEngine engine;
    @TempDir
    Path tmp;
    StoreEngine.TestDatabase db;
    DerbyAttendanceStore store;

    @BeforeEach
    void open() {
        db = engine.fresh(tmp);
        store = db.open();
        store.addEmployee("E1", "Ann", null, T0);
    }

    @AfterEach
    void close() {
        store.close();
        db.close();
    }

    @Test
    void aReplayedPassIsStoredOnce() {
        String id = UUID.randomUUID().toString();
        var pass = new AttendanceEvent.PersonRecognized(T0, "Door", "E1", "Ann", Direction.IN, 0.8f, Float.NaN);
        assertTrue(store.recordAttendance(pass, id));
        assertFalse(store.recordAttendance(pass, id), "the replay is recognised");
        assertTrue(store.recordAttendance(pass, UUID.randomUUID().toString()), "another event, same content: stored");
        assertEquals(2, store.countAttendance());
    }

    @Test
    void aReplayedStrangerOrSpoofIsStoredOnceWithOneAlert() {
        AlertStore alerts = new AlertStore(store);
        float[] v = new float[64];
        v[0] = 1f;
        var stranger = new AttendanceEvent.StrangerSeen(T0, "Door", 0.2f, new Embedding("m", v));
        String id = UUID.randomUUID().toString();
        assertTrue(alerts.recordStranger(stranger, T0.plus(Duration.ofDays(1)), g -> StrangerGrouping.Decision.newGroup(), id).isPresent());
        assertTrue(alerts.recordStranger(stranger, T0.plus(Duration.ofDays(1)), g -> StrangerGrouping.Decision.newGroup(), id).isEmpty());
        assertEquals(1, store.listStrangers(T0, T0.plusSeconds(1)).size());

        var spoof = new AttendanceEvent.SpoofSuspected(T0, "Door", "E1", 0.1f);
        String spoofId = UUID.randomUUID().toString();
        assertTrue(alerts.recordSpoof(spoof, spoofId, "station:Door").isPresent());
        assertTrue(alerts.recordSpoof(spoof, spoofId, "station:Door").isEmpty());
        assertEquals(2, alerts.list(AlertQuery.all()).size(), "one stranger alert, one spoof alert");
        assertEquals(1, store.listAudit(50).stream().filter(a -> a.action().equals("spoof-suspected")).count(),
                "the spoof's audit entry came with its alert, once");
    }

    @Test
    void anEventIdMustBeAUuid() {
        var pass = new AttendanceEvent.PersonRecognized(T0, "Door", "E1", "Ann", Direction.IN, 0.8f, Float.NaN);
        StoreException e = assertThrows(StoreException.class, () -> store.recordAttendance(pass, "42"));
        assertEquals(Problem.Kind.BAD_VALUE, e.kind());
        assertTrue(e.getMessage().contains("not a UUID"), e.getMessage());
    }
}
