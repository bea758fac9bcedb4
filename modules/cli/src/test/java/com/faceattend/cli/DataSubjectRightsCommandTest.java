package com.faceattend.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.faceattend.spi.AttendanceEvent;
import com.faceattend.spi.Embedding;
import com.faceattend.store.DerbyAttendanceStore;
import com.faceattend.store.EmploymentDates;
import com.faceattend.store.StoreKeys;
import com.faceattend.store.TemplateToSave;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code employees export}, {@code employees delete} with its erasure receipt, {@code employees erasures}, {@code employees retention}. */
class DataSubjectRightsCommandTest {
    @TempDir
    Path tmp;

    @Test
    void exportDeleteWithReceiptAndRetention() throws Exception {
        Path data = tmp.resolve("data");
        Path db = data.resolve("db");
        float[] v = new float[128];
        for (int i = 0; i < v.length; i++) {
            v[i] = 1000f + i * 0.37f;
        }
        try (DerbyAttendanceStore store = DerbyAttendanceStore.openEmbedded(db, StoreKeys.forDatabase(db).forOpening())) {
            store.addEmployee("DS1", "Dana Subject", "HR", Instant.parse("2025-01-10T09:00:00Z"));
            store.addTemplates("DS1", List.of(new TemplateToSave(new Embedding("m@1", v), 0.9f)), "op");
            store.recordAttendance(new AttendanceEvent.PersonRecognized(Instant.now().minusSeconds(3600), "gate", "DS1", "x",
                    AttendanceEvent.Direction.IN, 0.8f, 0.9f));
            new EmploymentDates(store).set("DS1", LocalDate.of(2024, 3, 1), LocalDate.of(2026, 12, 31), "op");
        }
        Cli.Result export = Cli.run(data, "employees", "export", "DS1");
        assertEquals(ExitCode.OK, export.exitCode(), export.toString());
        JsonNode json = export.json();
        assertEquals("Dana Subject", json.at("/employee/name").asText());
        assertEquals(1, json.at("/faceTemplates/0/count").asInt());
        assertEquals("m@1", json.at("/faceTemplates/0/model").asText());
        assertEquals(1, json.at("/attendance").size());
        assertEquals("2024-03-01", json.at("/employee/hireDate").asText());
        assertEquals("2026-12-31", json.at("/employee/leaveDate").asText());
        assertFalse(export.out().contains("1000.0") || export.out().contains("1000.37"), "no template values: " + export.out());

        Path file = tmp.resolve("out/ds1.json");
        assertEquals(ExitCode.OK, Cli.run(data, "employees", "export", "DS1", "-o", file.toString()).exitCode());
        assertTrue(Files.readString(file).contains("Dana Subject"));

        Cli.Result delete = Cli.run(data, "employees", "delete", "DS1", "--yes");
        assertEquals(ExitCode.OK, delete.exitCode(), delete.toString());
        String receipt = delete.out().replaceAll("(?s).*erasure receipt (\\S+) .*", "$1");
        Cli.Result erasures = Cli.run(data, "employees", "erasures");
        assertEquals(ExitCode.OK, erasures.exitCode(), erasures.toString());
        assertTrue(erasures.out().startsWith(receipt + "  "), erasures.toString());
        assertTrue(erasures.out().contains("1 templates, 1 events  signature ok"), erasures.toString());
        assertFalse(erasures.out().contains("DS1") || erasures.out().contains("Dana"), "no personal data in the record");

        assertTrue(Cli.run(data, "employees", "retention").out().startsWith("attendance passes are kept until deleted (no retention set"));
        assertEquals("attendance passes are kept 365 days", Cli.run(data, "employees", "retention", "365").out().strip());
        Cli.Result bad = Cli.run(data, "employees", "retention", "0");
        assertEquals(ExitCode.USAGE, bad.exitCode(), bad.toString());
        assertTrue(bad.err().contains("the attendance retention must be 1 to 36500 days, not 0"), bad.toString());
    }
}
