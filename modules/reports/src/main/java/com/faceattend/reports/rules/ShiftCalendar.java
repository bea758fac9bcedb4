package com.faceattend.reports.rules;

import com.faceattend.store.WorkShift;
import java.time.LocalDate;

/** Which shift an employee is assigned on a date (also on their days off), or null for none. */
@FunctionalInterface
public interface ShiftCalendar {
    WorkShift shiftOn(LocalDate date);

    /** The same shift every day. */
    static ShiftCalendar always(WorkShift shift) {
        return date -> shift;
    }
}
