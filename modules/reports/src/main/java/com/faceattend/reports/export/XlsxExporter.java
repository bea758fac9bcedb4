package com.faceattend.reports.export;

import com.faceattend.spi.Problem;
import com.faceattend.reports.AttendanceReport;
import com.faceattend.reports.CancellationToken;
import com.faceattend.reports.EmployeeTimesheet;
import com.faceattend.reports.ProgressListener;
import com.faceattend.reports.ReportException;
import com.faceattend.reports.charts.ReportCharts;
import com.faceattend.reports.rules.DayRecord;
import com.faceattend.reports.rules.DayStatus;
import com.faceattend.store.Correction;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.jfree.chart.JFreeChart;

/**
 * Writes an {@link AttendanceReport} as one Excel workbook: a Summary sheet whose totals are
 * formulas over the other sheets, then Timesheet (one row per employee and date), Employees,
 * Daily roster, Departments, Lateness trend, Presence by hour, Corrections (each manual correction
 * with its reason and who made it), and Charts (PNG pictures).
 * Headers are bold and frozen, data ranges have auto-filters, every totals row is a SUM formula.
 *
 * <p>Streams with POI's SXSSF: only {@value #ROW_WINDOW} rows per sheet are in memory, the rest go
 * to temporary files, so a year of a large organisation exports in bounded memory.
 */
public final class XlsxExporter {
    static final int ROW_WINDOW = 200;
    /** Excel's row limit, header row included. */
    private static final long MAX_SHEET_ROWS = 1_048_576;
    /** Sheet names, also used in the Summary's formulas. */
    public static final String SUMMARY = "Summary";
    public static final String TIMESHEET = "Timesheet";
    public static final String EMPLOYEES = "Employees";
    public static final String ROSTER = "Daily roster";
    public static final String DEPARTMENTS = "Departments";
    public static final String LATENESS = "Lateness trend";
    public static final String PRESENCE = "Presence by hour";
    public static final String CHARTS = "Charts";
    public static final String CORRECTIONS = "Corrections";

    private XlsxExporter() {
    }

    /**
     * Checks, before a long report is built, that {@code file} could be written (its folder exists
     * and is writable, it is not a folder).
     *
     * @throws com.faceattend.reports.ReportException FILE naming the problem and the fix
     */
    public static void checkWritable(Path file) {
        OutputFile.checkWritable(file, ".xlsx");
    }

    /**
     * Writes {@code file} (replacing it only once complete).
     *
     * @throws com.faceattend.reports.ReportException FILE when it cannot be written, CANCELLED when cancelled
     */
    public static void export(AttendanceReport report, Path file, ProgressListener progress, CancellationToken cancel) {
        export(report, ReportHeading.DEFAULT_ORGANISATION, file, progress, cancel);
    }

    /**
     * Writes {@code file} (replacing it only once complete) with {@code organisation} in every
     * sheet's printed page header.
     *
     * @throws com.faceattend.reports.ReportException FILE when it cannot be written, CANCELLED when cancelled
     */
    public static void export(AttendanceReport report, String organisation, Path file, ProgressListener progress,
                              CancellationToken cancel) {
        ProgressListener p = progress == null ? ProgressListener.NONE : progress;
        CancellationToken c = cancel == null ? CancellationToken.none() : cancel;
        long rows = (long) report.timesheets().size() * report.request().days();
        if (rows >= MAX_SHEET_ROWS) {
            throw new ReportException(Problem.Kind.BAD_VALUE, "the timesheet would have " + rows
                    + " rows, more than one Excel sheet holds (" + (MAX_SHEET_ROWS - 1) + ")",
                    "Export one department or a shorter period at a time, or use CSV.");
        }
        try (OutputFile out = OutputFile.open(file, ".xlsx")) {
            SXSSFWorkbook wb = new SXSSFWorkbook(ROW_WINDOW);
            try {
                // temporary sheet files stay uncompressed: gzip cost more CPU than the disk space is worth
                write(report, organisation, wb, p, c);
                // every formula carries its cached result, and programs are asked to recalculate on load too
                wb.setForceFormulaRecalculation(true);
                try (OutputStream os = Files.newOutputStream(out.temp())) {
                    wb.write(os);
                }
            } catch (IOException e) {
                throw OutputFile.failed(out.target(), e);
            } finally {
                wb.close(); // also deletes SXSSF's temporary files
            }
            out.commit();
        } catch (IOException e) {
            throw OutputFile.failed(file, e);
        }
    }

