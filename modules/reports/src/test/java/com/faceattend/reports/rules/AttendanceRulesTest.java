package com.faceattend.reports.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.faceattend.spi.AttendanceEvent.Direction;
import com.faceattend.store.WorkShift;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rules on hand-built pass sequences whose answers are worked out by hand (Europe/Berlin). */
class AttendanceRulesTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final WorkShift DAY = new WorkShift("day", LocalTime.of(9, 0), LocalTime.of(17, 0), 5,
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
    private static final WorkShift NIGHT = new WorkShift("night", LocalTime.of(22, 0), LocalTime.of(6, 0), 0,
            EnumSet.allOf(DayOfWeek.class));
    private static final LocalDate MON = LocalDate.of(2026, 3, 2);

    private static Punch in(String localDateTime) {
        return punch(localDateTime, Direction.IN);
    }

    private static Punch out(String localDateTime) {
        return punch(localDateTime, Direction.OUT);
    }

    private static Punch punch(String local, Direction d) {
        return new Punch(LocalDateTime.parse(local).atZone(BERLIN).toInstant(), d, false);
    }

    private static List<DayRecord> run(WorkShift shift, LocalDate from, LocalDate to, Map<LocalDate, String> holidays,
                                       Punch... punches) {
        return AttendanceRules.evaluate(List.of(punches), from, to, ShiftCalendar.always(shift), holidays, BERLIN);
    }

    private static DayRecord one(WorkShift shift, LocalDate day, Punch... punches) {
        List<DayRecord> r = run(shift, day, day, Map.of(), punches);
        assertEquals(1, r.size());
        return r.get(0);
    }

    @Test
    void oneMinutePastGraceIsLateCountedFromShiftStart() {
        DayRecord d = one(DAY, MON, in("2026-03-02T09:06:00"), out("2026-03-02T17:00:00"));
        assertEquals(DayStatus.LATE, d.status());
        assertEquals(6, d.lateMinutes());
        assertEquals(474, d.workedMinutes());
        assertEquals(480, d.scheduledMinutes());
        assertEquals(0, d.overtimeMinutes());
        assertEquals(0, d.earlyMinutes());
    }

    @Test
    void arrivingWithinTheGraceMinuteIsOnTimeBecauseSecondsAreDropped() {
        DayRecord d = one(DAY, MON, in("2026-03-02T09:05:59"), out("2026-03-02T17:00:00"));
        assertEquals(DayStatus.PRESENT, d.status());
        assertEquals(0, d.lateMinutes());
        assertEquals(475, d.workedMinutes());
    }

    @Test
    void leavingBeyondGraceBeforeShiftEndIsEarly() {
        assertEquals(6, one(DAY, MON, in("2026-03-02T09:00:00"), out("2026-03-02T16:54:00")).earlyMinutes());
        assertEquals(0, one(DAY, MON, in("2026-03-02T09:00:00"), out("2026-03-02T16:55:00")).earlyMinutes());
    }

    @Test
    void firstInLastOutIgnoresPassesInBetweenAndCountsOvertime() {
        DayRecord d = one(DAY, MON, in("2026-03-02T08:30:00"), out("2026-03-02T12:00:00"), in("2026-03-02T12:45:00"),
                in("2026-03-02T12:46:00"), out("2026-03-02T18:15:00"));
        assertEquals(DayStatus.PRESENT, d.status());
        assertEquals(LocalDateTime.parse("2026-03-02T08:30").atZone(BERLIN).toInstant(), d.firstIn());
        assertEquals(LocalDateTime.parse("2026-03-02T18:15").atZone(BERLIN).toInstant(), d.lastOut());
        assertEquals(585, d.workedMinutes());
        assertEquals(105, d.overtimeMinutes());
    }

    @Test
    void overnightShiftPassesAfterMidnightBelongToTheEveningTheShiftStarted() {
        List<DayRecord> r = run(NIGHT, MON, MON.plusDays(1), Map.of(),
                in("2026-03-02T21:55:00"), out("2026-03-03T06:10:00"),
                in("2026-03-03T22:20:00"), out("2026-03-04T06:00:00"));
        DayRecord mon = r.get(0);
        assertEquals(DayStatus.PRESENT, mon.status());
        assertEquals(495, mon.workedMinutes());
        assertEquals(480, mon.scheduledMinutes());
        assertEquals(15, mon.overtimeMinutes());
        DayRecord tue = r.get(1);
        assertEquals(DayStatus.LATE, tue.status());
        assertEquals(20, tue.lateMinutes());
        assertEquals(460, tue.workedMinutes());
        assertEquals(0, tue.overtimeMinutes());
    }

    @Test
    void aMissingCheckOutIsFlaggedAndNotGuessed() {
        List<DayRecord> r = run(DAY, MON, MON.plusDays(1), Map.of(),
                in("2026-03-02T08:58:00"),
                in("2026-03-03T08:59:00"), out("2026-03-03T17:01:00"));
        DayRecord mon = r.get(0);
        assertTrue(mon.missingCheckOut());
        assertTrue(mon.needsReview());
        assertEquals(DayStatus.PRESENT, mon.status(), "they came in on time");
        assertEquals(0, mon.workedMinutes(), "no check-out: worked time is not guessed");
        assertEquals(0, mon.overtimeMinutes());
        assertNull(mon.lastOut());
        assertTrue(mon.remarks().contains("missing check-out"));
        DayRecord tue = r.get(1);
        assertFalse(tue.needsReview(), "the next day is not affected");
        assertEquals(482, tue.workedMinutes());
    }

    @Test
    void aCheckOutWithoutCheckInIsFlagged() {
        DayRecord d = one(DAY, MON, out("2026-03-02T17:00:00"));
        assertTrue(d.missingCheckIn());
        assertEquals(0, d.workedMinutes());
    }

    @Test
    void nightShiftOverTheSpringDstChangeIsSevenRealHours() {
        LocalDate sat = LocalDate.of(2026, 3, 28); // clocks jump 02:00 -> 03:00 on Sunday 29 March
        DayRecord d = one(NIGHT, sat, in("2026-03-28T22:00:00"), out("2026-03-29T06:00:00"));
        assertEquals(420, d.scheduledMinutes());
        assertEquals(420, d.workedMinutes());
        assertEquals(0, d.overtimeMinutes());
        assertEquals(0, d.earlyMinutes());
        assertEquals(DayStatus.PRESENT, d.status());
    }

    @Test
    void nightShiftOverTheAutumnDstChangeIsNineRealHours() {
        LocalDate sat = LocalDate.of(2026, 10, 24); // clocks go back 03:00 -> 02:00 on Sunday 25 October
        DayRecord d = one(NIGHT, sat, in("2026-10-24T22:00:00"), out("2026-10-25T06:00:00"));
        assertEquals(540, d.scheduledMinutes());
        assertEquals(540, d.workedMinutes());
        assertEquals(0, d.overtimeMinutes());
    }

    @Test
    void withoutAShiftWorkedTimeIsRealTimeOnTheDstDayAndNothingElseIsJudged() {
        DayRecord d = AttendanceRules.evaluate(List.of(in("2026-03-29T00:30:00"), out("2026-03-29T05:30:00")),
                LocalDate.of(2026, 3, 29), LocalDate.of(2026, 3, 29), date -> null, Map.of(), BERLIN).get(0);
        assertEquals(240, d.workedMinutes(), "00:30 to 05:30 local is only four hours that night");
        assertEquals(DayStatus.PRESENT, d.status());
        assertEquals(0, d.overtimeMinutes());
        assertEquals(0, d.lateMinutes());
    }

    @Test
    void holidaysAbsencesAndWorkOnADayOff() {
        LocalDate sat = LocalDate.of(2026, 3, 7);
        List<DayRecord> r = run(DAY, MON, sat, Map.of(MON, "Staff day"),
                in("2026-03-04T09:00:00"), out("2026-03-04T17:00:00"),
                in("2026-03-07T10:00:00"), out("2026-03-07T14:00:00"));
        assertEquals(DayStatus.HOLIDAY, r.get(0).status());
        assertEquals(0, r.get(0).scheduledMinutes());
        assertEquals("Staff day", r.get(0).holidayName());
        assertEquals(DayStatus.ABSENT, r.get(1).status());
        assertEquals(480, r.get(1).scheduledMinutes());
        assertEquals(DayStatus.PRESENT, r.get(2).status());
        assertEquals(DayStatus.ABSENT, r.get(3).status());
        assertEquals(DayStatus.ABSENT, r.get(4).status());
        DayRecord saturday = r.get(5);
        assertEquals(DayStatus.DAY_OFF, saturday.status());
        assertEquals(240, saturday.workedMinutes());
        assertEquals(240, saturday.overtimeMinutes(), "all time on a day off is overtime");
    }

    @Test
    void aLateNightCheckOutAfterADayShiftStillBelongsToThatDay() {
        List<DayRecord> r = run(DAY, MON, MON.plusDays(1), Map.of(),
                in("2026-03-02T09:00:00"), out("2026-03-03T00:30:00"));
        assertEquals(930, r.get(0).workedMinutes());
        assertEquals(DayStatus.ABSENT, r.get(1).status());
    }

    @Test
    void changingFromTheNightToTheDayShiftSplitsThePassesBetweenTheTwoShifts() {
        LocalDate tue = MON.plusDays(1);
        List<DayRecord> r = AttendanceRules.evaluate(List.of(in("2026-03-02T22:00:00"), out("2026-03-03T06:00:00"),
                        in("2026-03-03T09:00:00"), out("2026-03-03T17:00:00")), MON, tue,
                date -> date.isBefore(tue) ? NIGHT : DAY, Map.of(), BERLIN);
        assertEquals(480, r.get(0).workedMinutes());
        assertFalse(r.get(0).needsReview());
        assertEquals(480, r.get(1).workedMinutes());
        assertEquals(DayStatus.PRESENT, r.get(1).status());
        assertFalse(r.get(1).needsReview());
    }

    @Test
    void passesOutsideThePeriodDoNotCount() {
        List<DayRecord> r = run(DAY, MON, MON, Map.of(),
                in("2026-03-01T09:00:00"), out("2026-03-01T17:00:00"),
                in("2026-03-02T09:00:00"), out("2026-03-02T17:00:00"),
                in("2026-03-03T09:00:00"), out("2026-03-03T17:00:00"));
        assertEquals(1, r.size());
        assertEquals(480, r.get(0).workedMinutes());
    }
}
