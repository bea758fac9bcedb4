package com.faceattend.reports.today;

import com.faceattend.reports.ShiftCalendars;
import com.faceattend.reports.rules.AttendanceRules;
import com.faceattend.reports.rules.DayRecord;
import com.faceattend.reports.rules.Punch;
import com.faceattend.reports.rules.ShiftCalendar;
import com.faceattend.store.AlertQuery;
import com.faceattend.store.AlertRecord;
import com.faceattend.store.AlertStore;
import com.faceattend.store.StoreException;
import com.faceattend.spi.Problem;
import com.faceattend.store.AttendanceReader;
import com.faceattend.store.AttendanceRecord;
import com.faceattend.store.DerbyAttendanceStore;
import com.faceattend.store.Employee;
import com.faceattend.store.Holiday;
import com.faceattend.store.ScheduleStore;
import com.faceattend.store.WorkShift;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Computes the {@link TodayOverview} from the attendance database with the same rules, shifts,
 * holidays, corrections and time zone as the reports, so the dashboard and the month's timesheet
 * never disagree about a day. Reads one day's passes: cheap enough to repeat every few seconds.
 *
 * <pre>{@code
 * TodayOverview t = new TodayService(store, Clock.systemUTC()).today();
 * }</pre>
 */
public final class TodayService {
    /** How many of the day's newest passes the overview lists. */
    public static final int LATEST = 15;
    private static final int ALERTS = 20;

    private final DerbyAttendanceStore store;
    private final ScheduleStore schedules;
    private final AttendanceReader reader;
    private final Clock clock;

    public TodayService(DerbyAttendanceStore store, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.schedules = new ScheduleStore(store);
        this.reader = new AttendanceReader(store);
    }

    /**
     * Today in the organisation's time zone (this computer's when none is set), counting the
     * passes up to the clock's now. A holiday is off for everybody, with or without a shift.
     */
    public TodayOverview today() {
        ZoneId zone = schedules.organisationZone().orElse(ZoneId.systemDefault());
        Instant now = clock.instant();
        LocalDate date = LocalDate.ofInstant(now, zone);
        ShiftCalendars calendars = new ShiftCalendars(schedules.listShifts(), schedules.listAssignments());
        Map<LocalDate, String> holidays = new HashMap<>();
        for (Holiday h : schedules.listHolidays(date, date)) {
            holidays.put(h.date(), h.name());
        }
        Map<Long, List<Punch>> punches = new HashMap<>();
        // a night shift's window starts the evening before and ends the morning after
        reader.forEachPass(date.minusDays(1).atStartOfDay(zone).toInstant(), date.plusDays(2).atStartOfDay(zone).toInstant(),
                null, (id, time, direction, manual) -> {
                    if (!time.isAfter(now)) { // as of now: a clock set in the past must not see later passes
                        punches.computeIfAbsent(id, k -> new ArrayList<>()).add(new Punch(time, direction, manual));
                    }
                });

        List<TodayOverview.Person> present = new ArrayList<>();
        List<TodayOverview.Person> late = new ArrayList<>();
        List<TodayOverview.Person> absent = new ArrayList<>();
        List<TodayOverview.Person> expected = new ArrayList<>();
        List<TodayOverview.Person> off = new ArrayList<>();
        List<TodayOverview.Person> unscheduled = new ArrayList<>();
        int[] arrivals = new int[24];
        for (Employee e : store.listEmployees(false)) {
            ShiftCalendar calendar = calendars.calendarFor(e);
            DayRecord day = AttendanceRules.evaluate(punches.getOrDefault(e.id(), List.of()), date, date, calendar,
                    holidays, zone, e::employedOn).get(0);
            TodayOverview.Person p = new TodayOverview.Person(e, day);
            switch (day.status()) {
                case PRESENT -> present.add(p);
                case LATE -> late.add(p);
                case ABSENT -> (notDueYet(calendar.shiftOn(date), date, zone, now) ? expected : absent).add(p);
                case HOLIDAY, DAY_OFF -> (day.firstIn() != null ? present : off).add(p);
                case UNSCHEDULED -> unscheduled.add(p);
                case NOT_EMPLOYED -> { } // not hired yet or left: not part of today
            }
            if (day.firstIn() != null) {
                arrivals[day.firstIn().atZone(zone).getHour()]++;
            }
        }
        Instant dayStart = date.atStartOfDay(zone).toInstant();
        List<AttendanceRecord> passes = store.listAttendance(dayStart, now.plusMillis(1), null);
        Map<String, Instant> stations = new TreeMap<>();
        passes.forEach(r -> stations.merge(r.station(), r.time(), (a, b) -> a.isAfter(b) ? a : b));
        List<AttendanceRecord> latest = new ArrayList<>(passes.subList(Math.max(0, passes.size() - LATEST), passes.size()));
        Collections.reverse(latest);
        List<AlertRecord> alerts = openAlerts();
        return new TodayOverview(date, zone, now, present, late, absent, expected, off, unscheduled, arrivals, latest,
                alerts, stations);
    }

    /**
     * The newest unacknowledged alerts; none for an account whose role may not read alerts (HR):
     * the rest of the day's overview is still theirs to see.
     */
    private List<AlertRecord> openAlerts() {
        try {
            return new AlertStore(store).list(AlertQuery.all().unacknowledged().limit(ALERTS));
        } catch (StoreException e) {
            if (e.kind() != Problem.Kind.REFUSED) {
                throw e;
            }
            return List.of();
        }
    }

    /** Whether the shift of {@code date} has not started yet (grace included): not absent, only not here yet. */
    private static boolean notDueYet(WorkShift shift, LocalDate date, ZoneId zone, Instant now) {
        Instant due = date.atTime(shift.start()).atZone(zone).toInstant().plus(Duration.ofMinutes(shift.graceMinutes()));
        return now.isBefore(due);
    }
}
