package com.faceattend.reports.export;

import com.faceattend.reports.AttendanceReport;
import com.faceattend.reports.CancellationToken;
import com.faceattend.reports.EmployeeTimesheet;
import com.faceattend.reports.ProgressListener;
import com.faceattend.reports.rules.DayRecord;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes the report's timesheet (one row per employee and date) as CSV, UTF-8, RFC 4180, with a
 * header row. Times are local to the report's zone and carry their UTC offset (2026-03-29T06:02+02:00) so they stay unambiguous
 * around DST changes; durations are whole minutes.
 */
public final class CsvExporter {
    /** The header row, in column order. */
    public static final String[] HEADER = {"employee_code", "employee_name", "department", "date", "shift", "status",
        "first_in", "last_out", "worked_minutes", "scheduled_minutes", "late_minutes", "early_minutes",
        "overtime_minutes", "needs_review", "remarks"};

    private CsvExporter() {
    }

    /**
     * Checks, before a long report is built, that {@code file} could be written (its folder exists
     * and is writable, it is not a folder).
     *
     * @throws com.faceattend.reports.ReportException FILE naming the problem and the fix
     */
    public static void checkWritable(Path file) {
        OutputFile.checkWritable(file, ".csv");
    }

    /**
     * Writes {@code file} (replacing it only once complete).
     *
     * @throws com.faceattend.reports.ReportException FILE when it cannot be written, CANCELLED when cancelled
     */
    public static void export(AttendanceReport report, Path file, ProgressListener progress, CancellationToken cancel) {
        ProgressListener p = progress == null ? ProgressListener.NONE : progress;
        CancellationToken c = cancel == null ? CancellationToken.none() : cancel;
        long total = (long) report.timesheets().size() * report.request().days();
        DateTimeFormatter time = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mmXXX");
        try (OutputFile out = OutputFile.open(file, ".csv")) {
            try (BufferedWriter w = Files.newBufferedWriter(out.temp(), StandardCharsets.UTF_8);
                 CSVPrinter csv = CSVFormat.RFC4180.builder().setHeader(HEADER).get().print(w)) {
                long done = 0;
                for (EmployeeTimesheet t : report.timesheets()) {
                    c.throwIfCancelled();
                    for (DayRecord d : t.days()) {
                        csv.printRecord(text(t.employee().code()), text(t.employee().name()), text(t.employee().department()),
                                d.date(), text(d.shiftName()), d.status(), format(d.firstIn(), time, report.zone()),
                                format(d.lastOut(), time, report.zone()), d.workedMinutes(), d.scheduledMinutes(),
                                d.lateMinutes(), d.earlyMinutes(), d.overtimeMinutes(), d.needsReview() ? "yes" : "no",
                                text(d.remarks()));
                    }
                    done += t.days().size();
                    p.progress("Writing CSV", done, total);
                }
            } catch (IOException e) {
                throw OutputFile.failed(out.target(), e);
            }
            out.commit();
        }
    }

    /**
     * A text cell a spreadsheet will not run: one starting with {@code = + - @}, a tab or a carriage
     * return is a formula (or becomes one) when the CSV is opened, so an employee named
     * {@code =HYPERLINK(...)} could run code on the HR computer. OWASP's rule: prefix a single quote,
     * which spreadsheets show as text and do not evaluate. Only names, codes and remarks pass here;
     * numbers and dates are written by us and need no guard.
     */
    static String text(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value : value;
    }

    private static String format(Instant t, DateTimeFormatter f, ZoneId zone) {
        return t == null ? null : f.format(t.truncatedTo(ChronoUnit.MINUTES).atZone(zone));
    }
}
