package com.faceattend.reports.export;

import com.faceattend.reports.AttendanceReport;
import com.faceattend.reports.CancellationToken;
import com.faceattend.reports.EmployeeTimesheet;
import com.faceattend.reports.ProgressListener;
import com.faceattend.reports.charts.ReportCharts;
import com.faceattend.reports.export.PdfCanvas.Column;
import com.faceattend.reports.rules.DayRecord;
import com.faceattend.reports.rules.DayStatus;
import com.faceattend.store.Employee;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.jfree.chart.JFreeChart;

/**
 * Writes an {@link AttendanceReport} as a printable PDF (A4 portrait) for signatures: the summary
 * (totals, departments, one line per employee), the three charts (each whole on a page), then one
 * timesheet per employee starting on its own page, with its totals and signature lines for the
 * employee and the supervisor. Every page carries the organisation, the period and "Page x of y".
 * Fonts are embedded ({@link PdfFonts}), so names in any script the font covers print as written.
 *
 * <pre>{@code
 * PdfExporter.Result r = PdfExporter.export(report, "Acme GmbH", Path.of("march.pdf"), progress, cancel);
 * r.warnings().forEach(w -> log.warning(w));   // e.g. no Unicode font found
 * }</pre>
 */
public final class PdfExporter {
    /** Charts are drawn at twice their on-screen size, so they stay sharp when printed. */
    private static final int CHART_SCALE = 2;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    /**
     * What was written.
     *
     * @param pages    the number of pages
     * @param font     the font file embedded (or "Helvetica" when none was found)
     * @param warnings what the user should know, e.g. that no Unicode font was found; empty when all is well
     */
    public record Result(Path file, int pages, String font, List<String> warnings) {
        public Result {
            warnings = List.copyOf(warnings);
        }
    }

    private PdfExporter() {
    }

    /**
     * Checks, before a long report is built, that {@code file} could be written.
     *
     * @throws com.faceattend.reports.ReportException FILE naming the problem and the fix
     */
    public static void checkWritable(Path file) {
        OutputFile.checkWritable(file, ".pdf");
    }

    /** {@link #export(AttendanceReport, String, Path, ProgressListener, CancellationToken)} without an organisation name. */
    public static Result export(AttendanceReport report, Path file, ProgressListener progress, CancellationToken cancel) {
        return export(report, ReportHeading.DEFAULT_ORGANISATION, file, progress, cancel);
    }

    /**
     * Writes {@code file} (replacing it only once complete).
     *
     * @param organisation printed at the top of every page
     * @throws com.faceattend.reports.ReportException FILE when it cannot be written, CANCELLED when cancelled
     */
    public static Result export(AttendanceReport report, String organisation, Path file, ProgressListener progress,
                                CancellationToken cancel) {
        ProgressListener p = progress == null ? ProgressListener.NONE : progress;
        CancellationToken c = cancel == null ? CancellationToken.none() : cancel;
        ReportHeading heading = new ReportHeading(report, organisation);
        try (OutputFile out = OutputFile.open(file, ".pdf")) {
            Result result;
            // page contents wait in a temporary file, not the heap: a year of a large organisation is thousands of pages
            try (PDDocument doc = new PDDocument(IOUtils.createTempFileOnlyStreamCache())) {
                PdfFonts fonts = PdfFonts.load(doc);
                try (PdfCanvas canvas = new PdfCanvas(doc, fonts)) {
                    p.progress("Writing PDF summary", 0, 1);
                    summary(report, heading, canvas);
                    c.throwIfCancelled();
                    p.progress("Drawing charts", 0, 3);
                    charts(report, canvas);
                    int done = 0;
                    for (EmployeeTimesheet t : report.timesheets()) {
                        c.throwIfCancelled();
                        timesheet(report, t, canvas);
                        p.progress("Writing PDF timesheets", ++done, report.timesheets().size());
                    }
                    canvas.finish(heading.organisation(), heading.period(), heading.generated());
                }
                doc.getDocumentInformation().setTitle("Attendance " + heading.period());
                doc.getDocumentInformation().setAuthor(heading.organisation());
                doc.getDocumentInformation().setCreator("FaceAttend");
                c.throwIfCancelled();
                doc.save(out.temp().toFile());
                result = new Result(out.target(), doc.getNumberOfPages(), fonts.fontName(), fonts.warnings());
            } catch (IOException e) {
                throw OutputFile.failed(out.target(), e);
            }
            out.commit();
            return result;
        }
    }