    private static void write(AttendanceReport report, String organisation, SXSSFWorkbook wb, ProgressListener p,
                              CancellationToken c) {
        Styles styles = new Styles(wb);
        Sheet summary = wb.createSheet(SUMMARY); // first tab; filled last, when row counts are known
        int timesheetRows = writeTimesheet(report, wb.createSheet(TIMESHEET), styles, p, c);
        writeEmployees(report, wb.createSheet(EMPLOYEES), styles, c);
        writeRoster(report, wb.createSheet(ROSTER), styles);
        writeDepartments(report, wb.createSheet(DEPARTMENTS), styles);
        writeLateness(report, wb.createSheet(LATENESS), styles);
        writePresence(report, wb.createSheet(PRESENCE), styles);
        writeCorrections(report, wb.createSheet(CORRECTIONS), styles);
        c.throwIfCancelled();
        p.progress("Drawing charts", 0, 3);
        writeCharts(report, wb, wb.createSheet(CHARTS));
        p.progress("Drawing charts", 3, 3);
        writeSummary(report, summary, styles, timesheetRows);
        ReportHeading heading = new ReportHeading(report, organisation);
        for (Sheet sheet : wb) {
            PrintLayout.heading(sheet, heading.organisation(), heading.period(), heading.generated());
        }
        wb.setActiveSheet(0);
    }

    // ---------------------------------------------------------------- sheets

    private static final String[] TIMESHEET_HEADER = {"Code", "Name", "Department", "Date", "Shift", "Status",
        "First in", "Last out", "Worked (min)", "Scheduled (min)", "Late (min)", "Early (min)", "Overtime (min)",
        "Needs review", "Remarks"};
    private static final int[] TIMESHEET_WIDTHS = {12, 24, 16, 11, 10, 11, 16, 16, 12, 14, 10, 11, 14, 12, 30};

    /** Timesheet data rows occupy rows 2..(1 + returned count) in Excel's 1-based numbering. */
    private static int writeTimesheet(AttendanceReport report, Sheet sheet, Styles s, ProgressListener p,
                                      CancellationToken c) {
        Table t = new Table(sheet, s, TIMESHEET_HEADER, TIMESHEET_WIDTHS);
        long total = (long) report.timesheets().size() * report.request().days();
        ZoneId zone = report.zone();
        int rows = 0;
        for (EmployeeTimesheet ts : report.timesheets()) {
            c.throwIfCancelled();
            for (DayRecord d : ts.days()) {
                Row r = t.row();
                Table.text(r, 0, ts.employee().code(), s);
                Table.text(r, 1, ts.employee().name(), s);
                Table.text(r, 2, ts.employee().department(), s);
                r.createCell(3).setCellValue(d.date());
                r.getCell(3).setCellStyle(s.date);
                Table.text(r, 4, d.shiftName(), s);
                Table.text(r, 5, d.status().name(), s);
                dateTime(r, 6, d.firstIn(), zone, s);
                dateTime(r, 7, d.lastOut(), zone, s);
                t.numbers(r, 8, d.workedMinutes(), d.scheduledMinutes(), d.lateMinutes(), d.earlyMinutes(),
                        d.overtimeMinutes());
                Table.text(r, 13, d.needsReview() ? "yes" : "no", s);
                Table.text(r, 14, d.remarks(), s);
                rows++;
            }
            p.progress("Writing timesheet", rows, total);
        }
        t.finish(false);
        return rows;
    }

    private static void writeEmployees(AttendanceReport report, Sheet sheet, Styles s, CancellationToken c) {
        Table t = new Table(sheet, s, new String[] {"Code", "Name", "Department", "Days attended", "Days late",
            "Days absent", "Worked (h)", "Worked (min)", "Overtime (min)", "Late (min)", "Early (min)", "Days to review"},
                new int[] {12, 24, 16, 13, 10, 11, 11, 12, 14, 10, 11, 14});
        for (EmployeeTimesheet ts : report.timesheets()) {
            c.throwIfCancelled();
            Row r = t.row();
            Table.text(r, 0, ts.employee().code(), s);
            Table.text(r, 1, ts.employee().name(), s);
            Table.text(r, 2, ts.employee().department(), s);
            t.numbers(r, 3, ts.daysAttended(), ts.count(DayStatus.LATE), ts.count(DayStatus.ABSENT));
            t.computed(r, 6, "H" + (r.getRowNum() + 1) + "/60", ts.workedMinutes() / 60.0, s.hours);
            t.numbers(r, 7, ts.workedMinutes(), ts.overtimeMinutes(), ts.lateMinutes(), ts.earlyMinutes(),
                    ts.daysToReview());
        }
        t.finish(true, 3, 4, 5, 6, 7, 8, 9, 10, 11);
    }

