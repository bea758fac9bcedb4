package com.faceattend.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.faceattend.reports.rules.DayRecord;
import com.faceattend.reports.rules.DayStatus;
import com.faceattend.spi.Problem;
import com.faceattend.store.DerbyAttendanceStore;
import com.faceattend.store.testdb.StoreEngine;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Reports built from a real database with shifts, a holiday, corrections and a DST night, on
 * embedded Derby, the Derby network server and PostgreSQL.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(StoreEngine.class)
class ReportServiceTest {
    @Parameter
    StoreEngine engine;
    @TempDir
    static Path tmp;
    static StoreEngine.TestDatabase db;
    static DerbyAttendanceStore store;
    static ReportService service;
    static AttendanceReport march;

    @BeforeParameterizedClassInvocation
    static void build(StoreEngine engine) {
        db = engine.fresh(tmp.resolve(engine.name()));
        store = ReportFixture.fill(db.open());
        service = new ReportService(store);
        march = service.build(ReportRequest.month(2026, 3, null), ProgressListener.NONE, CancellationToken.none());
    }

    @AfterParameterizedClassInvocation
    static void close() {
        store.close();
        db.close();
    }

    private static Map<String, EmployeeTimesheet> byCode(AttendanceReport r) {
        return r.timesheets().stream().collect(Collectors.toMap(t -> t.employee().code(), Function.identity()));
    }

    private static DayRecord day(EmployeeTimesheet t, int dayOfMonth) {
        return t.days().get(dayOfMonth - 1);
    }

    @Test
    void monthlyTimesheetsMatchTheHandWorkedAnswers() {
        assertEquals(ReportFixture.ZONE, march.zone());
        Map<String, EmployeeTimesheet> t = byCode(march);
        assertEquals(List.of("A1", "A2", "N1", "P2"), march.timesheets().stream().map(s -> s.employee().code()).toList());
        EmployeeTimesheet a1 = t.get("A1");
        assertEquals(31, a1.days().size());
        assertEquals(ReportFixture.A1_WORKED, a1.workedMinutes());
        assertEquals(6, a1.lateMinutes());
        assertEquals(1, a1.count(DayStatus.LATE));
        assertEquals(21, a1.daysAttended());
        assertEquals(0, a1.count(DayStatus.ABSENT));
        assertEquals(20 * 10, a1.overtimeMinutes());
        assertEquals(DayStatus.HOLIDAY, day(a1, 6).status());
        assertEquals(DayStatus.DAY_OFF, day(a1, 7).status());

        EmployeeTimesheet a2 = t.get("A2");
        assertEquals(ReportFixture.A2_WORKED, a2.workedMinutes());
        assertTrue(day(a2, 3).corrected(), "the manual check-out counts");
        assertEquals(510, day(a2, 3).workedMinutes());
        assertFalse(day(a2, 4).needsReview(), "the voided false check-in no longer leaves the day open");
        assertTrue(day(a2, 5).missingCheckOut());
        assertEquals(17, a2.count(DayStatus.ABSENT));
        assertEquals(1, a2.daysToReview());

        EmployeeTimesheet n1 = t.get("N1");
        assertEquals(420, day(n1, 28).workedMinutes(), "the night of the DST change is seven real hours");
        assertEquals(420, day(n1, 28).scheduledMinutes());
        assertEquals(DayStatus.PRESENT, day(n1, 28).status());
        assertEquals(DayStatus.HOLIDAY, day(n1, 6).status(), "holidays apply to night shifts too");
        assertEquals(29, n1.count(DayStatus.ABSENT));

        EmployeeTimesheet p2 = t.get("P2");
        assertEquals(480, p2.workedMinutes());
        assertEquals(0, p2.overtimeMinutes(), "no shift, no overtime");
        assertEquals(1, p2.count(DayStatus.HOLIDAY));
        assertEquals(29, p2.count(DayStatus.UNSCHEDULED));
    }

