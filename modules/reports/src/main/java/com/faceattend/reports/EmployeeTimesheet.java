package com.faceattend.reports;

import com.faceattend.reports.rules.DayRecord;
import com.faceattend.reports.rules.DayStatus;
import com.faceattend.store.Employee;
import java.util.List;

/** One employee's days in the report period, with the totals payroll needs. */
public record EmployeeTimesheet(Employee employee, List<DayRecord> days) {
    public EmployeeTimesheet {
        days = List.copyOf(days);
    }

    public int workedMinutes() {
        return days.stream().mapToInt(DayRecord::workedMinutes).sum();
    }

    public int scheduledMinutes() {
        return days.stream().mapToInt(DayRecord::scheduledMinutes).sum();
    }

    public int overtimeMinutes() {
        return days.stream().mapToInt(DayRecord::overtimeMinutes).sum();
    }

    public int lateMinutes() {
        return days.stream().mapToInt(DayRecord::lateMinutes).sum();
    }

    public int earlyMinutes() {
        return days.stream().mapToInt(DayRecord::earlyMinutes).sum();
    }

    public long count(DayStatus status) {
        return days.stream().filter(d -> d.status() == status).count();
    }

    /** Days attended (present or late). */
    public long daysAttended() {
        return days.stream().filter(d -> d.status().attended()).count();
    }

    /** Days flagged for an administrator (missing check-in or check-out). */
    public long daysToReview() {
        return days.stream().filter(DayRecord::needsReview).count();
    }
}
