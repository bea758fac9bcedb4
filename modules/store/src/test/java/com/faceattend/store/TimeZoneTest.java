package com.faceattend.store;

import static com.faceattend.store.StoreTestSupport.addConsented;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.faceattend.spi.AttendanceEvent;
import com.faceattend.store.testdb.StoreEngine;
import java.time.Instant;
import java.util.List;
import java.util.TimeZone;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Times must mean the same instant whatever zone the writing and reading JVMs run in. */
@ParameterizedClass(name = "{0}")
@EnumSource(StoreEngine.class)
class TimeZoneTest extends OnEveryEngine {
    private TimeZone original;

    @BeforeEach
    void remember() {
        original = TimeZone.getDefault();
    }

    @AfterEach
    void restore() {
        TimeZone.setDefault(original);
    }

    /** The rows of a one-column query, as text. */
    private List<String> query(String sql) throws java.sql.SQLException {
        List<String> out = new java.util.ArrayList<>();
        try (java.sql.Connection c = db.connect(); java.sql.Statement s = c.createStatement(); java.sql.ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    @Test
    void storesUtcAndReadsTheSameInstantsInAnyZone() throws Exception {
        // 01:30 UTC on the day New York leaves daylight saving time: a local-time column would be ambiguous
        Instant pass = Instant.parse("2025-11-02T06:30:00.123456789Z");
        Instant kept = pass.truncatedTo(java.time.temporal.ChronoUnit.MICROS); // every engine keeps microseconds
        Instant consent = Instant.parse("2025-03-30T01:30:00Z"); // inside Europe's spring-forward gap

        TimeZone.setDefault(TimeZone.getTimeZone("America/New_York"));
        try (DerbyAttendanceStore store = db.open()) {
            store.addEmployee("E1", "Ann", null, consent);
            store.recordAttendance(new AttendanceEvent.PersonRecognized(pass, "gate", "E1", "Ann",
                    AttendanceEvent.Direction.IN, 0.7f, 0.9f));
        }

        // the column holds UTC wall-clock time, readable as such by any SQL tool
        assertEquals(List.of("2025-11-02 06:30:00.123456"),
                query("SELECT CAST(event_time AS VARCHAR(40)) FROM attendance_event"));

        TimeZone.setDefault(TimeZone.getTimeZone("Europe/Berlin"));
        try (DerbyAttendanceStore store = db.open()) {
            assertEquals(consent, store.requireEmployee("E1").consentRecordedAt());
            List<AttendanceRecord> found = store.listAttendance(kept, kept.plusNanos(1000), null);
            assertEquals(1, found.size(), "range queries bind UTC too");
            assertEquals(kept, found.get(0).time());
            assertEquals(kept, store.lastAttendance("E1", kept).orElseThrow().time());
        }

        TimeZone.setDefault(TimeZone.getTimeZone("Asia/Kolkata"));
        try (DerbyAttendanceStore store = db.open()) {
            assertEquals(kept, store.listAttendance(pass.minusSeconds(1), pass.plusSeconds(1), "E1").get(0).time());
        }
    }

    @Test
    void everyTimestampColumnIsFilledInUtc() throws Exception {
        TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati")); // UTC+14
        Instant before = Instant.now().minusSeconds(1);
        try (DerbyAttendanceStore store = db.open()) {
            addConsented(store, "E1");
        }
        Instant after = Instant.now().plusSeconds(1);
        String created = query("SELECT CAST(created_at AS VARCHAR(40)) FROM employee").get(0);
        Instant createdUtc = Instant.parse(created.replace(' ', 'T') + "Z");
        org.junit.jupiter.api.Assertions.assertTrue(!createdUtc.isBefore(before) && !createdUtc.isAfter(after),
                "created_at " + created + " should be UTC now, between " + before + " and " + after);
    }
}
