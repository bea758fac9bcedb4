package com.faceattend.reports;

import com.faceattend.reports.rules.DayRecord;
import com.faceattend.reports.rules.DayStatus;
import com.faceattend.store.Correction;
import com.faceattend.store.Holiday;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * An attendance report: every employee's {@link DayRecord}s for the request's period, and the views
 * built from them (daily roster, department summary, lateness trend, presence by hour). Immutable.
 *
 * @param zone        the time zone dates and times are in (the organisation's, else the computer's)
 * @param timesheets  one per employee, ordered by employee code
 * @param generatedAt when the report was built
 * @param corrections the administrators' corrections of passes in the period (reason and actor), oldest first
 */
public record AttendanceReport(ReportRequest request, ZoneId zone, List<EmployeeTimesheet> timesheets,
                               List<Holiday> holidays, Instant generatedAt, List<Correction> corrections) {

    /** A report without the list of manual corrections (they still count in the day records). */
    public AttendanceReport(ReportRequest request, ZoneId zone, List<EmployeeTimesheet> timesheets,
                            List<Holiday> holidays, Instant generatedAt) {
        this(request, zone, timesheets, holidays, generatedAt, List.of());
    }

    /** One date of the daily roster. */
    public record RosterDay(LocalDate date, int expected, int present, int late, int absent, int toReview) { }

    /** Totals of one department ("(none)" for employees without one). */
    public record DepartmentTotals(String department, int employees, int daysAttended, int daysLate, int daysAbsent,
                                   int workedMinutes, int overtimeMinutes, int lateMinutes, int daysToReview) { }

    /** Lateness on one date: how many arrived late and by how many minutes in all. */
    public record LatenessDay(LocalDate date, int lateArrivals, int lateMinutes) { }

    /** One hour of the day (0–23, local time): first check-ins in it, and employee-days at work during it. */
    public record HourPresence(int hour, int arrivals, int presentDays) { }

    /** The whole report's totals, as the Summary sheet and the PDF's summary page show them. */
    public record Totals(long workedMinutes, long scheduledMinutes, long overtimeMinutes, long lateMinutes,
                         long earlyMinutes, long daysAttended, long daysLate, long daysAbsent, long daysToReview) { }

    public AttendanceReport {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(zone, "zone");
        timesheets = List.copyOf(timesheets);
        holidays = List.copyOf(holidays);
        corrections = List.copyOf(corrections);
    }

    /** Total worked minutes of all employees. */
    public long workedMinutes() {
        return timesheets.stream().mapToLong(EmployeeTimesheet::workedMinutes).sum();
    }

    public long overtimeMinutes() {
        return timesheets.stream().mapToLong(EmployeeTimesheet::overtimeMinutes).sum();
    }

    public long lateMinutes() {
        return timesheets.stream().mapToLong(EmployeeTimesheet::lateMinutes).sum();
    }

    /** Employee-days flagged for review (missing check-in or check-out). */
    public long daysToReview() {
        return timesheets.stream().mapToLong(EmployeeTimesheet::daysToReview).sum();
    }

    /** All totals at once (one pass over every employee-day). */
    public Totals totals() {
        long worked = 0, scheduled = 0, overtime = 0, late = 0, early = 0, attended = 0, daysLate = 0, absent = 0, review = 0;
        for (EmployeeTimesheet t : timesheets) {
            for (DayRecord d : t.days()) {
                worked += d.workedMinutes();
                scheduled += d.scheduledMinutes();
                overtime += d.overtimeMinutes();
                late += d.lateMinutes();
                early += d.earlyMinutes();
                attended += d.status().attended() ? 1 : 0;
                daysLate += d.status() == DayStatus.LATE ? 1 : 0;
                absent += d.status() == DayStatus.ABSENT ? 1 : 0;
                review += d.needsReview() ? 1 : 0;
            }
        }
        return new Totals(worked, scheduled, overtime, late, early, attended, daysLate, absent, review);
    }

    /** Present / late / absent per date, for the daily roster. */
    public List<RosterDay> roster() {
        int n = request.days();
        int[][] c = new int[n][5];
        for (EmployeeTimesheet t : timesheets) {
            for (DayRecord d : t.days()) {
                int[] row = c[(int) ChronoUnit.DAYS.between(request.from(), d.date())];
                switch (d.status()) {
                    case PRESENT -> { row[0]++; row[1]++; }
                    case LATE -> { row[0]++; row[1]++; row[2]++; }
                    case ABSENT -> { row[0]++; row[3]++; }
                    default -> { }
                }
                if (d.needsReview()) {
                    row[4]++;
                }
            }
        }
        List<RosterDay> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(new RosterDay(request.from().plusDays(i), c[i][0], c[i][1], c[i][2], c[i][3], c[i][4]));
        }
        return out;
    }

    /** Totals per department, by name. */
    public List<DepartmentTotals> departments() {
        Map<String, List<EmployeeTimesheet>> byDept = new TreeMap<>();
        for (EmployeeTimesheet t : timesheets) {
            String d = t.employee().department() == null ? "(none)" : t.employee().department();
            byDept.computeIfAbsent(d, k -> new ArrayList<>()).add(t);
        }
        List<DepartmentTotals> out = new ArrayList<>();
        byDept.forEach((dept, ts) -> out.add(new DepartmentTotals(dept, ts.size(),
                (int) ts.stream().mapToLong(EmployeeTimesheet::daysAttended).sum(),
                (int) ts.stream().mapToLong(t -> t.count(DayStatus.LATE)).sum(),
                (int) ts.stream().mapToLong(t -> t.count(DayStatus.ABSENT)).sum(),
                ts.stream().mapToInt(EmployeeTimesheet::workedMinutes).sum(),
                ts.stream().mapToInt(EmployeeTimesheet::overtimeMinutes).sum(),
                ts.stream().mapToInt(EmployeeTimesheet::lateMinutes).sum(),
                (int) ts.stream().mapToLong(EmployeeTimesheet::daysToReview).sum())));
        return out;
    }

    /** Late arrivals per date. */
    public List<LatenessDay> latenessTrend() {
        int n = request.days();
        int[] count = new int[n];
        int[] minutes = new int[n];
        for (EmployeeTimesheet t : timesheets) {
            for (DayRecord d : t.days()) {
                if (d.lateMinutes() > 0) {
                    int i = (int) ChronoUnit.DAYS.between(request.from(), d.date());
                    count[i]++;
                    minutes[i] += d.lateMinutes();
                }
            }
        }
        List<LatenessDay> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(new LatenessDay(request.from().plusDays(i), count[i], minutes[i]));
        }
        return out;
    }

    /** Arrivals and presence for each hour of the day, local time. */
    public List<HourPresence> presenceByHour() {
        int[] arrivals = new int[24];
        int[] present = new int[24];
        for (EmployeeTimesheet t : timesheets) {
            for (DayRecord d : t.days()) {
                if (d.firstIn() != null) {
                    arrivals[d.firstIn().atZone(zone).getHour()]++;
                }
                if (d.workedMinutes() > 0) {
                    markHours(d.firstIn(), d.lastOut(), present);
                }
            }
        }
        List<HourPresence> out = new ArrayList<>(24);
        for (int h = 0; h < 24; h++) {
            out.add(new HourPresence(h, arrivals[h], present[h]));
        }
        return out;
    }

    /** Counts each local clock hour that [in, out) touches once (a 25-hour DST day may touch one twice). */
    private void markHours(Instant in, Instant out, int[] present) {
        boolean[] seen = new boolean[24];
        ZonedDateTime slot = in.atZone(zone).truncatedTo(ChronoUnit.HOURS);
        while (slot.toInstant().isBefore(out)) {
            seen[slot.getHour()] = true;
            slot = slot.plusHours(1);
        }
        for (int h = 0; h < 24; h++) {
            if (seen[h]) {
                present[h]++;
            }
        }
    }
}
