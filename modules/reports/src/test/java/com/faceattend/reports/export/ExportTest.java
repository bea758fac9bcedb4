package com.faceattend.reports.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.faceattend.reports.AttendanceReport;
import com.faceattend.reports.CancellationToken;
import com.faceattend.reports.EmployeeTimesheet;
import com.faceattend.reports.ProgressListener;
import com.faceattend.reports.ReportException;
import com.faceattend.reports.TestReports;
import com.faceattend.reports.charts.ReportCharts;
import com.faceattend.reports.rules.DayRecord;
import com.faceattend.spi.Problem;
import com.faceattend.store.testdb.StoreEngine;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Exports the March report of {@link com.faceattend.reports.ReportFixture}, reopens the files
 * with POI and commons-csv, and compares them with the report; charts are written as PNGs
 * under target/report-artefacts for a person to look at.
 */
class ExportTest {
    static final Path ARTEFACTS = Path.of("target/report-artefacts");

    static AttendanceReport report;

    @BeforeAll
    static void build() throws IOException {
        report = TestReports.march();
        Files.createDirectories(ARTEFACTS);
    }

    private static double evaluate(FormulaEvaluator ev, Cell cell) {
        assertEquals(CellType.FORMULA, cell.getCellType(), "a real formula, not a pasted value");
        return ev.evaluate(cell).getNumberValue();
    }

