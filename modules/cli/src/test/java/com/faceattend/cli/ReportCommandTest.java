package com.faceattend.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.faceattend.spi.AttendanceEvent;
import com.faceattend.spi.AttendanceEvent.Direction;
import com.faceattend.store.DerbyAttendanceStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An administrator sets up shifts, a holiday and a correction, then exports March for payroll. */
class ReportCommandTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @TempDir
    static Path data;

    private static void pass(DerbyAttendanceStore store, String code, String local, Direction d) {
        Instant t = LocalDateTime.parse(local).atZone(BERLIN).toInstant();
        store.recordAttendance(new AttendanceEvent.PersonRecognized(t, "door", code, "", d, 0.8f, 0.9f));
    }

    private static void ok(Cli.Result r) {
        assertEquals(ExitCode.OK, r.exitCode(), r.toString());
    }

    private static void assertNoStackTrace(Cli.Result r) {
        assertFalse(r.err().contains("\tat ") || r.err().contains("Exception"), r.toString());
    }

    @BeforeAll
    static void setUp() {
        try (DerbyAttendanceStore store = DerbyAttendanceStore.openEmbedded(data.resolve("db"))) {
            Instant consent = Instant.parse("2026-01-01T00:00:00Z");
            store.addEmployee("A1", "Ada One", "Office", consent);
            store.addEmployee("A2", "Abe Two", "Office", consent);
            pass(store, "A1", "2026-03-02T09:06:00", Direction.IN);
            pass(store, "A1", "2026-03-02T17:05:00", Direction.OUT);
            pass(store, "A2", "2026-03-03T08:59:00", Direction.IN);
        }
        ok(Cli.run(data, "schedule", "zone", "Europe/Berlin"));
        ok(Cli.run(data, "schedule", "set", "day", "--start", "09:00", "--end", "17:00", "--grace", "5", "--days", "MON-FRI"));
        ok(Cli.run(data, "schedule", "assign", "day", "--department", "Office", "--from", "2026-01-01"));
        ok(Cli.run(data, "holiday", "add", "2026-03-06", "Company", "day"));
        ok(Cli.run(data, "schedule", "organisation", "Müller & Söhne GmbH"));
    }

    @Test
    void setUpIsListedAndACorrectionIsAuditedWithItsReason() {
        Cli.Result list = Cli.run(data, "schedule", "list");
        ok(list);
        assertTrue(list.out().contains("time zone: Europe/Berlin"), list.toString());
        assertTrue(list.out().contains("09:00-17:00, grace 5 min, MON,TUE,WED,THU,FRI"), list.toString());
        assertTrue(list.out().contains("department Office"), list.toString());
        Cli.Result holidays = Cli.run(data, "holiday", "list", "--year", "2026");
        assertTrue(holidays.out().contains("2026-03-06  FRIDAY    Company day"), holidays.toString());

        Cli.Result fixed = Cli.run(data, "attendance", "correct", "--employee", "A2", "--at", "2026-03-03T17:30",
                "--direction", "OUT", "--reason", "forgot to check out, confirmed by lead");
        ok(fixed);
        assertTrue(fixed.out().contains("2026-03-03T17:30:00+01:00"), fixed.toString());
        Cli.Result corrections = Cli.run(data, "attendance", "corrections", "--from", "2026-03-01", "--to", "2026-03-31");
        assertTrue(corrections.out().contains("forgot to check out, confirmed by lead"), corrections.toString());
        try (DerbyAttendanceStore store = DerbyAttendanceStore.openEmbedded(data.resolve("db"))) {
            assertTrue(store.listAudit(10).stream().anyMatch(a -> a.action().equals("correct-add")
                    && a.detail().contains("confirmed by lead") && a.actor().startsWith("cli:")));
        }

        Cli.Result noReason = Cli.run(data, "attendance", "correct", "--employee", "A2", "--at", "2026-03-03T17:30",
                "--direction", "OUT");
        assertEquals(ExitCode.USAGE, noReason.exitCode(), noReason.toString());
        assertTrue(noReason.err().contains("--reason"), noReason.toString());
    }

    @Test
    void reportWritesWorkbookCsvAndCharts(@TempDir Path out) throws Exception {
        Path xlsx = out.resolve("march.xlsx");
        Path csv = out.resolve("march.csv");
        Path pdf = out.resolve("march.pdf");
        Cli.Result r = Cli.run(data, "report", "--from", "2026-03-01", "--to", "2026-03-31", "--department", "Office",
                "--xlsx", xlsx.toString(), "--csv", csv.toString(), "--pdf", pdf.toString(),
                "--charts", out.resolve("charts").toString());
        ok(r);
        assertTrue(r.out().contains("Office"), r.toString());
        assertTrue(r.out().contains("late 6 min"), r.toString());
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(xlsx))) {
            assertEquals(2 * 31, wb.getSheet("Timesheet").getLastRowNum());
        }
        List<String> lines = Files.readAllLines(csv);
        assertEquals(1 + 2 * 31, lines.size());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("A1,Ada One,Office,2026-03-02,day,LATE,")), lines.get(2));
        assertTrue(Files.size(out.resolve("charts/hours-per-day.png")) > 1000);
        // summary, charts (2 pages), one timesheet per employee
        assertTrue(r.out().contains("wrote " + pdf.toAbsolutePath() + " (5 pages)"), r.toString());
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertEquals(5, doc.getNumberOfPages());
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("Timesheet: Ada One") && text.contains("Employee signature"), text);
            // the organisation set with `schedule organisation` heads every page, not the product's name
            assertTrue(text.contains("Müller & Söhne GmbH"), text);
        }
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(xlsx))) {
            assertTrue(wb.getSheet("Summary").getHeader().getLeft().contains("Müller && Söhne GmbH"),
                    wb.getSheet("Summary").getHeader().getLeft());
        }
    }

    @Test
    void badReportRequestsSayWhatIsWrongAndHowToFixIt(@TempDir Path out) {
        Cli.Result swapped = Cli.run(data, "report", "--from", "2026-03-31", "--to", "2026-03-01");
        assertEquals(ExitCode.USAGE, swapped.exitCode(), swapped.toString());
        assertTrue(swapped.err().contains("error: the period ends (2026-03-01) before it starts (2026-03-31)"), swapped.toString());
        assertTrue(swapped.err().contains("fix: Swap the two dates"), swapped.toString());
        Cli.Result twoLines = Cli.run(data, "schedule", "organisation", "Acme\nEvil");
        assertEquals(ExitCode.USAGE, twoLines.exitCode(), twoLines.toString());
        assertTrue(twoLines.err().contains("organisation name"), twoLines.toString());

        Cli.Result dept = Cli.run(data, "report", "--from", "2026-03-01", "--to", "2026-03-31", "--department", "Sales");
        assertEquals(ExitCode.NOT_FOUND, dept.exitCode(), dept.toString());
        assertTrue(dept.err().contains("no employee is in department 'Sales'"), dept.toString());
        assertTrue(dept.err().contains("Known departments: Office"), dept.toString());

        Cli.Result empty = Cli.run(data, "report", "--from", "2026-02-01", "--to", "2026-02-28");
        assertEquals(ExitCode.NOT_FOUND, empty.exitCode(), empty.toString());
        assertTrue(empty.err().contains("no attendance was recorded from 2026-02-01 to 2026-02-28"), empty.toString());

        Path unwritable = out.resolve("no/such/folder/march.xlsx");
        Cli.Result file = Cli.run(data, "report", "--from", "2026-03-01", "--to", "2026-03-31", "--xlsx", unwritable.toString());
        assertEquals(ExitCode.BAD_INPUT, file.exitCode(), file.toString());
        assertTrue(file.err().contains("does not exist"), file.toString());
        assertFalse(Files.exists(unwritable));
        Cli.Result folderAsPdf = Cli.run(data, "report", "--from", "2026-03-01", "--to", "2026-03-31", "--pdf", out.toString());
        assertEquals(ExitCode.BAD_INPUT, folderAsPdf.exitCode(), folderAsPdf.toString());
        assertTrue(folderAsPdf.err().contains("is a folder") && folderAsPdf.err().contains("attendance.pdf"), folderAsPdf.toString());

        Cli.Result badShift = Cli.run(data, "schedule", "set", "odd", "--start", "09:00", "--end", "09:00");
        assertEquals(ExitCode.USAGE, badShift.exitCode(), badShift.toString());
        Cli.Result badDays = Cli.run(data, "schedule", "set", "odd", "--start", "09:00", "--end", "10:00", "--days", "MONDAYS-FUNDAY");
        assertEquals(ExitCode.USAGE, badDays.exitCode(), badDays.toString());
        Cli.Result badZone = Cli.run(data, "schedule", "zone", "Mars/Olympus");
        assertEquals(ExitCode.USAGE, badZone.exitCode(), badZone.toString());
        Cli.Result noShift = Cli.run(data, "schedule", "assign", "nope", "--department", "Office");
        assertEquals(ExitCode.NOT_FOUND, noShift.exitCode(), noShift.toString());
        for (Cli.Result r : List.of(swapped, dept, empty, file, folderAsPdf, badShift, badDays, badZone, noShift)) {
            assertNoStackTrace(r);
        }
    }
}
