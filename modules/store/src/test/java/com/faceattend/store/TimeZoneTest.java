package com.faceattend.store;

import static com.faceattend.store.StoreTestSupport.addConsented;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.faceattend.spi.AttendanceEvent;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.TimeZone;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Times must mean the same instant whatever zone the writing and reading JVMs run in. */
class TimeZoneTest {
    @TempDir
    Path tmp;
    private TimeZone original;

    @BeforeEach
    void remember() {
        original = TimeZone.getDefault();
    }

    @AfterEach
    void restore() {
        TimeZone.setDefault(original);
    }

    @Test
    void storesUtcAndReadsTheSameInstantsInAnyZone() throws Exception {
        Path dir = tmp.resolve("db");
        // 01:30 UTC on the day New York leaves daylight saving time: a local-time column would be ambiguous
        Instant pass = Instant.parse("2025-11-02T06:30:00.123456789Z");
        Instant consent = Instant.parse("2025-03-30T01:30:00Z"); // inside Europe's spring-forward gap

        TimeZone.setDefault(TimeZone.getTimeZone("America/New_York"));
        try (DerbyAttendanceStore store = DerbyAttendanceStore.openEmbedded(dir)) {
            store.addEmployee("E1", "Ann", null, consent);
            store.recordAttendance(new AttendanceEvent.PersonRecognized(pass, "gate", "E1", "Ann",
                    AttendanceEvent.Direction.IN, 0.7f, 0.9f));
        }

        // the column holds UTC wall-clock time, readable as such by any SQL tool
        assertEquals(List.of("2025-11-02 06:30:00.123456789"),
                MigrationAndPersistenceTest.query(dir, "SELECT CAST(event_time AS VARCHAR(40)) FROM attendance_event"));

        TimeZone.setDefault(TimeZone.getTimeZone("Europe/Berlin"));
        try (DerbyAttendanceStore store = DerbyAttendanceStore.openEmbedded(dir)) {
            assertEquals(consent, store.requireEmployee("E1").consentRecordedAt());
            List<AttendanceRecord> found = store.listAttendance(pass, pass.plusNanos(1), null);
            assertEquals(1, found.size(), "range queries bind UTC too");
            assertEquals(pass, found.get(0).time());
            assertEquals(pass, store.lastAttendance("E1", pass).orElseThrow().time());
        }

        TimeZone.setDefault(TimeZone.getTimeZone("Asia/Kolkata"));
        try (DerbyAttendanceStore store = DerbyAttendanceStore.openEmbedded(dir)) {
            assertEquals(pass, store.listAttendance(pass.minusSeconds(1), pass.plusSeconds(1), "E1").get(0).time());
        }
    }

    @Test
    void everyTimestampColumnIsFilledInUtc() throws Exception {
        Path dir = tmp.resolve("db");
        TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati")); // UTC+14
        Instant before = Instant.now().minusSeconds(1);
        try (DerbyAttendanceStore store = DerbyAttendanceStore.openEmbedded(dir)) {
            addConsented(store, "E1");
        }
        Instant after = Instant.now().plusSeconds(1);
        String created = MigrationAndPersistenceTest.query(dir, "SELECT CAST(created_at AS VARCHAR(40)) FROM employee").get(0);
        Instant createdUtc = Instant.parse(created.replace(' ', 'T') + "Z");
        org.junit.jupiter.api.Assertions.assertTrue(!createdUtc.isBefore(before) && !createdUtc.isAfter(after),
                "created_at " + created + " should be UTC now, between " + before + " and " + after);
    }
}
