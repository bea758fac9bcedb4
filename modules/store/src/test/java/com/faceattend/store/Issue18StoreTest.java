package com.faceattend.store;

import static com.faceattend.store.StoreTestSupport.MODEL;
import static com.faceattend.store.StoreTestSupport.addConsented;
import static com.faceattend.store.StoreTestSupport.distinctive;
import static com.faceattend.store.StoreTestSupport.template;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.faceattend.spi.AttendanceEvent;
import com.faceattend.spi.Embedding;
import com.faceattend.store.testdb.StoreEngine;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Issue 18 ("nothing lost, nothing doubled"), the store's part, on a real Derby database. */
@ParameterizedClass(name = "{0}")
@EnumSource(StoreEngine.class)
class Issue18StoreTest extends OnEveryEngine {
    private static final Instant T = Instant.parse("2026-03-02T08:00:00Z");

    @Test
    void aPassWithoutLivenessCheckIsStoredWithNoLiveScore() {
        try (DerbyAttendanceStore store = db.open()) {
            addConsented(store, "E1");
            // --no-liveness: the station reports NaN, "not measured"
            store.recordAttendance(new AttendanceEvent.PersonRecognized(T, "gate", "E1", "x",
                    AttendanceEvent.Direction.IN, 0.71f, Float.NaN));
            List<AttendanceRecord> rows = store.listAttendance(T, T.plusSeconds(1), null);
            assertEquals(1, rows.size());
            assertTrue(Float.isNaN(rows.get(0).liveScore()), "no liveness check: no live score, read back as NaN");
            assertEquals(0.71f, rows.get(0).similarity());
        }
    }

    @Test
    void enrollingTheSamePhotosTwiceStoresTheirTemplatesOnce() {
        try (DerbyAttendanceStore store = db.open()) {
            List<TemplateToSave> photos = List.of(template(MODEL, distinctive(128, 1f), 0.8f),
                    template(MODEL, distinctive(128, 2f), 0.7f));
            assertEquals(2, store.enrol("E7", "Eve", "Lab", T, photos, "op"));
            assertEquals(0, store.enrol("E7", "Eve", "Lab", T, photos, "op"), "the same photos again add nothing");
            assertEquals(2, store.countTemplates("E7"));
            List<TemplateToSave> oneNew = List.of(photos.get(0), template(MODEL, distinctive(128, 3f), 0.9f));
            assertEquals(1, store.enrol("E7", "Eve", "Lab", T, oneNew, "op"), "only the new photo is added");
            assertEquals(3, store.countTemplates("E7"));
            assertEquals(1, store.addTemplates("E7", List.of(template(MODEL, distinctive(128, 4f), 0.9f),
                    template(MODEL, distinctive(128, 4f), 0.9f)), "op"), "a photo listed twice counts once");
            assertTrue(store.listAudit(1).get(0).detail().contains("1 already enrolled"));
        }
    }

    @Test
    void aFailedEnrolmentLeavesNoEmployeeBehind() {
        try (DerbyAttendanceStore store = db.open()) {
            addConsented(store, "OLD");
            store.addTemplates("OLD", List.of(template(MODEL, distinctive(128, 5f), 0.8f)), "op");
            // the templates do not fit the dimension already stored: the whole enrolment must fail
            List<TemplateToSave> wrong = List.of(template(MODEL, distinctive(64, 6f), 0.8f));
            assertThrows(StoreException.class, () -> store.enrol("NEW", "New Person", null, T, wrong, "op"));
            assertEquals(Optional.empty(), store.findEmployee("NEW"), "an employee without templates was left behind");
        }
    }

    @Test
    void aStrangerSightingIsStoredWithItsAlertInOneTransaction() {
        try (DerbyAttendanceStore store = db.open()) {
            AlertStore alerts = new AlertStore(store);
            var seen = new AttendanceEvent.StrangerSeen(T, "lobby", 0.2f, new Embedding(MODEL, distinctive(128, 9f)));
            AlertStore.StrangerOutcome outcome = alerts.recordStranger(seen, T.plusSeconds(3600),
                    groups -> StrangerGrouping.Decision.newGroup());
            assertTrue(outcome.alert().isPresent());
            List<StrangerRecord> visits = store.listStrangers(T, T.plusSeconds(1));
            assertEquals(1, visits.size(), "the sighting is recorded together with its alert");
            assertEquals(T.plusSeconds(3600), visits.get(0).expiresAt());
        }
    }

    @Test
    void theLastPassAtAStationIsRememberedAcrossRestarts() {
        try (DerbyAttendanceStore store = db.open()) {
            addConsented(store, "E1");
            store.recordAttendance(new AttendanceEvent.PersonRecognized(T, "gate", "E1", "x",
                    AttendanceEvent.Direction.IN, 0.7f, 0.9f));
        }
        try (DerbyAttendanceStore store = db.open()) {
            assertEquals(Optional.of(T), store.lastRecordedAt("E1", "gate", T.minusSeconds(120)));
            assertEquals(Optional.empty(), store.lastRecordedAt("E1", "back door", T.minusSeconds(120)));
            assertEquals(Optional.empty(), store.lastRecordedAt("E1", "gate", T.plusSeconds(1)));
            assertEquals(Optional.empty(), store.lastRecordedAt("NOBODY", "gate", T.minusSeconds(120)));
        }
    }
}