    private static void writeRoster(AttendanceReport report, Sheet sheet, Styles s) {
        Table t = new Table(sheet, s, new String[] {"Date", "Expected", "Present", "Late", "Absent", "To review"},
                new int[] {12, 10, 10, 10, 10, 11});
        for (AttendanceReport.RosterDay d : report.roster()) {
            Row r = t.row();
            r.createCell(0).setCellValue(d.date());
            r.getCell(0).setCellStyle(s.date);
            t.numbers(r, 1, d.expected(), d.present(), d.late(), d.absent(), d.toReview());
        }
        t.finish(true, 1, 2, 3, 4, 5);
    }

    private static void writeDepartments(AttendanceReport report, Sheet sheet, Styles s) {
        Table t = new Table(sheet, s, new String[] {"Department", "Employees", "Days attended", "Days late",
            "Days absent", "Worked (min)", "Overtime (min)", "Late (min)", "Days to review"},
                new int[] {20, 11, 13, 10, 11, 12, 14, 10, 14});
        for (AttendanceReport.DepartmentTotals d : report.departments()) {
            Row r = t.row();
            Table.text(r, 0, d.department(), s);
            t.numbers(r, 1, d.employees(), d.daysAttended(), d.daysLate(), d.daysAbsent(), d.workedMinutes(),
                    d.overtimeMinutes(), d.lateMinutes(), d.daysToReview());
        }
        t.finish(true, 1, 2, 3, 4, 5, 6, 7, 8);
    }

    private static void writeLateness(AttendanceReport report, Sheet sheet, Styles s) {
        Table t = new Table(sheet, s, new String[] {"Date", "Late arrivals", "Late (min)"}, new int[] {12, 13, 11});
        for (AttendanceReport.LatenessDay d : report.latenessTrend()) {
            Row r = t.row();
            r.createCell(0).setCellValue(d.date());
            r.getCell(0).setCellStyle(s.date);
            t.numbers(r, 1, d.lateArrivals(), d.lateMinutes());
        }
        t.finish(true, 1, 2);
    }

    private static void writePresence(AttendanceReport report, Sheet sheet, Styles s) {
        Table t = new Table(sheet, s, new String[] {"Hour (" + report.zone().getId() + ")", "Arrivals",
            "Employee-days present"}, new int[] {18, 10, 22});
        for (AttendanceReport.HourPresence h : report.presenceByHour()) {
            Row r = t.row();
            Table.text(r, 0, String.format("%02d:00-%02d:59", h.hour(), h.hour()), s);
            t.numbers(r, 1, h.arrivals(), h.presentDays());
        }
        t.finish(true, 1, 2);
    }

    /** Every manual correction, so payroll sees what was changed by hand, by whom and why. */
    private static void writeCorrections(AttendanceReport report, Sheet sheet, Styles s) {
        Table t = new Table(sheet, s, new String[] {"Code", "Correction", "Pass time", "Direction", "Reason", "By",
            "Made at", "Voided event"}, new int[] {12, 14, 16, 10, 40, 14, 16, 12});
        for (Correction c : report.corrections()) {
            Row r = t.row();
            Table.text(r, 0, c.employeeCode(), s);
            Table.text(r, 1, c.kind() == Correction.Kind.ADD ? "added pass" : "voided pass", s);
            dateTime(r, 2, c.time(), report.zone(), s);
            Table.text(r, 3, c.direction() == null ? null : c.direction().name(), s);
            Table.text(r, 4, c.reason(), s);
            Table.text(r, 5, c.actor(), s);
            dateTime(r, 6, c.createdAt(), report.zone(), s);
            Table.text(r, 7, c.voidedEventId() == null ? null : String.valueOf(c.voidedEventId()), s);
        }
        t.finish(false);
    }

