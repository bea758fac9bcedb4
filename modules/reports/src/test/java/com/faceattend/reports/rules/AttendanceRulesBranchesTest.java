package com.faceattend.reports.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.faceattend.spi.AttendanceEvent.Direction;
import com.faceattend.store.WorkShift;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Branches of the rules that AttendanceRulesTest leaves out: work on a holiday, a day whose passes go
 * OUT, IN, OUT (or IN, OUT, IN), and a shift that starts inside the spring-forward gap. Answers worked
 * out by hand in Europe/Berlin (CET +01:00, CEST +02:00 from 2026-03-29 02:00 local = 01:00 UTC).
 */
class AttendanceRulesBranchesTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final WorkShift DAY = new WorkShift("day", LocalTime.of(9, 0), LocalTime.of(17, 0), 5,
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
    private static final LocalDate MON = LocalDate.of(2026, 3, 2);

    private static Punch punch(String local, Direction d) {
        return new Punch(LocalDateTime.parse(local).atZone(BERLIN).toInstant(), d, false);
    }

    private static DayRecord one(WorkShift shift, LocalDate day, Map<LocalDate, String> holidays, Punch... punches) {
        List<DayRecord> r = AttendanceRules.evaluate(List.of(punches), day, day, ShiftCalendar.always(shift), holidays, BERLIN);
        assertEquals(1, r.size());
        return r.get(0);
    }

    @Test
    void workOnAHolidayIsAllOvertimeAndNeverLateOrEarly() {
        DayRecord d = one(DAY, MON, Map.of(MON, "Founders' day"),
                punch("2026-03-02T11:20:00", Direction.IN), punch("2026-03-02T15:05:00", Direction.OUT));
        assertEquals(DayStatus.HOLIDAY, d.status());
        assertEquals("Founders' day", d.holidayName());
        assertEquals(0, d.scheduledMinutes(), "nothing is scheduled on a holiday");
        assertEquals(225, d.workedMinutes());
        assertEquals(225, d.overtimeMinutes(), "every worked minute of a holiday is overtime");
        assertEquals(0, d.lateMinutes(), "11:20 is not late: there is no shift start on a holiday");
        assertEquals(0, d.earlyMinutes());
        assertFalse(d.needsReview());
    }

    @Test
    void aHolidayWithoutPassesIsNotAnAbsence() {
        DayRecord d = one(DAY, MON, Map.of(MON, "Founders' day"));
        assertEquals(DayStatus.HOLIDAY, d.status());
        assertEquals(0, d.overtimeMinutes());
    }

    @Test
    void outInOutIsFlaggedAsAMissingCheckInAndNotGuessed() {
        // A check-out at 08:00 with no check-in before it (the person slipped in behind someone), then a normal day.
        DayRecord d = one(DAY, MON, Map.of(),
                punch("2026-03-02T08:00:00", Direction.OUT), punch("2026-03-02T09:00:00", Direction.IN),
                punch("2026-03-02T17:00:00", Direction.OUT));
        assertTrue(d.missingCheckIn());
        assertFalse(d.missingCheckOut());
        assertTrue(d.needsReview());
        assertEquals(0, d.workedMinutes(), "not guessed until an administrator adds the missing pass");
        assertEquals(0, d.overtimeMinutes());
        assertEquals(0, d.earlyMinutes(), "an incomplete day is not judged early");
        assertEquals(LocalDateTime.parse("2026-03-02T09:00:00").atZone(BERLIN).toInstant(), d.firstIn());
        assertEquals(DayStatus.PRESENT, d.status());
        assertTrue(d.remarks().contains("missing check-in"), d.remarks());
    }

    @Test
    void inOutInIsFlaggedAsAMissingCheckOut() {
        DayRecord d = one(DAY, MON, Map.of(),
                punch("2026-03-02T09:00:00", Direction.IN), punch("2026-03-02T12:00:00", Direction.OUT),
                punch("2026-03-02T12:40:00", Direction.IN));
        assertTrue(d.missingCheckOut());
        assertFalse(d.missingCheckIn());
        assertEquals(0, d.workedMinutes());
        assertTrue(d.remarks().contains("missing check-out"), d.remarks());
    }

    @Test
    void aLoneCheckOutLeavesNoLastOutAndNoWork() {
        DayRecord d = one(DAY, MON, Map.of(), punch("2026-03-02T17:00:00", Direction.OUT));
        assertTrue(d.missingCheckIn());
        assertNull(d.firstIn());
        assertEquals(0, d.workedMinutes());
        assertEquals(DayStatus.PRESENT, d.status(), "a pass was seen: present, but flagged for review");
    }

    @Test
    void aShiftStartingInTheSpringForwardGapStartsWhenTheClockResumes() {
        // 02:30 does not exist on 2026-03-29 in Berlin: the shift starts 03:30 CEST (01:30 UTC), the gap's length later.
        WorkShift early = new WorkShift("early", LocalTime.of(2, 30), LocalTime.of(10, 30), 5, EnumSet.allOf(DayOfWeek.class));
        LocalDate sunday = LocalDate.of(2026, 3, 29);
        DayRecord onTime = one(early, sunday, Map.of(),
                punch("2026-03-29T03:34:00", Direction.IN), punch("2026-03-29T10:30:00", Direction.OUT));
        assertEquals(DayStatus.PRESENT, onTime.status(), "4 minutes after the moved start: within the 5-minute grace");
        assertEquals(0, onTime.lateMinutes());
        assertEquals(420, onTime.scheduledMinutes(), "01:30 to 08:30 UTC: seven real hours");
        assertEquals(416, onTime.workedMinutes());
        assertEquals(0, onTime.earlyMinutes());
        assertEquals(Instant.parse("2026-03-29T01:34:00Z"), onTime.firstIn());

        DayRecord late = one(early, sunday, Map.of(),
                punch("2026-03-29T03:40:00", Direction.IN), punch("2026-03-29T10:30:00", Direction.OUT));
        assertEquals(DayStatus.LATE, late.status());
        assertEquals(10, late.lateMinutes(), "late counts from the moved start, 03:30");
    }
}
