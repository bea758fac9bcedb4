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
                        csv.printRecord(t.employee().code(), t.employee().name(), t.employee().department(), d.date(),
                                d.shiftName(), d.status(), format(d.firstIn(), time, report.zone()),
                                format(d.lastOut(), time, report.zone()), d.workedMinutes(), d.scheduledMinutes(),
                                d.lateMinutes(), d.earlyMinutes(), d.overtimeMinutes(), d.needsReview() ? "yes" : "no",
                                d.remarks());
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

    private static String format(Instant t, DateTimeFormatter f, ZoneId zone) {
        return t == null ? null : f.format(t.truncatedTo(ChronoUnit.MINUTES).atZone(zone));
    }
}