    private static void summary(AttendanceReport report, ReportHeading heading, PdfCanvas canvas) throws IOException {
        AttendanceReport.Totals t = report.totals();
        canvas.newPage();
        canvas.title("Attendance summary");
        canvas.fields(110, List.of(
                new String[] {"Organisation", heading.organisation()},
                new String[] {"Period", report.request().from() + " to " + report.request().to()},
                new String[] {"Department", report.request().department() == null ? "all" : report.request().department()},
                new String[] {"Time zone", report.zone().getId()},
                new String[] {"Employees", String.valueOf(report.timesheets().size())}));
        canvas.gap(8);
        canvas.heading("Totals");
        canvas.table(List.of(new Column("Total", 200, false), new Column("Value", 90, true)), List.of(
                new String[] {"Worked hours", hours(t.workedMinutes())},
                new String[] {"Scheduled hours", hours(t.scheduledMinutes())},
                new String[] {"Overtime hours", hours(t.overtimeMinutes())},
                new String[] {"Late minutes", String.valueOf(t.lateMinutes())},
                new String[] {"Early-departure minutes", String.valueOf(t.earlyMinutes())},
                new String[] {"Days attended", String.valueOf(t.daysAttended())},
                new String[] {"Days late", String.valueOf(t.daysLate())},
                new String[] {"Days absent", String.valueOf(t.daysAbsent())},
                new String[] {"Days to review (missing pass)", String.valueOf(t.daysToReview())}));
        if (t.daysToReview() > 0) {
            canvas.paragraph(t.daysToReview() + " day(s) have a missing check-in or check-out and count 0 hours: "
                    + "correct them before payroll.", 8.5f);
        }
        canvas.gap(8);
        canvas.heading("Departments");
        List<String[]> depts = new ArrayList<>();
        for (AttendanceReport.DepartmentTotals d : report.departments()) {
            depts.add(new String[] {d.department(), n(d.employees()), n(d.daysAttended()), n(d.daysLate()), n(d.daysAbsent()),
                hours(d.workedMinutes()), hours(d.overtimeMinutes()), n(d.lateMinutes()), n(d.daysToReview())});
        }
        canvas.table(List.of(new Column("Department", 118, false), new Column("Employees", 58, true),
                new Column("Days attended", 50, true), new Column("Days late", 38, true), new Column("Days absent", 42, true),
                new Column("Worked hours", 55, true), new Column("Overtime hours", 55, true),
                new Column("Late minutes", 45, true), new Column("Days to review", 50, true)), depts);
        canvas.gap(8);
        canvas.heading("Employees");
        List<String[]> rows = new ArrayList<>();
        for (EmployeeTimesheet ts : report.timesheets()) {
            Employee e = ts.employee();
            rows.add(new String[] {e.code(), e.name(), e.department() == null ? "" : e.department(), n(ts.daysAttended()),
                n(ts.count(DayStatus.LATE)), n(ts.count(DayStatus.ABSENT)), hours(ts.workedMinutes()),
                hours(ts.overtimeMinutes()), n(ts.lateMinutes()), n(ts.daysToReview())});
        }
        rows.add(new String[] {"Total", "", "", n(t.daysAttended()), n(t.daysLate()), n(t.daysAbsent()),
            hours(t.workedMinutes()), hours(t.overtimeMinutes()), n(t.lateMinutes()), n(t.daysToReview())});
        canvas.table(List.of(new Column("Code", 40, false), new Column("Name", 102, false),
                new Column("Department", 66, false), new Column("Days attended", 50, true), new Column("Days late", 34, true),
                new Column("Days absent", 38, true), new Column("Worked hours", 46, true),
                new Column("Overtime hours", 52, true), new Column("Late minutes", 46, true),
                new Column("Days to review", 41, true)), rows);
    }

    private static void charts(AttendanceReport report, PdfCanvas canvas) throws IOException {
        List<JFreeChart> charts = List.of(ReportCharts.hoursPerDay(report), ReportCharts.latenessTrend(report),
                ReportCharts.arrivalsHistogram(report));
        canvas.newPage();
        canvas.title("Charts");
        for (JFreeChart chart : charts) {
            // two charts fit one A4 portrait page; a chart that does not fit starts the next page
            canvas.picture(chart.createBufferedImage(ReportCharts.WIDTH * CHART_SCALE, ReportCharts.HEIGHT * CHART_SCALE,
                    ReportCharts.WIDTH, ReportCharts.HEIGHT, null), PdfCanvas.WIDTH);
        }
    }

    private static final List<Column> DAY_COLUMNS = List.of(new Column("Date", 54, false), new Column("Day", 26, false),
            new Column("Shift", 36, false), new Column("Status", 62, false), new Column("In", 30, true),
            new Column("Out", 46, true), new Column("Worked", 44, true), new Column("Sched.", 40, true),
            new Column("Late", 28, true), new Column("Early", 30, true), new Column("Overtime", 48, true),
            new Column("Remarks", 71, false));

