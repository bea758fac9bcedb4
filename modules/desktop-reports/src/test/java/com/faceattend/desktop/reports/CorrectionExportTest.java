package com.faceattend.desktop.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.faceattend.reports.AttendanceReport;
import com.faceattend.reports.CancellationToken;
import com.faceattend.reports.ProgressListener;
import com.faceattend.reports.ReportRequest;
import com.faceattend.reports.ReportService;
import com.faceattend.reports.export.XlsxExporter;
import com.faceattend.spi.AttendanceEvent;
import com.faceattend.spi.AttendanceEvent.Direction;
import com.faceattend.store.AttendanceRecord;
import com.faceattend.store.DerbyAttendanceStore;
import com.faceattend.store.ScheduleStore;
import com.faceattend.suite.SettingsException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A correction made the way the Corrections window makes it (fields read by {@link CorrectionInput},
 * stored through the same store service as the CLI) is what the Excel export shows: on a real Derby
 * database, a forgotten check-out added at 17:30 Berlin time and a double check-in voided, each
 * with its reason; the exported workbook, reopened with POI, lists both reasons with the actor on
 * its Corrections sheet, and the day counts 8 h 30 min flagged as a manual correction.
 */
class CorrectionExportTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @TempDir
    Path dir;

    @Test
    void aCorrectionMadeInTheWindowIsInTheExcelExportWithItsReason() throws Exception {
        Path xlsx = dir.resolve("march.xlsx");
        try (DerbyAttendanceStore store = DerbyAttendanceStore.openEmbedded(dir.resolve("db"))) {
            store.addEmployee("C1", "Cora Check", "Office", Instant.parse("2026-01-01T00:00:00Z"));
            new ScheduleStore(store).setOrganisationZone(BERLIN, "test");
            pass(store, "2026-03-10T09:00", Direction.IN);
            pass(store, "2026-03-10T09:01", Direction.IN); // the camera saw her twice
            List<AttendanceRecord> day = store.listAttendance(local("2026-03-10T00:00"), local("2026-03-11T00:00"), "C1");
            long doubled = day.get(1).id();

            CorrectionInput.addPass(store, ShiftInput.text("code", " C1 "), ShiftInput.date("date", "2026-03-10"),
                    ShiftInput.time("time", "17:30"), Direction.OUT,
                    CorrectionInput.reason("  forgot to check out, confirmed by manager "), "hr.anna");
            CorrectionInput.voidPass(store, CorrectionInput.selectedPass(doubled),
                    CorrectionInput.reason("double pass at the gate"), "hr.anna");

            ReportService reports = new ReportService(store);
            AttendanceReport r = reports.build(new ReportRequest(LocalDate.of(2026, 3, 10), LocalDate.of(2026, 3, 10), null),
                    ProgressListener.NONE, CancellationToken.none());
            XlsxExporter.export(r, xlsx, ProgressListener.NONE, CancellationToken.none());
        }
        try (InputStream in = Files.newInputStream(xlsx); Workbook wb = new XSSFWorkbook(in)) {
            List<List<String>> rows = rows(wb.getSheet(XlsxExporter.CORRECTIONS));
            assertEquals(List.of("Code", "Correction", "Pass time", "Direction", "Reason", "By", "Made at", "Voided event"),
                    rows.get(0));
            assertEquals(3, rows.size(), "a header and two corrections: " + rows);
            List<String> voided = rows.get(1);
            List<String> added = rows.get(2);
            assertEquals(List.of("C1", "voided pass", "IN", "double pass at the gate", "hr.anna"),
                    List.of(voided.get(0), voided.get(1), voided.get(3), voided.get(4), voided.get(5)));
            assertTrue(voided.get(2).contains("09:01"), voided.get(2));
            assertEquals(List.of("C1", "added pass", "OUT", "forgot to check out, confirmed by manager", "hr.anna"),
                    List.of(added.get(0), added.get(1), added.get(3), added.get(4), added.get(5)));
            assertTrue(added.get(2).contains("17:30"), "the time typed is Berlin time: " + added.get(2));

            List<List<String>> timesheet = rows(wb.getSheet(XlsxExporter.TIMESHEET));
            List<String> header = timesheet.get(0);
            List<String> tenth = timesheet.get(1);
            assertEquals("510", tenth.get(header.indexOf("Worked (min)")), "09:00 to 17:30");
            assertTrue(tenth.get(header.indexOf("Remarks")).contains("manual correction"), tenth.toString());
        }
    }

    @Test
    void aCorrectionWithoutReasonOrPassIsRefusedNamingTheField() {
        assertEquals("reason", assertThrows(SettingsException.class, () -> CorrectionInput.reason("   ")).field());
        assertEquals("reason", assertThrows(SettingsException.class, () -> CorrectionInput.reason("x".repeat(501))).field());
        assertEquals("pass", assertThrows(SettingsException.class, () -> CorrectionInput.selectedPass(null)).field());
    }

    private static List<List<String>> rows(Sheet sheet) {
        assertNotNull(sheet, "the workbook has the sheet");
        DataFormatter f = new DataFormatter();
        List<List<String>> out = new ArrayList<>();
        for (Row row : sheet) {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < row.getLastCellNum(); i++) {
                Cell c = row.getCell(i);
                cells.add(c == null ? "" : f.formatCellValue(c));
            }
            out.add(cells);
        }
        return out;
    }

    private static Instant local(String text) {
        return LocalDateTime.parse(text).atZone(BERLIN).toInstant();
    }

    private static void pass(DerbyAttendanceStore store, String localTime, Direction d) {
        store.recordAttendance(new AttendanceEvent.PersonRecognized(local(localTime), "gate", "C1", "", d, 0.8f, 0.95f));
    }
}
