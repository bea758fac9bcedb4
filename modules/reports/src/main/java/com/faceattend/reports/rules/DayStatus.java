package com.faceattend.reports.rules;

/** What a work date was for one employee. */
public enum DayStatus {
    /** A scheduled work day, arrived within the grace period. */
    PRESENT,
    /** A scheduled work day, arrived after the grace period. */
    LATE,
    /** A scheduled work day without any pass. */
    ABSENT,
    /** A holiday; any time worked is overtime. */
    HOLIDAY,
    /** Not a day of the employee's shift; any time worked is overtime. */
    DAY_OFF,
    /** The employee has no shift assigned for this day: worked time is counted, lateness and overtime are not. */
    UNSCHEDULED,
    /** Before the hire date or after the leave date, without any pass: nobody expected, never absent. */
    NOT_EMPLOYED;

    /** Whether the employee came in (present or late). */
    public boolean attended() {
        return this == PRESENT || this == LATE;
    }
}
