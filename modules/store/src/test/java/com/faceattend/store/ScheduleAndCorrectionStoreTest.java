package com.faceattend.store;

import static com.faceattend.store.StoreTestSupport.addConsented;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.faceattend.spi.AttendanceEvent;
import com.faceattend.spi.AttendanceEvent.Direction;
import com.faceattend.store.testdb.StoreEngine;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Shifts, assignments, holidays, time zone and corrections, reopened. Runs on embedded Derby, on
 * the Derby network server and on PostgreSQL (the same store API and SQL).
 */
@ParameterizedClass(name = "{0}")
@EnumSource(StoreEngine.class)
class ScheduleAndCorrectionStoreTest extends OnEveryEngine {
    static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

    private static AttendanceEvent.PersonRecognized pass(Instant t, String code, Direction d) {
        return new AttendanceEvent.PersonRecognized(t, "gate", code, "ignored", d, 0.7f, 0.9f);
    }

    @Test
    void schedulesHolidaysAndZoneSurviveReopeningAndAreAudited() {
        WorkShift night = new WorkShift("night", LocalTime.of(22, 0), LocalTime.of(6, 0), 10,
                EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.FRIDAY, DayOfWeek.SUNDAY));
        try (DerbyAttendanceStore store = db.open()) {
            addConsented(store, "E1"); // department R&D
            ScheduleStore s = new ScheduleStore(store);
            s.saveShift(new WorkShift("day", LocalTime.of(9, 0), LocalTime.of(17, 0), 5,
                    EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY)), "hr");
            s.saveShift(new WorkShift("day", LocalTime.of(8, 0), LocalTime.of(16, 0), 3,
                    EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY)), "hr"); // changed, not duplicated
            s.saveShift(night, "hr");
            s.assignToDepartment("day", "R&D", LocalDate.of(2026, 1, 1), "hr");
            s.assignToEmployee("night", "E1", LocalDate.of(2026, 3, 1), "hr");
            s.addHoliday(LocalDate.of(2026, 5, 1), "Labour Day", "hr");
            s.addHoliday(LocalDate.of(2026, 12, 25), "Christmas", "hr");
            s.setOrganisationZone(ZoneId.of("Europe/Berlin"), "hr");
            assertTrue(store.listAudit(20).stream().anyMatch(a -> a.action().equals("change-shift") && a.actor().equals("hr")));
        }
        try (DerbyAttendanceStore store = db.open()) {
            ScheduleStore s = new ScheduleStore(store);
            List<WorkShift> shifts = s.listShifts();
            assertEquals(2, shifts.size());
            assertEquals(LocalTime.of(8, 0), shifts.get(0).start());
            assertEquals(3, shifts.get(0).graceMinutes());
            assertEquals(night, shifts.get(1));
            assertTrue(shifts.get(1).crossesMidnight());
            assertEquals(2, s.listAssignments().size());
            assertTrue(s.listAssignments().contains(new ShiftAssignment("day", "R&D", null, LocalDate.of(2026, 1, 1))));
            assertTrue(s.listAssignments().contains(new ShiftAssignment("night", null, "E1", LocalDate.of(2026, 3, 1))));
            assertEquals(List.of(new Holiday(LocalDate.of(2026, 5, 1), "Labour Day")),
                    s.listHolidays(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 30)));
            assertEquals(Optional.of(ZoneId.of("Europe/Berlin")), s.organisationZone());
            assertTrue(s.removeHoliday(LocalDate.of(2026, 12, 25), "hr"));
            assertFalse(s.removeHoliday(LocalDate.of(2026, 12, 25), "hr"));
        }
    }

    @Test
    void badScheduleInputIsNamedWithAFix() {
        try (DerbyAttendanceStore store = db.open()) {
            addConsented(store, "E1");
            ScheduleStore s = new ScheduleStore(store);
            StoreException e = assertThrows(StoreException.class, () -> s.assignToDepartment("nope", "R&D", LocalDate.now(), "hr"));
            assertTrue(e.getMessage().contains("no shift called 'nope'"), e.getMessage());
            s.saveShift(new WorkShift("day", LocalTime.of(9, 0), LocalTime.of(17, 0), 5, EnumSet.of(DayOfWeek.MONDAY)), "hr");
            e = assertThrows(StoreException.class, () -> s.assignToDepartment("day", "Sales", LocalDate.now(), "hr"));
            assertTrue(e.getMessage().contains("department 'Sales'"), e.getMessage());
            assertTrue(e.fix().contains("R&D"), e.fix());
            e = assertThrows(StoreException.class, () -> new WorkShift("x", LocalTime.NOON, LocalTime.NOON, 0, EnumSet.of(DayOfWeek.MONDAY)));
            assertTrue(e.getMessage().contains("starts and ends"), e.getMessage());
            assertEquals(0, s.listAssignments().size(), "nothing half-saved");
        }
    }

    @Test
    void correctionsAreAdditiveAuditedAndChangeWhatReportsRead() {
        try (DerbyAttendanceStore store = db.open()) {
            addConsented(store, "E1");
            Employee e2 = addConsented(store, "E2");
            store.recordAttendance(pass(T0, "E1", Direction.IN));
            store.recordAttendance(pass(T0.plusSeconds(60), "E1", Direction.IN)); // a double pass
            store.recordAttendance(pass(T0.plusSeconds(120), "E2", Direction.IN));
            long doubled = store.listAttendance(T0, T0.plusSeconds(61), "E1").get(1).id();

            CorrectionStore corrections = new CorrectionStore(store);
            StoreException noReason = assertThrows(StoreException.class,
                    () -> corrections.addPass("E1", T0.plusSeconds(9 * 3600), Direction.OUT, "  ", "hr"));
            assertTrue(noReason.getMessage().contains("reason"));
            Correction added = corrections.addPass("E1", T0.plusSeconds(9 * 3600), Direction.OUT, "forgot to check out", "hr-anna");
            Correction voided = corrections.voidEvent(doubled, "double pass", "hr-anna");
            assertEquals(Correction.Kind.VOID, voided.kind());
            assertThrows(StoreException.class, () -> corrections.voidEvent(doubled, "again", "hr-anna"));
            assertThrows(StoreException.class, () -> corrections.voidEvent(999_999, "nothing", "hr-anna"));

            assertEquals(3, store.countAttendance(), "camera events are never deleted or changed");
            List<String> seen = new ArrayList<>();
            long n = new AttendanceReader(store).forEachPass(T0.minusSeconds(1), T0.plusSeconds(86_400), null,
                    (id, time, d, manual) -> seen.add(id + " " + time + " " + d + " " + manual));
            assertEquals(3, n);
            long e1 = store.requireEmployee("E1").id();
            assertEquals(List.of(e1 + " " + T0 + " IN false", e1 + " " + T0.plusSeconds(9 * 3600) + " OUT true",
                    e2.id() + " " + T0.plusSeconds(120) + " IN false"), seen);
            assertEquals(0, new AttendanceReader(store).forEachPass(T0.minusSeconds(1), T0.plusSeconds(86_400), "Nobody",
                    (id, time, d, manual) -> { }), "the department filter applies");

            List<Correction> listed = corrections.list(T0.minusSeconds(1), T0.plusSeconds(86_400), "E1");
            assertEquals(List.of(voided.id(), added.id()), listed.stream().map(Correction::id).toList());
            assertEquals("double pass", listed.get(0).reason());
            assertTrue(store.listAudit(5).stream().anyMatch(a -> a.action().equals("correct-add")
                    && a.actor().equals("hr-anna") && a.detail().contains("forgot to check out")));

            store.deleteEmployee("E1", "hr"); // erasure still works with corrections referencing the person
            assertEquals(List.of(), corrections.list(T0.minusSeconds(1), T0.plusSeconds(86_400), null).stream()
                    .filter(c -> c.employeeCode().equals("E1")).toList());
        }
    }
}
