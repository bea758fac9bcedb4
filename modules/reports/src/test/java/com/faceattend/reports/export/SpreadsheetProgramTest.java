package com.faceattend.reports.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.faceattend.reports.AttendanceReport;
import com.faceattend.reports.EmployeeTimesheet;
import com.faceattend.reports.TestReports;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 21: the workbook must show the real totals in programs that trust the values cached in
 * the file (LibreOffice, previewers, scripts), and print well. Opens the written xlsx with POI
 * without evaluating anything, then with LibreOffice itself (headless, one conversion of every
 * sheet to CSV), and compares both with the report.
 */
class SpreadsheetProgramTest {
    private static final String ORGANISATION = "Müller & Söhne GmbH";
    @TempDir
    static Path dir;
    static AttendanceReport report;
    static Path xlsx;

    @BeforeAll
    static void export() {
        report = TestReports.march();
        xlsx = dir.resolve("march.xlsx");
        XlsxExporter.export(report, ORGANISATION, xlsx, null, null);
    }

    @Test
    void everyFormulaCarriesItsResultAndTheWorkbookAsksForRecalculation() throws IOException {
        AttendanceReport.Totals t = report.totals();
        try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            assertTrue(wb.getForceFormulaRecalculation(), "programs are asked to recalculate on load");
            // cached values only: nothing is evaluated before these checks
            Map<String, Double> summary = cachedSummary(wb.getSheet(XlsxExporter.SUMMARY));
            assertEquals(t.workedMinutes() / 60.0, summary.get("Worked hours"), 1e-9);
            assertEquals(t.scheduledMinutes() / 60.0, summary.get("Scheduled hours"), 1e-9);
            assertEquals(t.overtimeMinutes() / 60.0, summary.get("Overtime hours"), 1e-9);
            assertEquals(t.lateMinutes(), summary.get("Late minutes"));
            assertEquals(t.earlyMinutes(), summary.get("Early-departure minutes"));
            assertEquals(t.daysAttended(), summary.get("Days attended"));
            assertEquals(t.daysLate(), summary.get("Days late"));
            assertEquals(t.daysAbsent(), summary.get("Days absent"));
            assertEquals(t.daysToReview(), summary.get("Days to review (missing pass)"));
            assertTrue(t.workedMinutes() > 0 && t.daysAbsent() > 0, "the fixture has real totals, not zeros");

            Sheet employees = wb.getSheet(XlsxExporter.EMPLOYEES);
            for (int i = 0; i < report.timesheets().size(); i++) {
                assertEquals(report.timesheets().get(i).workedMinutes() / 60.0, cached(employees.getRow(i + 1).getCell(6)), 1e-9);
            }
            Row total = employees.getRow(employees.getLastRowNum());
            assertEquals(t.workedMinutes() / 60.0, cached(total.getCell(6)), 1e-9);
            assertEquals(t.workedMinutes(), cached(total.getCell(7)));
            assertEquals(t.daysAbsent(), cached(total.getCell(5)));
            Sheet departments = wb.getSheet(XlsxExporter.DEPARTMENTS);
            assertEquals(t.overtimeMinutes(), cached(departments.getRow(departments.getLastRowNum()).getCell(6)));
            Sheet roster = wb.getSheet(XlsxExporter.ROSTER);
            assertEquals(t.daysAttended(), cached(roster.getRow(roster.getLastRowNum()).getCell(2)));

            // and every cached result is what the formula gives
            FormulaEvaluator ev = wb.getCreationHelper().createFormulaEvaluator();
            int formulas = 0;
            for (Sheet sheet : wb) {
                for (Row r : sheet) {
                    for (Cell c : r) {
                        if (c.getCellType() == CellType.FORMULA) {
                            formulas++;
                            assertEquals(ev.evaluate(c).getNumberValue(), c.getNumericCellValue(), 1e-9,
                                    sheet.getSheetName() + "!" + c.getAddress() + " " + c.getCellFormula());
                        }
                    }
                }
            }
            assertTrue(formulas > 30, formulas + " formulas");
        }
    }

    @Test
    void everySheetPrintsOnePageWideWithHeaderRowAndPageNumbers() throws IOException {
        try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            for (Sheet s : wb) {
                XSSFSheet sheet = (XSSFSheet) s;
                String name = sheet.getSheetName();
                PrintSetup ps = sheet.getPrintSetup();
                assertTrue(sheet.getFitToPage(), name);
                assertEquals(1, ps.getFitWidth(), name + " fits one page wide");
                assertEquals(0, ps.getFitHeight(), name + " is as many pages tall as needed");
                assertEquals(PrintSetup.A4_PAPERSIZE, ps.getPaperSize(), name);
                assertEquals("Müller && Söhne GmbH", sheet.getHeader().getLeft(), name + ": '&' escaped in the header");
                assertEquals("2026-03-01 to 2026-03-31, all departments", sheet.getHeader().getRight(), name);
                assertEquals("Page &P of &N", sheet.getFooter().getRight(), name);
                if (!name.equals(XlsxExporter.SUMMARY) && !name.equals(XlsxExporter.CHARTS)) {
                    assertNotNull(sheet.getRepeatingRows(), name + " repeats its header row");
                    assertEquals(0, sheet.getRepeatingRows().getFirstRow(), name);
                    assertEquals(0, sheet.getRepeatingRows().getLastRow(), name);
                }
            }
            assertTrue(wb.getSheet(XlsxExporter.TIMESHEET).getPrintSetup().getLandscape(), "15 columns print landscape");
            assertFalse(wb.getSheet(XlsxExporter.SUMMARY).getPrintSetup().getLandscape(), "two columns print portrait");
            XSSFSheet charts = wb.getSheet(XlsxExporter.CHARTS);
            assertTrue(charts.getPrintSetup().getLandscape());
            assertEquals(2, charts.getRowBreaks().length, "a page break between the three charts");
        }
    }

    @Test
    void libreOfficeShowsTheReportsTotals() throws Exception {
        Path out = Files.createDirectories(dir.resolve("libreoffice"));
        // one start of LibreOffice: every sheet to CSV (token 12 = -1), UTF-8 (token 3 = 76), full precision
        DebianTool.run("libreoffice-calc-nogui", out, 300, "soffice", "--headless", "--norestore",
                "-env:UserInstallation=" + out.resolve("profile").toUri(),
                "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
                "--outdir", out.toString(), xlsx.toString());
        AttendanceReport.Totals t = report.totals();

        Map<String, String> summary = new LinkedHashMap<>();
        for (CSVRecord r : csv(out, XlsxExporter.SUMMARY)) {
            if (r.size() >= 2) {
                summary.put(r.get(0), r.get(1));
            }
        }
        assertEquals(t.workedMinutes() / 60.0, number(summary.get("Worked hours")), 1e-9, "LibreOffice's Summary: " + summary);
        assertEquals(t.scheduledMinutes() / 60.0, number(summary.get("Scheduled hours")), 1e-9);
        assertEquals(t.overtimeMinutes() / 60.0, number(summary.get("Overtime hours")), 1e-9);
        assertEquals(String.valueOf(t.lateMinutes()), summary.get("Late minutes"));
        assertEquals(String.valueOf(t.daysAttended()), summary.get("Days attended"));
        assertEquals(String.valueOf(t.daysAbsent()), summary.get("Days absent"));
        assertEquals(String.valueOf(t.daysToReview()), summary.get("Days to review (missing pass)"));

        List<CSVRecord> employees = csv(out, XlsxExporter.EMPLOYEES);
        CSVRecord total = employees.get(employees.size() - 1);
        assertEquals("Total", total.get(0));
        assertEquals(t.workedMinutes() / 60.0, number(total.get(6)), 1e-9);
        assertEquals(String.valueOf(t.workedMinutes()), total.get(7));
        for (EmployeeTimesheet ts : report.timesheets()) {
            CSVRecord row = employees.stream().filter(r -> r.get(0).equals(ts.employee().code())).findFirst().orElseThrow();
            assertEquals(ts.employee().name(), row.get(1), "names survive in any script");
            assertEquals(ts.workedMinutes() / 60.0, number(row.get(6)), 1e-9, ts.employee().code());
        }
        assertTrue(employees.stream().anyMatch(r -> r.get(1).equals(TestReports.NON_LATIN_NAME)));
        List<CSVRecord> departments = csv(out, XlsxExporter.DEPARTMENTS);
        assertEquals(String.valueOf(t.workedMinutes()), departments.get(departments.size() - 1).get(5));
        List<CSVRecord> roster = csv(out, XlsxExporter.ROSTER);
        assertEquals(String.valueOf(t.daysAbsent()), roster.get(roster.size() - 1).get(4));
    }

    /** A number as LibreOffice wrote it (15 significant digits, '.' as decimal point). */
    private static double number(String text) {
        assertNotNull(text, "LibreOffice shows no value");
        return Double.parseDouble(text);
    }

    private static List<CSVRecord> csv(Path dir, String sheet) throws IOException {
        Path file = dir.resolve("march-" + sheet + ".csv");
        assertTrue(Files.exists(file), "LibreOffice wrote " + file);
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180.parse(r).getRecords();
        }
    }

    private static Map<String, Double> cachedSummary(Sheet sheet) {
        Map<String, Double> values = new LinkedHashMap<>();
        for (Row r : sheet) {
            Cell b = r.getCell(1);
            if (b != null && b.getCellType() == CellType.FORMULA) {
                values.put(r.getCell(0).getStringCellValue(), cached(b));
            }
        }
        assertEquals(9, values.size(), "nine totals: " + values);
        return values;
    }

    /** The value stored in the file for a formula cell (POI does not evaluate when reading it). */
    private static double cached(Cell cell) {
        assertEquals(CellType.FORMULA, cell.getCellType(), cell.getAddress() + " is a formula");
        assertEquals(CellType.NUMERIC, cell.getCachedFormulaResultType(), cell.getAddress().toString());
        return cell.getNumericCellValue();
    }
}
