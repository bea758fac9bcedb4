package com.faceattend.cli;

import com.faceattend.suite.SuiteServices;
import com.faceattend.reports.AttendanceReport;
import com.faceattend.reports.CancellationToken;
import com.faceattend.reports.ProgressListener;
import com.faceattend.reports.ReportRequest;
import com.faceattend.reports.ReportService;
import com.faceattend.reports.charts.ChartFiles;
import com.faceattend.reports.export.CsvExporter;
import com.faceattend.reports.export.PdfExporter;
import com.faceattend.reports.export.XlsxExporter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code faceattend report --from --to [--department] [--xlsx FILE] [--pdf FILE] [--csv FILE] [--charts DIR]}. */
@Command(name = "report", description = {"Attendance report for payroll: worked hours, lateness, absences, overtime.",
    "Prints a summary; --xlsx writes the full workbook (summary, timesheet, roster, departments, trends, charts),",
    "--pdf a printable PDF (summary, charts, one timesheet per employee with signature lines),",
    "--csv the timesheet (one row per employee and day)."})
final class ReportCommand implements Callable<Integer> {
    @ParentCommand
    FaceAttendCli app;
    @Spec
    CommandSpec spec;
    @Option(names = "--from", required = true, paramLabel = "YYYY-MM-DD", description = "First day (inclusive).")
    LocalDate from;
    @Option(names = "--to", required = true, paramLabel = "YYYY-MM-DD", description = "Last day (inclusive).")
    LocalDate to;
    @Option(names = "--department", paramLabel = "NAME", description = "Only this department.")
    String department;
    @Option(names = "--xlsx", paramLabel = "FILE", description = "Write an Excel workbook.")
    Path xlsx;
    @Option(names = "--pdf", paramLabel = "FILE", description = "Write a PDF to print and sign.")
    Path pdf;
    @Option(names = "--csv", paramLabel = "FILE", description = "Write the timesheet as CSV.")
    Path csv;
    @Option(names = "--charts", paramLabel = "DIR", description = "Write the charts as PNG files into DIR.")
    Path charts;
    @Option(names = "--json", description = "Print the summary as JSON.")
    boolean json;
    @Option(names = {"-q", "--quiet"}, description = "No progress on stderr.")
    boolean quiet;

    @Override
    public Integer call() {
        ReportRequest request = new ReportRequest(from, to, department);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ProgressListener progress = quiet || json || FaceAttendCli.of(spec).quiet ? ProgressListener.NONE : new StepPrinter(err);
        // fail before minutes of work, not after
        if (xlsx != null) {
            XlsxExporter.checkWritable(xlsx);
        }
        if (pdf != null) {
            PdfExporter.checkWritable(pdf);
        }
        if (csv != null) {
            CsvExporter.checkWritable(csv);
        }
        try (SuiteServices ctx = app.openSuite()) {
            ReportService reports = new ReportService(ctx.store());
            AttendanceReport report = reports.build(request, progress, CancellationToken.none());
            String organisation = reports.organisationName().orElse(null);
            if (xlsx != null) {
                XlsxExporter.export(report, organisation, xlsx, progress, CancellationToken.none());
            }
            PdfExporter.Result printed = pdf == null ? null
                    : PdfExporter.export(report, organisation, pdf, progress, CancellationToken.none());
            if (printed != null) {
                printed.warnings().forEach(w -> err.println("warning: " + w));
                err.flush();
            }
            if (csv != null) {
                CsvExporter.export(report, csv, progress, CancellationToken.none());
            }
            List<Path> pngs = charts == null ? List.of() : ChartFiles.writeAll(report, charts);
            List<String> written = new java.util.ArrayList<>();
            for (Path f : new Path[] {xlsx, pdf, csv, charts}) {
                if (f != null) {
                    written.add(f.toAbsolutePath().toString());
                }
            }
            if (!written.isEmpty()) { // exports carry personal data out of the database: audited
                ctx.store().audit(ctx.store().account().orElse(EnrollCommand.actor()), "report-export",
                        request.from() + ".." + request.to() + " to " + String.join(", ", written));
            }
            if (json) {
                Console.printJson(out, summary(report));
                return ExitCode.OK;
            }
            printSummary(out, report);
            if (xlsx != null) {
                out.println("wrote " + xlsx.toAbsolutePath());
            }
            if (printed != null) {
                out.println("wrote " + printed.file() + " (" + printed.pages() + " pages)");
            }
            if (csv != null) {
                out.println("wrote " + csv.toAbsolutePath());
            }
            pngs.forEach(p -> out.println("wrote " + p.toAbsolutePath()));
            out.flush();
            return ExitCode.OK;
        }
    }

    private static void printSummary(PrintWriter out, AttendanceReport r) {
        out.printf("Attendance %s to %s, %s, time zone %s%n", r.request().from(), r.request().to(),
                r.request().department() == null ? "all departments" : "department " + r.request().department(), r.zone());
        out.printf(Locale.ROOT, "%-20s %9s %9s %6s %7s %10s %10s %7s%n", "DEPARTMENT", "EMPLOYEES", "ATTENDED", "LATE",
                "ABSENT", "WORKED h", "OVERTIME h", "REVIEW");
        for (AttendanceReport.DepartmentTotals d : r.departments()) {
            out.printf(Locale.ROOT, "%-20s %9d %9d %6d %7d %10.2f %10.2f %7d%n", d.department(), d.employees(),
                    d.daysAttended(), d.daysLate(), d.daysAbsent(), d.workedMinutes() / 60.0, d.overtimeMinutes() / 60.0,
                    d.daysToReview());
        }
        out.printf(Locale.ROOT, "total worked %.2f h, overtime %.2f h, late %d min%n", r.workedMinutes() / 60.0,
                r.overtimeMinutes() / 60.0, r.lateMinutes());
        if (r.daysToReview() > 0) {
            out.printf("%d day(s) have a missing check-in or check-out and count 0 hours: fix them with "
                    + "`faceattend attendance correct` before payroll%n", r.daysToReview());
        }
    }

    private static Map<String, Object> summary(AttendanceReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("from", r.request().from().toString());
        m.put("to", r.request().to().toString());
        m.put("department", r.request().department());
        m.put("timeZone", r.zone().getId());
        m.put("employees", r.timesheets().size());
        m.put("workedMinutes", r.workedMinutes());
        m.put("overtimeMinutes", r.overtimeMinutes());
        m.put("lateMinutes", r.lateMinutes());
        m.put("daysToReview", r.daysToReview());
        m.put("departments", r.departments());
        return m;
    }

    /** Prints each new step once on stderr (a report has few steps; a bar would flicker). */
    private static final class StepPrinter implements ProgressListener {
        private final PrintWriter err;
        private String last;

        StepPrinter(PrintWriter err) {
            this.err = err;
        }

        @Override
        public void progress(String step, long done, long total) {
            if (!step.equals(last)) {
                last = step;
                err.println(step + "…");
                err.flush();
            }
        }
    }
}
