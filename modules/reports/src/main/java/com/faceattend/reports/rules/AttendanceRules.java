package com.faceattend.reports.rules;

import com.faceattend.spi.AttendanceEvent.Direction;
import com.faceattend.store.WorkShift;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The attendance rules: pure functions from one employee's passes, shifts, holidays and the
 * organisation's time zone to one {@link DayRecord} per date.
 *
 * <p>Rules, in the order applied:
 * <ul>
 * <li><b>Day windows.</b> Each work date owns the passes in a window that starts halfway between
 *     the previous shift's end and its shift's start (09:00–17:00 every day: from 01:00; 22:00–06:00:
 *     from 14:00; also right when the shift changes from one day to the next) and ends where the
 *     next date's window starts. Without shifts the window is the calendar day. So a night shift's
 *     check-out at 06:00 belongs to the evening it started.</li>
 * <li><b>First in, last out.</b> Worked time is from the first check-in to the last check-out of
 *     the window, in real elapsed time (a night shift over a DST change is an hour shorter or
 *     longer). Breaks are not deducted. Times count in whole minutes (seconds are dropped).</li>
 * <li><b>Not guessed.</b> If the last pass is a check-in (missing check-out) or the first a check-out
 *     (missing check-in), the day is flagged and counts 0 worked minutes until an administrator adds
 *     the missing pass.</li>
 * <li><b>Late / early.</b> Late when the first check-in is more than {@code graceMinutes} after
 *     shift start; the late minutes then count from shift start. Early departure likewise before
 *     shift end.</li>
 * <li><b>Absent</b>: a work day of the shift, not a holiday, without any pass.</li>
 * <li><b>Employment</b>: before the hire date and after the leave date no shift applies (the
 *     calendar gives none) and a day without passes is {@link DayStatus#NOT_EMPLOYED}.</li>
 * <li><b>Overtime</b>: worked minus scheduled when positive; on holidays and days off all worked
 *     time. None without an assigned shift.</li>
 * </ul>
 * Shift times that fall into a DST gap move forward by the gap; in an overlap the earlier offset is used.
 */
public final class AttendanceRules {
    private AttendanceRules() {
    }

    /**
     * Evaluates every date from {@code from} to {@code to} (inclusive).
     *
     * @param punches  the employee's passes, oldest first; may reach outside the period (they are ignored)
     * @param holidays holiday names by date
     */
    public static List<DayRecord> evaluate(List<Punch> punches, LocalDate from, LocalDate to, ShiftCalendar shifts,
                                           Map<LocalDate, String> holidays, ZoneId zone) {
        return evaluate(punches, from, to, shifts, holidays, zone, date -> true);
    }

    /**
     * Evaluates every date from {@code from} to {@code to} (inclusive) for an employee who works
     * only on the dates {@code employed} accepts (their hire and leave dates); {@code shifts}
     * should give no shift on the other dates (as {@code ShiftCalendars} does).
     */
    public static List<DayRecord> evaluate(List<Punch> punches, LocalDate from, LocalDate to, ShiftCalendar shifts,
                                           Map<LocalDate, String> holidays, ZoneId zone,
                                           java.util.function.Predicate<LocalDate> employed) {
        Objects.requireNonNull(employed, "employed");
        Objects.requireNonNull(punches, "punches");
        Objects.requireNonNull(shifts, "shifts");
        Objects.requireNonNull(holidays, "holidays");
        Objects.requireNonNull(zone, "zone");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to " + to + " is before from " + from);
        }
        List<DayRecord> out = new ArrayList<>((int) ChronoUnit.DAYS.between(from, to) + 1);
        int next = 0;
        Instant windowStart = boundary(from, shifts.shiftOn(from.minusDays(1)), shifts.shiftOn(from), zone);
        while (next < punches.size() && punches.get(next).time().isBefore(windowStart)) {
            next++; // passes before the first window belong to the day before the period
        }
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            WorkShift shift = shifts.shiftOn(d);
            Instant windowEnd = boundary(d.plusDays(1), shift, shifts.shiftOn(d.plusDays(1)), zone);
            int first = next;
            while (next < punches.size() && punches.get(next).time().isBefore(windowEnd)) {
                next++;
            }
            List<Punch> day = punches.subList(first, next);
            out.add(day.isEmpty() && !employed.test(d) ? notEmployed(d)
                    : evaluateDay(d, shift, holidays.get(d), day, zone));
            windowStart = windowEnd;
        }
        return out;
    }

    /**
     * Where the passes of work date {@code date} start and those of the day before end: halfway
     * between the day before's shift end and this day's shift start (with one shift every day: halfway
     * through the off-duty time). Without shifts: midnight.
     */
    static Instant boundary(LocalDate date, WorkShift before, WorkShift after, ZoneId zone) {
        if (before == null && after == null) {
            return date.atStartOfDay(zone).toInstant();
        }
        if (after == null) {
            LocalDate beforeDate = date.minusDays(1);
            return at((before.crossesMidnight() ? date : beforeDate).atTime(before.end()), zone)
                    .plus(Duration.ofMinutes(offMinutes(before) / 2));
        }
        Instant start = at(date.atTime(after.start()), zone);
        if (before == null) {
            return start.minus(Duration.ofMinutes(offMinutes(after) / 2));
        }
        Instant end = at((before.crossesMidnight() ? date : date.minusDays(1)).atTime(before.end()), zone);
        if (!end.isBefore(start)) {
            return start; // shifts that overlap at a changeover: the new shift's passes start at its start
        }
        return end.plus(Duration.between(end, start).dividedBy(2));
    }

    private static long offMinutes(WorkShift shift) {
        return 24 * 60 - nominalMinutes(shift);
    }

    private static long nominalMinutes(WorkShift shift) {
        long m = Duration.between(shift.start(), shift.end()).toMinutes();
        return m <= 0 ? m + 24 * 60 : m;
    }

    private static Instant at(LocalDateTime local, ZoneId zone) {
        return ZonedDateTime.ofLocal(local, zone, null).toInstant();
    }

    private static DayRecord notEmployed(LocalDate date) {
        return new DayRecord(date, null, DayStatus.NOT_EMPLOYED, null, null, 0, 0, 0, 0, 0, false, false, false, null);
    }

    private static DayRecord evaluateDay(LocalDate date, WorkShift shift, String holiday, List<Punch> day, ZoneId zone) {
        boolean workDay = shift != null && holiday == null && shift.workDays().contains(date.getDayOfWeek());
        Instant firstIn = null;
        Instant lastOut = null;
        boolean corrected = false;
        for (Punch p : day) {
            Instant t = p.time().truncatedTo(ChronoUnit.MINUTES);
            if (p.direction() == Direction.IN && firstIn == null) {
                firstIn = t;
            } else if (p.direction() == Direction.OUT) {
                lastOut = t;
            }
            corrected |= p.manual();
        }
        boolean missingOut = !day.isEmpty() && day.get(day.size() - 1).direction() == Direction.IN;
        boolean missingIn = !day.isEmpty() && day.get(0).direction() == Direction.OUT;
        if (lastOut != null && firstIn != null && lastOut.isBefore(firstIn)) {
            lastOut = null; // an OUT before the first IN only: already flagged as missing check-in
        }
        boolean complete = firstIn != null && lastOut != null && !missingOut && !missingIn;
        int worked = complete ? (int) Duration.between(firstIn, lastOut).toMinutes() : 0;

        int scheduled = 0;
        int late = 0;
        int early = 0;
        if (workDay) {
            Instant start = at(date.atTime(shift.start()), zone);
            Instant end = at((shift.crossesMidnight() ? date.plusDays(1) : date).atTime(shift.end()), zone);
            scheduled = (int) Duration.between(start, end).toMinutes();
            if (firstIn != null && firstIn.isAfter(start.plus(Duration.ofMinutes(shift.graceMinutes())))) {
                late = (int) Duration.between(start, firstIn).toMinutes();
            }
            if (complete && lastOut.isBefore(end.minus(Duration.ofMinutes(shift.graceMinutes())))) {
                early = (int) Duration.between(lastOut, end).toMinutes();
            }
        }
        int overtime = shift == null ? 0 : Math.max(0, worked - scheduled);

        DayStatus status;
        if (workDay) {
            status = day.isEmpty() ? DayStatus.ABSENT : late > 0 ? DayStatus.LATE : DayStatus.PRESENT;
        } else if (holiday != null) {
            status = DayStatus.HOLIDAY;
        } else if (shift != null) {
            status = DayStatus.DAY_OFF;
        } else {
            status = day.isEmpty() ? DayStatus.UNSCHEDULED : DayStatus.PRESENT;
        }
        return new DayRecord(date, shift == null ? null : shift.name(), status, firstIn, lastOut, worked, scheduled,
                late, early, overtime, missingOut, missingIn, corrected, holiday);
    }
}
