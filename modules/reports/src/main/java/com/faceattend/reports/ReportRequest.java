package com.faceattend.reports;

import com.faceattend.spi.Problem;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * What to report on: the dates {@code from} to {@code to}, both inclusive, in the organisation's
 * time zone; all employees, or only {@code department} when not null. At most
 * {@value #MAX_DAYS} days, so one report stays a bounded amount of memory.
 */
public record ReportRequest(LocalDate from, LocalDate to, String department) {
    public static final int MAX_DAYS = 366;

    public ReportRequest {
        if (from == null || to == null) {
            throw new ReportException(Problem.Kind.BAD_VALUE, "the report period needs a first and a last day",
                    "Give both the first and the last day.");
        }
        if (to.isBefore(from)) {
            throw new ReportException(Problem.Kind.BAD_VALUE,
                    "the period ends (" + to + ") before it starts (" + from + ")", "Swap the two dates.");
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
            throw new ReportException(Problem.Kind.BAD_VALUE, "the period " + from + " to " + to + " is longer than "
                    + MAX_DAYS + " days", "Report one year or less at a time.");
        }
        if (department != null && department.isBlank()) {
            department = null;
        }
    }

    /** The whole of one calendar month. */
    public static ReportRequest month(int year, int month, String department) {
        LocalDate first = LocalDate.of(year, month, 1);
        return new ReportRequest(first, first.plusMonths(1).minusDays(1), department);
    }

    /** Number of dates in the period. */
    public int days() {
        return (int) ChronoUnit.DAYS.between(from, to) + 1;
    }

    @Override
    public String toString() {
        return from + " to " + to + (department == null ? "" : ", department " + department);
    }
}
