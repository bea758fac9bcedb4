package com.faceattend.reports.today;

import com.faceattend.reports.rules.DayRecord;
import com.faceattend.store.AlertRecord;
import com.faceattend.store.AttendanceRecord;
import com.faceattend.store.Employee;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * Who is in today, as of {@code asOf}: every active employee in exactly one of the lists, the
 * arrivals by hour, the latest passes and the open alerts. Built by {@link TodayService}.
 *
 * @param present        attended, on time or without a shift
 * @param late           attended, first check-in after the shift's start plus grace
 * @param absent         a work day of their shift, the start plus grace has passed, no pass
 * @param expected       a work day of their shift that has not started yet (plus grace), no pass so far
 * @param off            a holiday or not a day of their shift (no leave records exist: this is "on leave" for now)
 * @param unscheduled    no shift assigned and no pass today
 * @param arrivalsByHour first check-ins per local hour of the day, index 0..23
 * @param latestPasses   the newest passes of the day across stations, newest first (camera passes as recorded)
 * @param openAlerts     unacknowledged stranger and spoof alerts, newest first
 * @param stationLastSeen each station that recorded a pass today, with its newest pass
 */
public record TodayOverview(LocalDate date, ZoneId zone, Instant asOf, List<Person> present, List<Person> late,
                            List<Person> absent, List<Person> expected, List<Person> off, List<Person> unscheduled,
                            int[] arrivalsByHour, List<AttendanceRecord> latestPasses, List<AlertRecord> openAlerts,
                            Map<String, Instant> stationLastSeen) {

    /** One employee and the rules' view of their day so far. */
    public record Person(Employee employee, DayRecord day) {
    }

    public TodayOverview {
        present = List.copyOf(present);
        late = List.copyOf(late);
        absent = List.copyOf(absent);
        expected = List.copyOf(expected);
        off = List.copyOf(off);
        unscheduled = List.copyOf(unscheduled);
        arrivalsByHour = arrivalsByHour.clone();
        latestPasses = List.copyOf(latestPasses);
        openAlerts = List.copyOf(openAlerts);
        stationLastSeen = Map.copyOf(stationLastSeen);
    }

    /** How many are in: present plus late. */
    public int attending() {
        return present.size() + late.size();
    }
}
