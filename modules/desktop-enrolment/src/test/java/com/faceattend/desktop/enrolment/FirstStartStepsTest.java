package com.faceattend.desktop.enrolment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.faceattend.store.DerbyAttendanceStore;
import com.faceattend.store.Employee;
import com.faceattend.store.ScheduleStore;
import com.faceattend.store.ShiftAssignment;
import com.faceattend.suite.SettingsException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The guided first start on real Derby databases: offered on a new database, still offered when
 * it was left half-way (a shift but nobody yet), never again once finished or skipped (kept in the
 * database, across a reopen), and not on a database that already had shifts and people. Finishing
 * stores the zone, the night shift and the first employee on it, with consent.
 */
class FirstStartStepsTest {
    @TempDir
    Path dir;

    @Test
    void offeredUntilFinishedThenNeverAgain() {
        Path db = dir.resolve("db");
        try (DerbyAttendanceStore store = DerbyAttendanceStore.openEmbedded(db)) {
            assertTrue(FirstStartSteps.shouldShow(store), "a new database");
            FirstStartSteps.saveZone(store, FirstStartSteps.zone(" Europe/Berlin "), "test");
            FirstStartSteps.saveShift(store, FirstStartSteps.shift("night", "22:00", "06:00"), "test");
            assertTrue(FirstStartSteps.shouldShow(store), "left after the shift step: nobody enrolled yet");
            Employee e = FirstStartSteps.finish(store, FirstStartSteps.code("E1"), "Erin First", " ", true, "night", "test");
            assertTrue(e.hasConsent());
        }
        try (DerbyAttendanceStore store = DerbyAttendanceStore.openEmbedded(db)) {
            assertFalse(FirstStartSteps.shouldShow(store), "finished: not offered again after a restart");
            ScheduleStore s = new ScheduleStore(store);
            assertEquals(Optional.of(FirstStartSteps.FINISHED), s.firstStart());
            assertEquals(Optional.of(ZoneId.of("Europe/Berlin")), s.organisationZone());
            assertTrue(s.listShifts().get(0).crossesMidnight());
            List<ShiftAssignment> a = s.listAssignments();
            assertEquals(List.of("night E1"), a.stream().map(x -> x.shiftName() + " " + x.employeeCode()).toList());
            assertEquals(1, store.listAudit(100).stream().filter(x -> x.action().equals("first-start")).count());
        }
    }

    @Test
    void skippingEndsItAndAnOlderDatabaseIsLeftAlone() {
        try (DerbyAttendanceStore store = DerbyAttendanceStore.openEmbedded(dir.resolve("skipped"))) {
            FirstStartSteps.skip(store, "test");
            assertFalse(FirstStartSteps.shouldShow(store));
        }
        try (DerbyAttendanceStore store = DerbyAttendanceStore.openEmbedded(dir.resolve("older"))) {
            store.addEmployee("OLD", "Already here", null, Instant.parse("2026-01-01T00:00:00Z"));
            new ScheduleStore(store).saveShift(FirstStartSteps.shift("day", "09:00", "17:00"), "test");
            assertFalse(FirstStartSteps.shouldShow(store), "people and shifts set up before this window existed");
        }
    }

    @Test
    void badFieldsAreRefusedNamingTheField() {
        assertEquals("zone", assertThrows(SettingsException.class, () -> FirstStartSteps.zone("Berlin")).field());
        assertEquals("start", assertThrows(SettingsException.class, () -> FirstStartSteps.shift("d", "9am", "17:00")).field());
        assertEquals("shift", assertThrows(SettingsException.class, () -> FirstStartSteps.shift(" ", "09:00", "17:00")).field());
        assertEquals("code", assertThrows(SettingsException.class, () -> FirstStartSteps.code("E 1")).field());
    }
}
