package com.faceattend.store;

import com.faceattend.spi.Problem;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A work shift in local wall-clock time of the organisation's time zone. When {@code end} is not
 * after {@code start} the shift crosses midnight and ends on the next calendar day (22:00–06:00);
 * its work date is the day it starts. Arriving later than {@code start + graceMinutes} is late,
 * leaving earlier than {@code end - graceMinutes} is early.
 *
 * @param name         unique, at most 64 characters
 * @param workDays     days of the week on which the shift starts; other days are days off
 * @param graceMinutes 0 to 240
 */
public record WorkShift(String name, LocalTime start, LocalTime end, int graceMinutes, Set<DayOfWeek> workDays) {
    static final int MAX_NAME = 64;

    public WorkShift {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(workDays, "workDays");
        if (name == null || name.isBlank() || name.length() > MAX_NAME) {
            throw new StoreException(Problem.Kind.BAD_VALUE, "the shift name '" + name + "' is empty or longer than " + MAX_NAME + " characters",
                    "Give the shift a short name such as 'day' or 'night'.");
        }
        if (start.equals(end)) {
            throw new StoreException(Problem.Kind.BAD_VALUE, "shift '" + name + "' starts and ends at " + start,
                    "Give different start and end times; a shift ending the next day has an end before its start.");
        }
        if (graceMinutes < 0 || graceMinutes > 240) {
            throw new StoreException(Problem.Kind.BAD_VALUE, "the grace period of shift '" + name + "' is " + graceMinutes + " minutes",
                    "Use 0 to 240 minutes.");
        }
        if (workDays.isEmpty()) {
            throw new StoreException(Problem.Kind.BAD_VALUE, "shift '" + name + "' has no work days", "Give at least one day, e.g. MON-FRI.");
        }
        // whole minutes only: seconds in a schedule would make lateness depend on invisible detail
        if (start.getSecond() != 0 || start.getNano() != 0 || end.getSecond() != 0 || end.getNano() != 0) {
            throw new StoreException(Problem.Kind.BAD_VALUE, "shift '" + name + "' has seconds in its times", "Use HH:MM times.");
        }
        workDays = Set.copyOf(EnumSet.copyOf(workDays));
    }

    /** Whether the shift ends on the calendar day after it starts. */
    public boolean crossesMidnight() {
        return !end.isAfter(start);
    }

    /** Work days as ISO numbers, "12345" for Monday to Friday (the stored form). */
    String workDayDigits() {
        StringBuilder s = new StringBuilder();
        for (DayOfWeek d : EnumSet.copyOf(workDays)) {
            s.append(d.getValue());
        }
        return s.toString();
    }

    static Set<DayOfWeek> parseDigits(String digits) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (char ch : digits.toCharArray()) {
            days.add(DayOfWeek.of(ch - '0'));
        }
        return days;
    }
}
