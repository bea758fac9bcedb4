package com.faceattend.desktop.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.faceattend.reports.AttendanceReport;
import com.faceattend.reports.CancellationToken;
import com.faceattend.reports.ProgressListener;
import com.faceattend.reports.ReportRequest;
import com.faceattend.reports.ReportService;
import com.faceattend.reports.rules.DayRecord;
import com.faceattend.spi.AttendanceEvent;
import com.faceattend.spi.AttendanceEvent.Direction;
import com.faceattend.store.DerbyAttendanceStore;
import com.faceattend.store.ScheduleStore;
import com.faceattend.store.WorkShift;
import com.faceattend.suite.SettingsException;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What is typed into the Shifts and holidays window is what the reports use: a night shift typed
 * as 22:00 to 06:00 with its time zone and a holiday, saved to a real Derby database the way the
 * window saves them, gives the night's 8 hours to the evening it started, and the holiday is off.
 */
class ShiftInputReportTest {
    @TempDir
    Path dir;

    @Test
    void aNightShiftTypedInTheWindowIsTheOneTheReportUses() {
        try (DerbyAttendanceStore store = DerbyAttendanceStore.openEmbedded(dir.resolve("db"))) {
            store.addEmployee("N1", "Nia Night", "Plant", Instant.parse("2026-01-01T00:00:00Z"));
            ScheduleStore s = new ScheduleStore(store);
            ZoneId zone = ShiftInput.zone(" Europe/Berlin ");
            s.setOrganisationZone(zone, "test");
            WorkShift night = ShiftInput.shift(" night ", "22:00", " 06:00", "10", EnumSet.allOf(DayOfWeek.class));
            s.saveShift(night, "test");
            s.assignToDepartment(ShiftInput.text("shift", "night"), ShiftInput.text("who", "Plant"),
                    ShiftInput.date("from", "2026-03-01"), "test");
            s.addHoliday(ShiftInput.date("date", "2026-03-12"), ShiftInput.text("name", "Plant closed"), "test");
            pass(store, zone, "2026-03-10T21:58", Direction.IN);
            pass(store, zone, "2026-03-11T06:02", Direction.OUT);

            AttendanceReport r = new ReportService(store).build(new ReportRequest(LocalDate.of(2026, 3, 10),
                    LocalDate.of(2026, 3, 12), null), ProgressListener.NONE, CancellationToken.none());
            var days = r.timesheets().get(0).days();
            DayRecord tenth = days.get(0);
            assertEquals("night", tenth.shiftName());
            assertTrue(night.crossesMidnight());
            assertEquals(8 * 60 + 4, tenth.workedMinutes(), "21:58 to 06:02 belongs to the evening of the 10th");
            assertEquals(8 * 60, tenth.scheduledMinutes());
            assertEquals(com.faceattend.reports.rules.DayStatus.ABSENT, days.get(1).status());
            assertEquals(com.faceattend.reports.rules.DayStatus.HOLIDAY, days.get(2).status());
        }
    }

    @Test
    void badFieldsAreRefusedNamingTheField() {
        assertEquals("start", assertThrows(SettingsException.class,
                () -> ShiftInput.shift("day", "9 o'clock", "17:00", "5", EnumSet.of(DayOfWeek.MONDAY))).field());
        assertEquals("grace", assertThrows(SettingsException.class,
                () -> ShiftInput.shift("day", "09:00", "17:00", "five", EnumSet.of(DayOfWeek.MONDAY))).field());
        assertEquals("zone", assertThrows(SettingsException.class, () -> ShiftInput.zone("Berlin")).field());
        assertEquals("date", assertThrows(SettingsException.class, () -> ShiftInput.date("date", "12.03.2026")).field());
        assertEquals("who", assertThrows(SettingsException.class, () -> ShiftInput.text("who", "  ")).field());
    }

    private static void pass(DerbyAttendanceStore store, ZoneId zone, String local, Direction d) {
        store.recordAttendance(new AttendanceEvent.PersonRecognized(LocalDateTime.parse(local).atZone(zone).toInstant(),
                "gate", "N1", "", d, 0.8f, 0.95f));
    }
}
