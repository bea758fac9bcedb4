package com.faceattend.reports.rules;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The outcome of the attendance rules for one employee on one work date (the date a shift starts;
 * a night shift's passes after midnight belong to the day before).
 *
 * @param shiftName        the shift assigned that day, or null
 * @param firstIn          the first check-in in the day's window, or null
 * @param lastOut          the last check-out in the day's window, or null
 * @param workedMinutes    lastOut - firstIn in real elapsed minutes (DST-correct); 0 when incomplete
 * @param scheduledMinutes the shift's real length on a work day, else 0
 * @param lateMinutes      minutes after shift start when beyond grace, else 0
 * @param earlyMinutes     minutes before shift end when beyond grace, else 0
 * @param overtimeMinutes  worked beyond scheduled (all of it on days off and holidays), 0 when unscheduled
 * @param missingCheckOut  the last pass is a check-in: worked time is not guessed, an administrator must correct it
 * @param missingCheckIn   the first pass is a check-out without a check-in before it
 * @param corrected        a manual pass by an administrator counts in this day
 * @param holidayName      the holiday's name, or null
 */
public record DayRecord(LocalDate date, String shiftName, DayStatus status, Instant firstIn, Instant lastOut,
                        int workedMinutes, int scheduledMinutes, int lateMinutes, int earlyMinutes, int overtimeMinutes,
                        boolean missingCheckOut, boolean missingCheckIn, boolean corrected, String holidayName) {

    /** Whether an administrator must look at this day before payroll. */
    public boolean needsReview() {
        return missingCheckOut || missingCheckIn;
    }

    /** Short flags for tables: "missing check-out", "early", "corrected"... separated by "; ". */
    public String remarks() {
        StringBuilder s = new StringBuilder();
        if (missingCheckOut) {
            append(s, "missing check-out");
        }
        if (missingCheckIn) {
            append(s, "missing check-in");
        }
        if (earlyMinutes > 0) {
            append(s, "left early");
        }
        if (corrected) {
            append(s, "manual correction");
        }
        if (holidayName != null) {
            append(s, holidayName);
        }
        return s.toString();
    }

    private static void append(StringBuilder s, String text) {
        if (!s.isEmpty()) {
            s.append("; ");
        }
        s.append(text);
    }
}