    private static void timesheet(AttendanceReport report, EmployeeTimesheet t, PdfCanvas canvas) throws IOException {
        Employee e = t.employee();
        ZoneId zone = report.zone();
        canvas.newPage();
        canvas.title("Timesheet: " + e.name());
        Set<String> shifts = new LinkedHashSet<>();
        t.days().forEach(d -> {
            if (d.shiftName() != null) {
                shifts.add(d.shiftName());
            }
        });
        canvas.fields(110, List.of(
                new String[] {"Employee", e.name() + " (" + e.code() + ")"},
                new String[] {"Department", e.department() == null ? "none" : e.department()},
                new String[] {"Period", report.request().from() + " to " + report.request().to()},
                new String[] {"Shift", shifts.isEmpty() ? "none assigned" : String.join(", ", shifts)},
                new String[] {"Time zone", zone.getId()}));
        canvas.gap(6);
        List<String[]> rows = new ArrayList<>();
        for (DayRecord d : t.days()) {
            rows.add(new String[] {d.date().toString(), d.date().getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH),
                d.shiftName() == null ? "" : d.shiftName(), status(d), time(d.firstIn(), d.date(), zone),
                time(d.lastOut(), d.date(), zone), hm(d.workedMinutes()), hm(d.scheduledMinutes()), minutes(d.lateMinutes()),
                minutes(d.earlyMinutes()), hm(d.overtimeMinutes()), d.remarks() == null ? "" : d.remarks()});
        }
        rows.add(new String[] {"Total", "", "", "", "", "", total(t.workedMinutes()), total(t.scheduledMinutes()),
            String.valueOf(t.lateMinutes()), String.valueOf(t.earlyMinutes()), total(t.overtimeMinutes()), ""});
        canvas.table(DAY_COLUMNS, rows);
        canvas.paragraph("Hours as h:mm; late and early in minutes. Days attended " + t.daysAttended() + ", late "
                + t.count(DayStatus.LATE) + ", absent " + t.count(DayStatus.ABSENT) + ".", 8);
        if (t.daysToReview() > 0) {
            canvas.paragraph(t.daysToReview() + " day(s) marked \"needs review\" have a missing pass and count 0 hours.", 8);
        }
        signatures(canvas);
    }

    /** The confirmation and two signature lines, kept together on one page. */
    private static void signatures(PdfCanvas canvas) throws IOException {
        canvas.keep(100);
        canvas.gap(12);
        canvas.paragraph("I confirm that the times above are correct.", 9);
        canvas.gap(34);
        float half = (PdfCanvas.WIDTH - 30) / 2;
        float x = PdfCanvas.MARGIN;
        canvas.signatureLine(x, half * 0.62f, "Employee signature");
        canvas.signatureLine(x + half * 0.68f, half * 0.32f, "Date");
        canvas.signatureLine(x + half + 30, half * 0.62f, "Supervisor / HR signature");
        canvas.signatureLine(x + half + 30 + half * 0.68f, half * 0.32f, "Date");
        canvas.gap(16);
    }

    private static String status(DayRecord d) {
        String s = switch (d.status()) {
            case DAY_OFF -> "day off";
            case NOT_EMPLOYED -> "not employed";
            default -> d.status().name().toLowerCase(Locale.ROOT);
        };
        return d.needsReview() ? s + " (review)" : s;
    }

    /** Local time of day; "+1" when it falls on the day after the work date (night shifts). */
    private static String time(Instant t, LocalDate workDate, ZoneId zone) {
        if (t == null) {
            return "";
        }
        ZonedDateTime z = t.atZone(zone);
        long days = z.toLocalDate().toEpochDay() - workDate.toEpochDay();
        return TIME.format(z) + (days == 0 ? "" : (days > 0 ? " +" : " ") + days);
    }

    /** Hours and minutes of a day; blank for none, so the days that count stand out. */
    private static String hm(long minutes) {
        return minutes == 0 ? "" : total(minutes);
    }

    /** Hours and minutes of a total, "0:00" included. */
    private static String total(long minutes) {
        return String.format(Locale.ROOT, "%d:%02d", minutes / 60, minutes % 60);
    }

    private static String minutes(long m) {
        return m == 0 ? "" : String.valueOf(m);
    }

    private static String hours(long minutes) {
        return String.format(Locale.ROOT, "%.2f", minutes / 60.0);
    }

    private static String n(long value) {
        return String.valueOf(value);
    }
}
