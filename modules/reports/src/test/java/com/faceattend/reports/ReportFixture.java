package com.faceattend.reports;

import com.faceattend.spi.AttendanceEvent;
import com.faceattend.spi.AttendanceEvent.Direction;
import com.faceattend.store.CorrectionStore;
import com.faceattend.store.DerbyAttendanceStore;
import com.faceattend.store.ScheduleStore;
import com.faceattend.store.WorkShift;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;

/**
 * A small organisation's March 2026 in a real database (Europe/Berlin), with answers worked
 * out by hand:
 * <ul>
 * <li>A1 (Office, day 09:00–17:00, grace 5): every work day 08:55–17:05 (490 min), except Monday
 *     2 March 09:06–17:05 (479 min, 6 late). 21 work days (22 weekdays less the 6 March holiday):
 *     10,279 worked minutes, 200 overtime.</li>
 * <li>A2 (Office): 2 Mar 09:00–17:00; 3 Mar 09:00 + manual OUT 17:30 (correction); 4 Mar 09:00–17:00
 *     plus a false IN at 17:02 that an administrator voids; 5 Mar 09:00 without check-out (flagged);
 *     absent the other 17 work days.</li>
 * <li>N1 (Plant, personal night shift 22:00–06:00 every day, grace 0): only 28 Mar 22:00 – 29 Mar
 *     06:00 over the DST change (420 min); the 6 March holiday; absent the other 29 days.</li>
 * <li>P2 (Plant, no shift, a Cyrillic name): 10 Mar 07:00–15:00 (480 min, unscheduled).</li>
 * </ul>
 */
final class ReportFixture {
    static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    static final LocalDate HOLIDAY = LocalDate.of(2026, 3, 6);
    static final int A1_WORKED = 20 * 490 + 479;
    static final int A2_WORKED = 480 + 510 + 480;
    /** A non-Latin name: exports must print it as written (fonts embedded, UTF-8 throughout). */
    public static final String P2_NAME = "Пётр Свободный";

    private ReportFixture() {
    }

    static DerbyAttendanceStore create(Path dir) {
        return fill(DerbyAttendanceStore.openEmbedded(dir));
    }

    /** Fills an empty store (on any engine) with the organisation's March, and returns it. */
    static DerbyAttendanceStore fill(DerbyAttendanceStore store) {
        Instant consent = Instant.parse("2026-01-01T00:00:00Z");
        store.addEmployee("A1", "Ada One", "Office", consent);
        store.addEmployee("A2", "Abe Two", "Office", consent);
        store.addEmployee("N1", "Nia Night", "Plant", consent);
        store.addEmployee("P2", P2_NAME, "Plant", consent);
        ScheduleStore s = new ScheduleStore(store);
        s.setOrganisationZone(ZONE, "hr");
        s.saveShift(new WorkShift("day", LocalTime.of(9, 0), LocalTime.of(17, 0), 5,
                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY)), "hr");
        s.saveShift(new WorkShift("night", LocalTime.of(22, 0), LocalTime.of(6, 0), 0, EnumSet.allOf(DayOfWeek.class)), "hr");
        s.assignToDepartment("day", "Office", LocalDate.of(2026, 1, 1), "hr");
        s.assignToEmployee("night", "N1", LocalDate.of(2026, 1, 1), "hr");
        s.addHoliday(HOLIDAY, "Company day", "hr");

        for (LocalDate d = LocalDate.of(2026, 3, 1); d.getMonthValue() == 3; d = d.plusDays(1)) {
            if (d.getDayOfWeek().getValue() <= 5 && !d.equals(HOLIDAY)) {
                pass(store, "A1", d.atTime(d.getDayOfMonth() == 2 ? LocalTime.of(9, 6) : LocalTime.of(8, 55)), Direction.IN);
                pass(store, "A1", d.atTime(17, 5), Direction.OUT);
            }
        }
        pass(store, "A2", LocalDateTime.of(2026, 3, 2, 9, 0), Direction.IN);
        pass(store, "A2", LocalDateTime.of(2026, 3, 2, 17, 0), Direction.OUT);
        pass(store, "A2", LocalDateTime.of(2026, 3, 3, 9, 0), Direction.IN);
        pass(store, "A2", LocalDateTime.of(2026, 3, 4, 9, 0), Direction.IN);
        pass(store, "A2", LocalDateTime.of(2026, 3, 4, 17, 0), Direction.OUT);
        pass(store, "A2", LocalDateTime.of(2026, 3, 4, 17, 2), Direction.IN);
        pass(store, "A2", LocalDateTime.of(2026, 3, 5, 9, 0), Direction.IN);
        pass(store, "N1", LocalDateTime.of(2026, 3, 28, 22, 0), Direction.IN);
        pass(store, "N1", LocalDateTime.of(2026, 3, 29, 6, 0), Direction.OUT);
        pass(store, "P2", LocalDateTime.of(2026, 3, 10, 7, 0), Direction.IN);
        pass(store, "P2", LocalDateTime.of(2026, 3, 10, 15, 0), Direction.OUT);

        CorrectionStore corrections = new CorrectionStore(store);
        corrections.addPass("A2", at(LocalDateTime.of(2026, 3, 3, 17, 30)), Direction.OUT,
                "forgot to check out; confirmed by team lead", "hr-anna");
        long falseIn = store.listAttendance(at(LocalDateTime.of(2026, 3, 4, 17, 2)),
                at(LocalDateTime.of(2026, 3, 4, 17, 3)), "A2").get(0).id();
        corrections.voidEvent(falseIn, "camera saw A2 walking past the door", "hr-anna");
        return store;
    }

    static Instant at(LocalDateTime local) {
        return local.atZone(ZONE).toInstant();
    }

    private static void pass(DerbyAttendanceStore store, String code, LocalDateTime local, Direction d) {
        store.recordAttendance(new AttendanceEvent.PersonRecognized(at(local), "main door", code, "", d, 0.8f, 0.95f));
    }
}
