package com.faceattend.reports;

import com.faceattend.spi.Problem;
import com.faceattend.reports.rules.AttendanceRules;
import com.faceattend.reports.rules.DayRecord;
import com.faceattend.reports.rules.Punch;
import com.faceattend.store.AttendanceReader;
import com.faceattend.store.Correction;
import com.faceattend.store.CorrectionStore;
import com.faceattend.store.DerbyAttendanceStore;
import com.faceattend.store.Employee;
import com.faceattend.store.Holiday;
import com.faceattend.store.ScheduleStore;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Builds {@link AttendanceReport}s from the attendance database: reads the period's passes
 * (streamed, one employee's passes in memory at a time), applies the shifts, holidays, corrections
 * and time zone stored there, and returns every employee's day records.
 *
 * <pre>{@code
 * AttendanceReport r = new ReportService(store).build(ReportRequest.month(2026, 3, null),
 *         ProgressListener.NONE, CancellationToken.none());
 * }</pre>
 */
public final class ReportService {
    private static final int CANCEL_CHECK_EVERY = 1_000;

    private final DerbyAttendanceStore store;
    private final ScheduleStore schedules;
    private final AttendanceReader reader;

    public ReportService(DerbyAttendanceStore store) {
        this.store = Objects.requireNonNull(store, "store");
        this.schedules = new ScheduleStore(store);
        this.reader = new AttendanceReader(store);
    }

    /** The organisation name printed on every report page, if one was set ({@code schedule organisation}). */
    public Optional<String> organisationName() {
        return schedules.organisationName();
    }

    /** The zone reports are made in: the organisation's if set, else this computer's. */
    public ZoneId zone() {
        return schedules.organisationZone().orElse(ZoneId.systemDefault());
    }

    /**
     * Builds the report.
     *
     * @throws ReportException NOT_FOUND for an unknown department, no employees, or no attendance
     *                         at all in the period; CANCELLED when {@code cancel} was triggered
     */
    public AttendanceReport build(ReportRequest request, ProgressListener progress, CancellationToken cancel) {
        Objects.requireNonNull(request, "request");
        ProgressListener p = progress == null ? ProgressListener.NONE : progress;
        CancellationToken c = cancel == null ? CancellationToken.none() : cancel;
        if (request.department() != null && !schedules.departments().contains(request.department())) {
            List<String> known = schedules.departments();
            throw new ReportException(Problem.Kind.NOT_FOUND, "no employee is in department '"
                    + request.department() + "'", known.isEmpty() ? "No employee has a department yet."
                    : "Known departments: " + String.join(", ", known) + " (names are case-sensitive).");
        }
        ZoneId zone = zone();
        ShiftCalendars assignments = new ShiftCalendars(schedules.listShifts(), schedules.listAssignments());
        List<Holiday> holidays = schedules.listHolidays(request.from(), request.to());
        Map<LocalDate, String> holidayNames = new HashMap<>();
        holidays.forEach(h -> holidayNames.put(h.date(), h.name()));

        Map<Long, Employee> employees = new LinkedHashMap<>();
        for (Employee e : reader.employees(request.department())) {
            employees.put(e.id(), e);
        }
        if (employees.isEmpty()) {
            throw new ReportException(Problem.Kind.NOT_FOUND, "there are no employees to report on",
                    "Add or enrol employees first.");
        }
        Map<Long, List<DayRecord>> days = new HashMap<>();
        // a day's window may start the evening before (night shifts) and end the morning after
        Instant readFrom = request.from().minusDays(1).atStartOfDay(zone).toInstant();
        Instant readTo = request.to().plusDays(2).atStartOfDay(zone).toInstant();
        List<Punch> current = new ArrayList<>();
        long[] currentId = {-1};
        long[] seen = {0};
        c.throwIfCancelled();
        p.progress("Reading attendance", 0, -1);
        long passes = reader.forEachPass(readFrom, readTo, request.department(), (employeeId, time, direction, manual) -> {
            if (employeeId != currentId[0]) {
                flush(currentId[0], current, employees, assignments, holidayNames, request, zone, days);
                currentId[0] = employeeId;
            }
            current.add(new Punch(time, direction, manual));
            if (++seen[0] % CANCEL_CHECK_EVERY == 0) {
                c.throwIfCancelled();
                p.progress("Reading attendance", seen[0], -1);
            }
        });
        flush(currentId[0], current, employees, assignments, holidayNames, request, zone, days);
        if (passes == 0) {
            throw new ReportException(Problem.Kind.NOT_FOUND, "no attendance was recorded from " + request.from()
                    + " to " + request.to() + (request.department() == null ? "" : " in department '"
                    + request.department() + "'"), "Check the dates and that this is the right database (it may keep no passes for that period).");
        }
        List<EmployeeTimesheet> sheets = new ArrayList<>();
        int done = 0;
        for (Employee e : employees.values()) {
            List<DayRecord> d = days.get(e.id());
            if (d == null) {
                if (!e.active() || !e.employedDuring(request.from(), request.to())) {
                    continue; // left before the period (or joins after it): not on this report
                }
                d = AttendanceRules.evaluate(List.of(), request.from(), request.to(), assignments.calendarFor(e),
                        holidayNames, zone, e::employedOn);
            }
            sheets.add(new EmployeeTimesheet(e, d));
            if (++done % 100 == 0) {
                c.throwIfCancelled();
            }
        }
        sheets.sort(Comparator.comparing(t -> t.employee().code()));
        p.progress("Report built", employees.size(), employees.size());
        java.util.Set<String> codes = new java.util.HashSet<>();
        sheets.forEach(t -> codes.add(t.employee().code()));
        List<Correction> corrections = new CorrectionStore(store).list(request.from().atStartOfDay(zone).toInstant(),
                request.to().plusDays(1).atStartOfDay(zone).toInstant(), null).stream()
                .filter(k -> codes.contains(k.employeeCode())).toList();
        return new AttendanceReport(request, zone, sheets, holidays, Instant.now(), corrections);
    }

    private static void flush(long employeeId, List<Punch> punches, Map<Long, Employee> employees,
                              ShiftCalendars assignments, Map<LocalDate, String> holidays, ReportRequest request,
                              ZoneId zone, Map<Long, List<DayRecord>> out) {
        Employee e = employees.get(employeeId);
        if (e != null && !punches.isEmpty()) {
            out.put(employeeId, AttendanceRules.evaluate(punches, request.from(), request.to(),
                    assignments.calendarFor(e), holidays, zone, e::employedOn));
        }
        punches.clear();
    }
}
