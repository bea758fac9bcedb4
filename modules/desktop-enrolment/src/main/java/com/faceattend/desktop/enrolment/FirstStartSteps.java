package com.faceattend.desktop.enrolment;

import com.faceattend.store.DerbyAttendanceStore;
import com.faceattend.store.Employee;
import com.faceattend.store.ScheduleStore;
import com.faceattend.store.StoreRole;
import com.faceattend.store.WorkShift;
import com.faceattend.suite.SettingsException;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import org.openide.util.NbBundle;

/**
 * What the guided first start stores, step by step, each step one audited change through the same
 * store services as the other windows and the CLI; kept apart from the window so a test drives
 * exactly what it stores. Whether it is over is kept in the database ({@link ScheduleStore#firstStart()}).
 */
@NbBundle.Messages({"# {0} - text", "ERR_FsZone=''{0}'' is not a time zone",
    "FIX_FsZone=choose a region and city such as Europe/Berlin from the list",
    "# {0} - text", "ERR_FsTime=''{0}'' is not a time", "FIX_FsTime=write times as 09:00 or 22:30",
    "ERR_FsEmpty=the field is empty", "FIX_FsEmpty=fill it in",
    "ERR_FsCode=the employee code may contain letters, digits, dot, dash and underscore only (at most 64)",
    "FIX_FsCode=use a code such as E0042"})
final class FirstStartSteps {
    static final String FINISHED = "finished";
    static final String SKIPPED = "skipped";

    private FirstStartSteps() {
    }

    /**
     * Whether to offer the set-up: it never ended (finished or skipped), there is no shift or no
     * employee yet (a database set up before this window existed is left alone), and this account
     * may set things up (an administrator, or no accounts yet).
     */
    static boolean shouldShow(DerbyAttendanceStore store) {
        if (store.role().isPresent() && store.role().get() != StoreRole.ADMIN) {
            return false;
        }
        ScheduleStore s = new ScheduleStore(store);
        return s.firstStart().isEmpty() && (s.listShifts().isEmpty() || store.listEmployees(true).isEmpty());
    }

    static ZoneId zone(String text) {
        try {
            return ZoneId.of(text == null ? "" : text.strip());
        } catch (DateTimeException e) {
            throw new SettingsException("zone", Bundle.ERR_FsZone(text), Bundle.FIX_FsZone());
        }
    }

    /** A shift worked Monday to Friday with 5 minutes' grace; end before start = overnight. */
    static WorkShift shift(String name, String start, String end) {
        return new WorkShift(text("shift", name), time("start", start), time("end", end), 5,
                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
    }

    static String code(String text) {
        String c = text("code", text);
        if (!EmployeeForm.CODE.matcher(c).matches()) {
            throw new SettingsException("code", Bundle.ERR_FsCode(), Bundle.FIX_FsCode());
        }
        return c;
    }

    static String text(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new SettingsException(field, Bundle.ERR_FsEmpty(), Bundle.FIX_FsEmpty());
        }
        return text.strip();
    }

    private static LocalTime time(String field, String text) {
        try {
            return LocalTime.parse(text == null ? "" : text.strip());
        } catch (DateTimeParseException e) {
            throw new SettingsException(field, Bundle.ERR_FsTime(text), Bundle.FIX_FsTime());
        }
    }

    static void saveZone(DerbyAttendanceStore store, ZoneId zone, String actor) {
        new ScheduleStore(store).setOrganisationZone(zone, actor);
    }

    static void saveShift(DerbyAttendanceStore store, WorkShift shift, String actor) {
        new ScheduleStore(store).saveShift(shift, actor);
    }

    /**
     * Adds the first employee (consent recorded now when given), puts them on {@code shiftOrNull}
     * from today, and ends the set-up as finished. Capture of their face follows in its own window.
     */
    static Employee finish(DerbyAttendanceStore store, String code, String name, String department, boolean consent,
                           String shiftOrNull, String actor) {
        Employee e = store.addEmployee(code, name, department == null || department.isBlank() ? null : department.strip(),
                consent ? Instant.now() : null);
        ScheduleStore s = new ScheduleStore(store);
        if (shiftOrNull != null) {
            s.assignToEmployee(shiftOrNull, code, LocalDate.now(s.organisationZone().orElse(ZoneId.systemDefault())), actor);
        }
        s.markFirstStart(FINISHED, actor);
        return e;
    }

    static void skip(DerbyAttendanceStore store, String actor) {
        new ScheduleStore(store).markFirstStart(SKIPPED, actor);
    }
}
