package com.faceattend.reports;

import com.faceattend.reports.rules.ShiftCalendar;
import com.faceattend.store.Employee;
import com.faceattend.store.ShiftAssignment;
import com.faceattend.store.WorkShift;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Turns stored assignments into each employee's {@link ShiftCalendar}: their own assignment wins
 * over their department's; of several, the latest one starting on or before the date applies.
 */
public final class ShiftCalendars {
    private final List<ShiftAssignment> assignments;
    private final Map<String, WorkShift> shifts;

    public ShiftCalendars(List<WorkShift> shifts, List<ShiftAssignment> assignments) {
        this.shifts = shifts.stream().collect(Collectors.toMap(WorkShift::name, Function.identity()));
        // newest first, so the first match is the one in force
        this.assignments = assignments.stream()
                .sorted(Comparator.comparing(ShiftAssignment::validFrom).reversed()).toList();
    }

    /** The employee's shifts; none before their hire date or after their leave date. */
    public ShiftCalendar calendarFor(Employee e) {
        ShiftCalendar assigned = assignedTo(e);
        if (e.hireDate() == null && e.leaveDate() == null) {
            return assigned;
        }
        return date -> e.employedOn(date) ? assigned.shiftOn(date) : null;
    }

    private ShiftCalendar assignedTo(Employee e) {
        List<ShiftAssignment> own = assignments.stream().filter(a -> e.code().equals(a.employeeCode())).toList();
        List<ShiftAssignment> dept = e.department() == null ? List.of()
                : assignments.stream().filter(a -> e.department().equals(a.department())).toList();
        if (own.isEmpty() && dept.isEmpty()) {
            return date -> null;
        }
        return date -> {
            WorkShift s = inForce(own, date);
            return s != null ? s : inForce(dept, date);
        };
    }

    private WorkShift inForce(List<ShiftAssignment> newestFirst, LocalDate date) {
        for (ShiftAssignment a : newestFirst) {
            if (!a.validFrom().isAfter(date)) {
                return shifts.get(a.shiftName());
            }
        }
        return null;
    }
}
