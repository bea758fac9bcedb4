package com.faceattend.reports.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.faceattend.reports.AttendanceReport;
import com.faceattend.reports.ReportRequest;
import com.faceattend.reports.ReportService;
import com.faceattend.spi.AttendanceEvent;
import com.faceattend.store.DerbyAttendanceStore;
import com.faceattend.store.testdb.StoreEngine;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Issue 18, item 9: names and departments that a spreadsheet would run as formulas are written as text. */
class CsvInjectionTest {
    private static final List<String> HOSTILE = List.of("=HYPERLINK(\"http://x\",\"click\")", "+1+cmd|' /C calc'!A0",
            "-2+3", "@SUM(1,1)", "\tsneaky", "\r=1+1");

    @TempDir
    Path tmp;

    /** The hostile text goes through the database (embedded Derby, Derby network server, PostgreSQL) unchanged. */
    @ParameterizedTest(name = "{0}")
    @EnumSource(StoreEngine.class)
    void formulaLikeNamesAndDepartmentsReachTheCsvAsText(StoreEngine engine) throws Exception {
        Path csvFile = tmp.resolve("march.csv");
        try (StoreEngine.TestDatabase db = engine.fresh(tmp); DerbyAttendanceStore store = db.open()) {
            Instant consent = Instant.parse("2026-01-01T00:00:00Z");
            for (int i = 0; i < HOSTILE.size(); i++) {
                String code = i == 0 ? "=1+2" : "E" + i;
                store.addEmployee(code, HOSTILE.get(i), HOSTILE.get((i + 1) % HOSTILE.size()), consent);
                store.recordAttendance(new AttendanceEvent.PersonRecognized(Instant.parse("2026-03-02T08:00:00Z"), "gate",
                        code, "x", AttendanceEvent.Direction.IN, 0.8f, 0.9f));
            }
            AttendanceReport report = new ReportService(store).build(ReportRequest.month(2026, 3, null), null, null);
            CsvExporter.export(report, csvFile, null, null);
        }
        List<CSVRecord> rows;
        try (Reader r = Files.newBufferedReader(csvFile, StandardCharsets.UTF_8)) {
            rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
        }
        assertFalse(rows.isEmpty());
        Set<String> names = new java.util.HashSet<>();
        for (CSVRecord row : rows) {
            for (String cell : row) {
                assertFalse(!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0,
                        () -> "a cell a spreadsheet would evaluate: " + cell);
            }
            names.add(row.get("employee_name"));
        }
        // the value is kept, only made inert
        assertTrue(names.contains("'=HYPERLINK(\"http://x\",\"click\")"), names::toString);
        assertEquals("'=1+2", rows.stream().filter(r -> r.get("employee_name").startsWith("'=HYPER")).findFirst()
                .orElseThrow().get("employee_code"));
    }

    @Test
    void ordinaryTextIsUntouched() {
        assertEquals("Ada One", CsvExporter.text("Ada One"));
        assertEquals("R&D", CsvExporter.text("R&D"));
        assertEquals("", CsvExporter.text(""));
        assertEquals("'-5", CsvExporter.text("-5"));
    }
}
