package com.faceattend.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.faceattend.reports.rules.DayRecord;
import com.faceattend.reports.rules.DayStatus;
import com.faceattend.reports.today.TodayOverview;
import com.faceattend.reports.today.TodayService;
import com.faceattend.spi.AttendanceEvent;
import com.faceattend.spi.AttendanceEvent.Direction;
import com.faceattend.store.DerbyAttendanceStore;
import com.faceattend.store.EmploymentDates;
import com.faceattend.store.ScheduleStore;
import com.faceattend.store.StoreException;
import com.faceattend.store.WorkShift;
import com.faceattend.store.testdb.StoreEngine;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Hire and leave dates (schema V9) are honoured by the report and the
 * Today dashboard. Office works 09:00–17:00 Monday to Friday; March 2026, weeks from Monday 2nd.
 * <ul>
 * <li>NEW joins on Wednesday 4th, comes in on the 4th only: the 2nd and 3rd are not employed
 *     (not absent), the 4th present, the 5th and 6th absent.</li>
 * <li>OLD leaves on Tuesday 3rd, comes in on the 2nd only: absent on the 3rd, not employed after.</li>
 * <li>PAST left in February: not on the March report at all; not counted absent today either.</li>
 * </ul>
 * Dates survive closing and reopening the database; a leave date before the hire date is refused.
 * On embedded Derby, the Derby network server and PostgreSQL.
 */
class EmploymentDatesReportTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @EnumSource(StoreEngine.class)
    void nobodyIsExpectedOrAbsentOutsideTheirEmployment(StoreEngine engine) {
        try (StoreEngine.TestDatabase db = engine.fresh(dir)) {
            nobodyIsExpectedOrAbsentOutsideTheirEmployment(db);
        }
    }

    private static void nobodyIsExpectedOrAbsentOutsideTheirEmployment(StoreEngine.TestDatabase db) {
        try (DerbyAttendanceStore store = db.open()) {
            Instant consent = Instant.parse("2026-01-01T00:00:00Z");
            for (String code : List.of("NEW", "OLD", "PAST")) {
                store.addEmployee(code, "Person " + code, "Office", consent);
            }
            ScheduleStore s = new ScheduleStore(store);
            s.setOrganisationZone(BERLIN, "test");
            s.saveShift(new WorkShift("day", LocalTime.of(9, 0), LocalTime.of(17, 0), 5,
                    EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY)), "test");
            s.assignToDepartment("day", "Office", LocalDate.of(2026, 1, 1), "test");
            EmploymentDates dates = new EmploymentDates(store);
            dates.set("NEW", LocalDate.of(2026, 3, 4), null, "test");
            dates.set("OLD", null, LocalDate.of(2026, 3, 3), "test");
            dates.set("PAST", LocalDate.of(2025, 1, 1), LocalDate.of(2026, 2, 27), "test");
            assertThrows(StoreException.class, () -> dates.set("NEW", LocalDate.of(2026, 3, 4), LocalDate.of(2026, 3, 1), "test"));
            work(store, "NEW", "2026-03-04");
            work(store, "OLD", "2026-03-02");
        }
        try (DerbyAttendanceStore store = db.open()) {
            assertEquals(LocalDate.of(2026, 3, 4), store.requireEmployee("NEW").hireDate(), "kept across a reopen");
            AttendanceReport r = new ReportService(store).build(new ReportRequest(LocalDate.of(2026, 3, 2),
                    LocalDate.of(2026, 3, 6), null), ProgressListener.NONE, CancellationToken.none());
            Map<String, List<DayStatus>> byCode = r.timesheets().stream().collect(Collectors.toMap(
                    t -> t.employee().code(), t -> t.days().stream().map(DayRecord::status).toList()));
            assertEquals(List.of(DayStatus.NOT_EMPLOYED, DayStatus.NOT_EMPLOYED, DayStatus.PRESENT, DayStatus.ABSENT,
                    DayStatus.ABSENT), byCode.get("NEW"));
            assertEquals(List.of(DayStatus.PRESENT, DayStatus.ABSENT, DayStatus.NOT_EMPLOYED, DayStatus.NOT_EMPLOYED,
                    DayStatus.NOT_EMPLOYED), byCode.get("OLD"));
            assertTrue(!byCode.containsKey("PAST"), "left before the period: " + byCode.keySet());
            assertEquals(0, r.timesheets().stream().flatMap(t -> t.days().stream())
                    .filter(d -> d.status() == DayStatus.NOT_EMPLOYED).mapToInt(DayRecord::scheduledMinutes).sum());
            // Monday: OLD present, NEW not yet expected; Thursday: NEW absent, OLD gone
            assertEquals(1, r.roster().get(0).expected());
            assertEquals(List.of(1, 1), List.of(r.roster().get(3).expected(), r.roster().get(3).absent()));

            // Thursday 5th at 11:00: NEW is absent; OLD and PAST have left and are not absent
            Clock thursday = Clock.fixed(LocalDateTime.of(2026, 3, 5, 11, 0).atZone(BERLIN).toInstant(), ZoneOffset.UTC);
            TodayOverview today = new TodayService(store, thursday).today();
            assertEquals(List.of("NEW"), today.absent().stream().map(p -> p.employee().code()).toList());
            assertEquals(List.of(), today.unscheduled().stream().map(p -> p.employee().code()).toList());
        }
    }

    private static void work(DerbyAttendanceStore store, String code, String date) {
        for (Object[] p : new Object[][] {{"T08:55", Direction.IN}, {"T17:05", Direction.OUT}}) {
            store.recordAttendance(new AttendanceEvent.PersonRecognized(LocalDateTime.parse(date + p[0]).atZone(BERLIN)
                    .toInstant(), "gate", code, "", (Direction) p[1], 0.8f, 0.95f));
        }
    }
}