    @Test
    void rosterDepartmentsLatenessAndHoursAgreeWithTheTimesheets() {
        AttendanceReport.RosterDay mar2 = march.roster().get(1);
        assertEquals(LocalDate.of(2026, 3, 2), mar2.date());
        assertEquals(3, mar2.expected(), "A1, A2 and N1 were scheduled");
        assertEquals(2, mar2.present());
        assertEquals(1, mar2.late());
        assertEquals(1, mar2.absent());

        List<AttendanceReport.DepartmentTotals> depts = march.departments();
        assertEquals(List.of("Office", "Plant"), depts.stream().map(AttendanceReport.DepartmentTotals::department).toList());
        assertEquals(ReportFixture.A1_WORKED + ReportFixture.A2_WORKED, depts.get(0).workedMinutes());
        assertEquals(420 + 480, depts.get(1).workedMinutes());
        assertEquals(march.workedMinutes(), depts.stream().mapToLong(AttendanceReport.DepartmentTotals::workedMinutes).sum());

        assertEquals(1, march.latenessTrend().get(1).lateArrivals());
        assertEquals(6, march.latenessTrend().get(1).lateMinutes());
        assertEquals(1, march.latenessTrend().stream().mapToInt(AttendanceReport.LatenessDay::lateArrivals).sum());

        List<AttendanceReport.HourPresence> hours = march.presenceByHour();
        assertEquals(20, hours.get(8).arrivals(), "A1's 08:55 arrivals");
        assertEquals(1 + 4, hours.get(9).arrivals(), "A1's late day and A2's four days");
        assertEquals(1, hours.get(22).arrivals(), "N1's night");
        assertEquals(1, hours.get(7).arrivals(), "P2");
        assertEquals(1, hours.get(3).presentDays(), "only N1 was at work at 03:00");
    }

    @Test
    void aDepartmentReportHasOnlyItsPeople() {
        AttendanceReport office = service.build(ReportRequest.month(2026, 3, "Office"), null, null);
        assertEquals(List.of("A1", "A2"), office.timesheets().stream().map(s -> s.employee().code()).toList());
        assertEquals(ReportFixture.A1_WORKED + ReportFixture.A2_WORKED, office.workedMinutes());
    }

    @Test
    void badRequestsAreNamedWithAFix() {
        ReportException e = assertThrows(ReportException.class,
                () -> new ReportRequest(LocalDate.of(2026, 3, 31), LocalDate.of(2026, 3, 1), null));
        assertEquals(Problem.Kind.BAD_VALUE, e.kind());
        assertTrue(e.getMessage().contains("before it starts"), e.getMessage());
        assertTrue(e.fix().contains("Swap"));

        e = assertThrows(ReportException.class, () -> service.build(ReportRequest.month(2026, 3, "Sales"), null, null));
        assertEquals(Problem.Kind.NOT_FOUND, e.kind());
        assertTrue(e.getMessage().contains("'Sales'"), e.getMessage());
        assertTrue(e.fix().contains("Office, Plant"), e.fix());

        e = assertThrows(ReportException.class, () -> service.build(ReportRequest.month(2026, 2, null), null, null));
        assertTrue(e.getMessage().contains("no attendance was recorded from 2026-02-01 to 2026-02-28"), e.getMessage());

        e = assertThrows(ReportException.class, () -> new ReportRequest(LocalDate.of(2025, 1, 1), LocalDate.of(2026, 3, 1), null));
        assertTrue(e.getMessage().contains("longer than 366 days"), e.getMessage());
    }

    @Test
    void aCancelledReportStopsWithCancelled() {
        CancellationToken token = new CancellationToken();
        token.cancel();
        ReportException e = assertThrows(ReportException.class,
                () -> service.build(ReportRequest.month(2026, 3, null), null, token));
        assertEquals(Problem.Kind.CANCELLED, e.kind());
    }

    @Test
    void progressIsReported() {
        List<String> steps = new ArrayList<>();
        service.build(ReportRequest.month(2026, 3, null), (step, done, total) -> steps.add(step), null);
        assertEquals("Report built", steps.get(steps.size() - 1));
    }
}