    private static void writeCharts(AttendanceReport report, Workbook wb, Sheet sheet) {
        List<JFreeChart> charts = List.of(ReportCharts.hoursPerDay(report), ReportCharts.latenessTrend(report),
                ReportCharts.arrivalsHistogram(report));
        Drawing<?> drawing = sheet.createDrawingPatriarch();
        // one chart per landscape page: 15 default columns by 25 rows fit A4 landscape at about 100 %
        PrintLayout.page(sheet, true);
        int top = 1;
        for (JFreeChart chart : charts) {
            if (top > 1) {
                sheet.setRowBreak(top - 1);
            }
            int picture = wb.addPicture(ReportCharts.png(chart, ReportCharts.WIDTH, ReportCharts.HEIGHT),
                    Workbook.PICTURE_TYPE_PNG);
            ClientAnchor anchor = wb.getCreationHelper().createClientAnchor();
            // 900x450 px is about 14 default columns by 23 default rows
            anchor.setCol1(1);
            anchor.setRow1(top);
            anchor.setCol2(15);
            anchor.setRow2(top + 23);
            drawing.createPicture(anchor, picture);
            top += 25;
        }
    }

    private static void writeSummary(AttendanceReport report, Sheet sheet, Styles s, int timesheetRows) {
        sheet.setColumnWidth(0, 30 * 256);
        sheet.setColumnWidth(1, 40 * 256);
        PrintLayout.page(sheet, false);
        Row title = sheet.createRow(0);
        title.createCell(0).setCellValue("FaceAttend attendance report");
        title.getCell(0).setCellStyle(s.title);
        String[][] params = {
            {"Period", report.request().from() + " to " + report.request().to()},
            {"Department", report.request().department() == null ? "all" : report.request().department()},
            {"Time zone", report.zone().getId()},
            {"Generated", LocalDateTime.ofInstant(report.generatedAt(), report.zone()).withNano(0).toString()},
            {"Employees", String.valueOf(report.timesheets().size())},
        };
        int row = 2;
        for (String[] kv : params) {
            Row r = sheet.createRow(row++);
            r.createCell(0).setCellValue(kv[0]);
            r.getCell(0).setCellStyle(s.label);
            r.createCell(1).setCellValue(kv[1]);
        }
        row++;
        Row head = sheet.createRow(row++);
        head.createCell(0).setCellValue("Total");
        head.createCell(1).setCellValue("Value (formula over the " + TIMESHEET + " sheet)");
        head.getCell(0).setCellStyle(s.header);
        head.getCell(1).setCellStyle(s.header);
        int last = timesheetRows + 1;
        String ts = "'" + TIMESHEET + "'!";
        String status = ts + "$F$2:$F$" + last;
        AttendanceReport.Totals t = report.totals();
        String[][] totals = {
            {"Worked hours", "SUM(" + ts + "$I$2:$I$" + last + ")/60"},
            {"Scheduled hours", "SUM(" + ts + "$J$2:$J$" + last + ")/60"},
            {"Overtime hours", "SUM(" + ts + "$M$2:$M$" + last + ")/60"},
            {"Late minutes", "SUM(" + ts + "$K$2:$K$" + last + ")"},
            {"Early-departure minutes", "SUM(" + ts + "$L$2:$L$" + last + ")"},
            {"Days attended", "COUNTIF(" + status + ",\"PRESENT\")+COUNTIF(" + status + ",\"LATE\")"},
            {"Days late", "COUNTIF(" + status + ",\"LATE\")"},
            {"Days absent", "COUNTIF(" + status + ",\"ABSENT\")"},
            {"Days to review (missing pass)", "COUNTIF(" + ts + "$N$2:$N$" + last + ",\"yes\")"},
        };
        // the cached results, in the same order, computed from the report itself
        double[] values = {t.workedMinutes() / 60.0, t.scheduledMinutes() / 60.0, t.overtimeMinutes() / 60.0,
            t.lateMinutes(), t.earlyMinutes(), t.daysAttended(), t.daysLate(), t.daysAbsent(), t.daysToReview()};
        for (int i = 0; i < totals.length; i++) {
            String[] kv = totals[i];
            Row r = sheet.createRow(row++);
            r.createCell(0).setCellValue(kv[0]);
            r.getCell(0).setCellStyle(s.label);
            Table.formula(r, 1, timesheetRows == 0 ? "0" : kv[1], values[i], kv[0].endsWith("hours") ? s.hours : s.integer);
        }
        sheet.createFreezePane(0, 1);
    }

    private static void dateTime(Row r, int col, Instant t, ZoneId zone, Styles s) {
        if (t != null) {
            r.createCell(col).setCellValue(LocalDateTime.ofInstant(t, zone));
            r.getCell(col).setCellStyle(s.dateTime);
        }
    }
}