    /** The workbook of the report built on each engine: the same hand-worked values from every one. */
    @ParameterizedTest(name = "{0}")
    @EnumSource(StoreEngine.class)
    void workbookHasEverySheetAndItsFormulasEvaluateToTheReportTotals(StoreEngine engine) throws IOException {
        AttendanceReport report = TestReports.march(engine);
        Path file = ARTEFACTS.resolve(engine == StoreEngine.DERBY_EMBEDDED ? "march-2026.xlsx"
                : "march-2026-" + engine.name().toLowerCase(java.util.Locale.ROOT) + ".xlsx");
        List<Long> progress = new ArrayList<>();
        XlsxExporter.export(report, file, (step, done, total) -> progress.add(done), CancellationToken.none());
        assertFalse(progress.isEmpty());

        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(file))) {
            assertEquals(List.of("Summary", "Timesheet", "Employees", "Daily roster", "Departments", "Lateness trend",
                    "Presence by hour", "Corrections", "Charts"), sheetNames(wb));
            FormulaEvaluator ev = wb.getCreationHelper().createFormulaEvaluator();

            Sheet summary = wb.getSheet("Summary");
            assertEquals(report.workedMinutes() / 60.0, evaluate(ev, valueOf(summary, "Worked hours")), 1e-9);
            assertEquals(report.overtimeMinutes() / 60.0, evaluate(ev, valueOf(summary, "Overtime hours")), 1e-9);
            assertEquals(report.lateMinutes(), evaluate(ev, valueOf(summary, "Late minutes")));
            long attended = report.timesheets().stream().mapToLong(EmployeeTimesheet::daysAttended).sum();
            assertEquals(attended, evaluate(ev, valueOf(summary, "Days attended")));
            assertEquals(report.roster().stream().mapToInt(AttendanceReport.RosterDay::absent).sum(),
                    evaluate(ev, valueOf(summary, "Days absent")));
            assertEquals(report.daysToReview(), evaluate(ev, valueOf(summary, "Days to review (missing pass)")));
            assertEquals("Europe/Berlin", valueOf(summary, "Time zone").getStringCellValue());

            XSSFSheet ts = wb.getSheet("Timesheet");
            assertEquals(4 * 31, ts.getLastRowNum());
            assertTrue(ts.getPaneInformation().isFreezePane());
            assertTrue(ts.getCTWorksheet().isSetAutoFilter());
            assertTrue(wb.getFontAt(ts.getRow(0).getCell(0).getCellStyle().getFontIndex()).getBold());
            Row a1Mar2 = ts.getRow(2); // A1 is first, 1 March is row 1, 2 March row 2
            assertEquals("A1", a1Mar2.getCell(0).getStringCellValue());
            assertEquals(LocalDate.of(2026, 3, 2), a1Mar2.getCell(3).getLocalDateTimeCellValue().toLocalDate());
            assertEquals("LATE", a1Mar2.getCell(5).getStringCellValue());
            assertEquals(9, a1Mar2.getCell(6).getLocalDateTimeCellValue().getHour());
            assertEquals(6, a1Mar2.getCell(6).getLocalDateTimeCellValue().getMinute());
            assertEquals(479, a1Mar2.getCell(8).getNumericCellValue());
            assertEquals(6, a1Mar2.getCell(10).getNumericCellValue());

            Sheet employees = wb.getSheet("Employees");
            Row total = employees.getRow(employees.getLastRowNum());
            assertEquals("Total", total.getCell(0).getStringCellValue());
            assertEquals(report.workedMinutes(), evaluate(ev, total.getCell(7)));
            assertEquals(report.workedMinutes() / 60.0, evaluate(ev, total.getCell(6)), 1e-9);
            for (int i = 0; i < report.timesheets().size(); i++) {
                EmployeeTimesheet t = report.timesheets().get(i);
                assertEquals(t.workedMinutes() / 60.0, evaluate(ev, employees.getRow(i + 1).getCell(6)), 1e-9);
            }
            Sheet departments = wb.getSheet("Departments");
            assertEquals(report.workedMinutes(), evaluate(ev, departments.getRow(departments.getLastRowNum()).getCell(5)));
            Sheet roster = wb.getSheet("Daily roster");
            assertEquals(attended, evaluate(ev, roster.getRow(roster.getLastRowNum()).getCell(2)));

            assertEquals(3, wb.getAllPictures().size(), "the three charts are in the workbook");
            for (var picture : wb.getAllPictures()) {
                BufferedImage img = ImageIO.read(new java.io.ByteArrayInputStream(picture.getData()));
                assertEquals(ReportCharts.WIDTH, img.getWidth());
            }
        }
    }

    @Test
    void csvHasOneRowPerEmployeeAndDateEqualToTheReport() throws IOException {
        Path file = ARTEFACTS.resolve("march-2026.csv");
        CsvExporter.export(report, file, ProgressListener.NONE, null);
        List<CSVRecord> rows;
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
        }
        List<DayRecord> days = report.timesheets().stream().flatMap(t -> t.days().stream()).toList();
        assertEquals(days.size(), rows.size());
        long worked = 0;
        for (int i = 0; i < rows.size(); i++) {
            CSVRecord row = rows.get(i);
            DayRecord d = days.get(i);
            assertEquals(d.date().toString(), row.get("date"));
            assertEquals(d.status().name(), row.get("status"));
            assertEquals(d.workedMinutes(), Integer.parseInt(row.get("worked_minutes")));
            assertEquals(d.lateMinutes(), Integer.parseInt(row.get("late_minutes")));
            assertEquals(d.needsReview() ? "yes" : "no", row.get("needs_review"));
            if (d.firstIn() != null) {
                assertEquals(d.firstIn(), OffsetDateTime.parse(row.get("first_in")).toInstant());
            }
            worked += Long.parseLong(row.get("worked_minutes"));
        }
        assertEquals(report.workedMinutes(), worked);
        CSVRecord n1Night = rows.stream().filter(r -> r.get("employee_code").equals("N1") && r.get("date").equals("2026-03-28"))
                .findFirst().orElseThrow();
        assertEquals("2026-03-28T22:00+01:00", n1Night.get("first_in"));
        assertEquals("2026-03-29T06:00+02:00", n1Night.get("last_out"), "the offset shows the DST change");
        assertArrayEquals(CsvExporter.HEADER, Files.readAllLines(file).get(0).split(","));
    }

    @Test
    void chartsRenderAsPngArtefacts() throws IOException {
        var charts = List.of(ReportCharts.hoursPerDay(report), ReportCharts.latenessTrend(report),
                ReportCharts.arrivalsHistogram(report));
        List<String> names = List.of("hours-per-day.png", "lateness-trend.png", "arrivals-histogram.png");
        for (int i = 0; i < charts.size(); i++) {
            Path png = ARTEFACTS.resolve(names.get(i));
            ReportCharts.writePng(charts.get(i), png, ReportCharts.WIDTH, ReportCharts.HEIGHT);
            BufferedImage img = ImageIO.read(png.toFile());
            assertNotNull(img, png + " is a PNG");
            assertEquals(ReportCharts.HEIGHT, img.getHeight());
        }
        assertEquals(report.presenceByHour().get(8).arrivals(),
                ReportCharts.arrivalsHistogram(report).getCategoryPlot().getDataset().getValue(0, 8).intValue());
    }

    @Test
    void anUnwritablePlaceIsNamedAndNothingIsLeftBehind(@TempDir Path out) throws IOException {
        ReportException e = assertThrows(ReportException.class,
                () -> XlsxExporter.export(report, out.resolve("missing/folder/r.xlsx"), null, null));
        assertEquals(Problem.Kind.BAD_INPUT, e.kind());
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());

        e = assertThrows(ReportException.class, () -> CsvExporter.export(report, out, null, null));
        assertTrue(e.getMessage().contains("is a folder"), e.getMessage());

        Path notAFolder = Files.writeString(out.resolve("plain.txt"), "x");
        e = assertThrows(ReportException.class, () -> CsvExporter.export(report, notAFolder.resolve("r.csv"), null, null));
        assertEquals(Problem.Kind.BAD_INPUT, e.kind());
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(List.of(notAFolder), files.toList());
        }
    }

    @Test
    void aCancelledExportKeepsTheOldFileAndLeavesNoPartialFile(@TempDir Path out) throws IOException {
        Path file = out.resolve("report.xlsx");
        Files.writeString(file, "last month's good export");
        CancellationToken token = new CancellationToken();
        ReportException e = assertThrows(ReportException.class, () -> XlsxExporter.export(report, file,
                (step, done, total) -> token.cancel(), token));
        assertEquals(Problem.Kind.CANCELLED, e.kind());
        assertEquals("last month's good export", Files.readString(file));
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(List.of(file), files.toList());
        }
    }

    private static List<String> sheetNames(XSSFWorkbook wb) {
        List<String> names = new ArrayList<>();
        wb.forEach(s -> names.add(s.getSheetName()));
        return names;
    }

    /** The cell right of the label {@code label} in column A. */
    private static Cell valueOf(Sheet sheet, String label) {
        for (Row r : sheet) {
            Cell a = r.getCell(0);
            if (a != null && a.getCellType() == CellType.STRING && a.getStringCellValue().equals(label)) {
                return r.getCell(1);
            }
        }
        throw new AssertionError("no row '" + label + "' in " + sheet.getSheetName());
    }
}
