package com.faceattend.reports.today;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.faceattend.spi.AttendanceEvent;
import com.faceattend.spi.AttendanceEvent.Direction;
import com.faceattend.store.AlertRecord;
import com.faceattend.store.AlertStore;
import com.faceattend.store.CorrectionStore;
import com.faceattend.store.DerbyAttendanceStore;
import com.faceattend.store.ScheduleStore;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The Today dashboard's numbers on a real database (Europe/Berlin, Tuesday 3 March 2026), the
 * answers worked out by hand. Office works the day shift 09:00–17:00 with 5 minutes' grace; Night
 * works 22:00–06:00.
 * <ul>
 * <li>ON (Office): in 08:55 → present. LT (Office): in 09:20 → late.</li>
 * <li>AB (Office): a camera IN at 09:00 voided by an administrator → absent once 09:05 has passed.</li>
 * <li>MN (Office): no camera pass, a manual IN at 08:58 added by an administrator → present.</li>
 * <li>NI (Night): no pass yet, the shift starts at 22:00 → expected, not absent.</li>
 * <li>FR (no shift): in 10:00 → present; FX (no shift): no pass → unscheduled.</li>
 * <li>On Friday 6 March, a holiday, everybody is off.</li>
 * </ul>
 * Runs on embedded Derby, the Derby network server and PostgreSQL.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(StoreEngine.class)
class TodayServiceTest {
    @Parameter
    StoreEngine engine;
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final LocalDate TUESDAY = LocalDate.of(2026, 3, 3);

    @TempDir
    static Path dir;
    static StoreEngine.TestDatabase db;
    static DerbyAttendanceStore store;

    @BeforeParameterizedClassInvocation
    static void organisation(StoreEngine engine) {
        db = engine.fresh(dir.resolve(engine.name()));
        store = db.open();
        Instant consent = Instant.parse("2026-01-01T00:00:00Z");
        for (String[] e : new String[][] {{"ON", "Office"}, {"LT", "Office"}, {"AB", "Office"}, {"MN", "Office"},
            {"NI", "Night"}, {"FR", null}, {"FX", null}}) {
            store.addEmployee(e[0], "Person " + e[0], e[1], consent);
        }
        store.addEmployee("GONE", "Left us", "Office", consent);
        store.setActive("GONE", false);
        ScheduleStore s = new ScheduleStore(store);
        s.setOrganisationZone(BERLIN, "hr");
        s.saveShift(new WorkShift("day", LocalTime.of(9, 0), LocalTime.of(17, 0), 5,
                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY)), "hr");
        s.saveShift(new WorkShift("night", LocalTime.of(22, 0), LocalTime.of(6, 0), 0, EnumSet.allOf(DayOfWeek.class)), "hr");
        s.assignToDepartment("day", "Office", LocalDate.of(2026, 1, 1), "hr");
        s.assignToDepartment("night", "Night", LocalDate.of(2026, 1, 1), "hr");
        s.addHoliday(LocalDate.of(2026, 3, 6), "Company day", "hr");

        pass("ON", "08:55", "front door");
        pass("LT", "09:20", "front door");
        pass("AB", "09:00", "side door");
        pass("FR", "10:00", "side door");
        pass("ON", "2026-03-02T09:00", "front door"); // yesterday: not today's business
        CorrectionStore corrections = new CorrectionStore(store);
        long wrong = store.listAttendance(at("09:00"), at("09:01"), "AB").get(0).id();
        corrections.voidEvent(wrong, "someone else's face", "hr");
        corrections.addPass("MN", at("08:58"), Direction.IN, "camera was down", "hr");
        new AlertStore(store).recordSpoof(new AttendanceEvent.SpoofSuspected(at("07:30"), "front door", "ON", 0.1f));
    }

    @AfterParameterizedClassInvocation
    static void close() {
        store.close();
        db.close();
    }

    @Test
    void sortsEveryActiveEmployeeIntoOneListAtEleven() {
        TodayOverview t = overviewAt("11:00");
        assertEquals(TUESDAY, t.date());
        assertEquals(List.of("FR", "MN", "ON"), codes(t.present()));
        assertEquals(List.of("LT"), codes(t.late()));
        assertEquals(20, t.late().get(0).day().lateMinutes());
        assertEquals(List.of("AB"), codes(t.absent()));
        assertEquals(List.of("NI"), codes(t.expected()));
        assertEquals(List.of("FX"), codes(t.unscheduled()));
        assertEquals(List.of(), codes(t.off()));
        assertEquals(4, t.attending());
    }

    @Test
    void countsFirstCheckInsPerLocalHour() {
        int[] hours = overviewAt("11:00").arrivalsByHour();
        assertEquals(2, hours[8], "ON 08:55 and the manual 08:58 of MN");
        assertEquals(1, hours[9], "LT; the voided 09:00 of AB does not count");
        assertEquals(1, hours[10]);
        assertEquals(4, java.util.Arrays.stream(hours).sum());
    }

    @Test
    void beforeTheShiftStartsNobodyIsAbsentYet() {
        TodayOverview t = overviewAt("09:04");
        assertEquals(List.of("AB", "LT", "NI"), codes(t.expected()), "LT's 09:20 pass has not happened yet at 09:04");
        assertEquals(List.of(), codes(t.absent()));
        assertEquals(List.of("MN", "ON"), codes(t.present()));
        assertEquals(List.of("AB", "ON"), t.latestPasses().stream().map(r -> r.employeeCode()).toList(),
                "passes as the cameras recorded them, the voided one too");
    }

    @Test
    void listsTheDaysPassesNewestFirstWithStationsAndOpenAlerts() {
        TodayOverview t = overviewAt("11:00");
        assertEquals(List.of("FR", "LT", "AB", "ON"), t.latestPasses().stream().map(r -> r.employeeCode()).toList());
        assertEquals(at("10:00"), t.stationLastSeen().get("side door"));
        assertEquals(at("09:20"), t.stationLastSeen().get("front door"));
        assertEquals(List.of("ON"), t.openAlerts().stream().map(AlertRecord::claimedEmployee).toList());
    }

    @Test
    void onAHolidayTheScheduledAreOff() {
        TodayOverview t = new TodayService(store, Clock.fixed(LocalDateTime.of(2026, 3, 6, 11, 0).atZone(BERLIN).toInstant(),
                ZoneOffset.UTC)).today();
        assertEquals(List.of("AB", "FR", "FX", "LT", "MN", "NI", "ON"), codes(t.off()), "a holiday is off for everybody");
        assertEquals(List.of(), codes(t.absent()));
    }

    private static TodayOverview overviewAt(String time) {
        return new TodayService(store, Clock.fixed(at(time), ZoneOffset.UTC)).today();
    }

    private static List<String> codes(List<TodayOverview.Person> people) {
        return people.stream().map(p -> p.employee().code()).sorted().toList();
    }

    private static Instant at(String time) {
        LocalDateTime local = time.contains("T") ? LocalDateTime.parse(time) : TUESDAY.atTime(LocalTime.parse(time));
        return local.atZone(BERLIN).toInstant();
    }

    private static void pass(String code, String time, String station) {
        store.recordAttendance(new AttendanceEvent.PersonRecognized(at(time), station, code, "", Direction.IN, 0.8f, 0.95f));
    }
}
