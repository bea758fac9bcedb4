package com.faceattend.store;

import com.faceattend.spi.Problem;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Work shifts, who works which shift, holidays and the organisation's time zone, kept in the
 * attendance database. Every change is audited under the given actor. Thread-safe.
 *
 * <pre>{@code
 * ScheduleStore schedules = new ScheduleStore(store);
 * schedules.saveShift(new WorkShift("day", LocalTime.of(9, 0), LocalTime.of(17, 0), 5, EnumSet.range(MONDAY, FRIDAY)), "admin");
 * schedules.assignToDepartment("day", "R&D", LocalDate.of(2026, 1, 1), "admin");
 * }</pre>
 */
public final class ScheduleStore {
    private static final String TIME_ZONE_KEY = "time_zone";
    private static final String ORGANISATION_NAME_KEY = "organisation_name";
    private static final String FIRST_START_KEY = "first_start";
    /** Fits a page header line; well inside the setting column. */
    private static final int MAX_ORGANISATION_NAME = 120;
    private static final int MAX_HOLIDAY_NAME = 200;

    private final Database db;

    public ScheduleStore(DerbyAttendanceStore store) {
        this.db = Objects.requireNonNull(store, "store").database();
    }

    // ---------------------------------------------------------------- shifts

    /** Adds a shift, or replaces the times, grace and days of the shift with the same name. */
    public void saveShift(WorkShift shift, String actor) {
        Objects.requireNonNull(shift, "shift");
        db.transaction("save shift '" + shift.name() + "'", c -> {
            boolean exists = findShiftId(c, shift.name()) != null;
            String sql = exists
                    ? "UPDATE work_shift SET start_time = ?, end_time = ?, grace_minutes = ?, work_days = ? WHERE name = ?"
                    : "INSERT INTO work_shift (start_time, end_time, grace_minutes, work_days, name, created_at) "
                      + "VALUES (?, ?, ?, ?, ?, ?)";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setTime(1, Time.valueOf(shift.start()));
                ps.setTime(2, Time.valueOf(shift.end()));
                ps.setInt(3, shift.graceMinutes());
                ps.setString(4, shift.workDayDigits());
                ps.setString(5, shift.name());
                if (!exists) {
                    UtcTime.set(ps, 6, Instant.now());
                }
                ps.executeUpdate();
            }
            AuditSql.insert(c, Instant.now(), actor, exists ? "change-shift" : "add-shift", "shift " + shift.name()
                    + " " + shift.start() + "-" + shift.end() + ", grace " + shift.graceMinutes() + " min, days "
                    + shift.workDayDigits());
            return null;
        });
    }

    /** All shifts, ordered by name. */
    public List<WorkShift> listShifts() {
        return db.transaction("list shifts", c -> {
            List<WorkShift> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT name, start_time, end_time, grace_minutes, work_days FROM work_shift ORDER BY name");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new WorkShift(rs.getString(1), rs.getTime(2).toLocalTime(), rs.getTime(3).toLocalTime(),
                            rs.getInt(4), WorkShift.parseDigits(rs.getString(5))));
                }
            }
            return out;
        });
    }

    // ---------------------------------------------------------------- assignments

    /** From {@code validFrom} on, everyone in {@code department} works {@code shiftName} (unless assigned personally). */
    public void assignToDepartment(String shiftName, String department, LocalDate validFrom, String actor) {
        Objects.requireNonNull(validFrom, "validFrom");
        if (department == null || department.isBlank()) {
            throw new StoreException(Problem.Kind.BAD_VALUE, "the department is empty", "Give a department name.");
        }
        db.transaction("assign shift '" + shiftName + "' to department '" + department + "'", c -> {
            long shift = requireShift(c, shiftName);
            if (!departmentExists(c, department)) {
                throw unknownDepartment(c, department);
            }
            insertAssignment(c, shift, department, null, validFrom);
            AuditSql.insert(c, Instant.now(), actor, "assign-shift",
                    "shift " + shiftName + " for department " + department + " from " + validFrom);
            return null;
        });
    }

    /** From {@code validFrom} on, the employee works {@code shiftName}, whatever their department works. */
    public void assignToEmployee(String shiftName, String employeeCode, LocalDate validFrom, String actor) {
        Objects.requireNonNull(validFrom, "validFrom");
        db.transaction("assign shift '" + shiftName + "' to '" + employeeCode + "'", c -> {
            long shift = requireShift(c, shiftName);
            Employee e = EmployeeSql.require(c, employeeCode);
            insertAssignment(c, shift, null, e.id(), validFrom);
            AuditSql.insert(c, Instant.now(), actor, "assign-shift",
                    "shift " + shiftName + " for employee " + employeeCode + " from " + validFrom);
            return null;
        });
    }

    /** All assignments, by department or employee, then date. */
    public List<ShiftAssignment> listAssignments() {
        return db.transaction("list shift assignments", c -> {
            List<ShiftAssignment> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT s.name, a.department, e.code, a.valid_from "
                    + "FROM shift_assignment a JOIN work_shift s ON s.id = a.shift_id "
                    + "LEFT JOIN employee e ON e.id = a.employee_id ORDER BY a.department, e.code, a.valid_from, a.id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new ShiftAssignment(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getDate(4).toLocalDate()));
                }
            }
            return out;
        });
    }

    // ---------------------------------------------------------------- departments

    /** The departments employees belong to, sorted. */
    public List<String> departments() {
        return db.transaction("list departments", ScheduleStore::departments);
    }

    /**
     * @throws StoreException "no department 'X'" naming the known ones, when no employee is in it
     */
    public void requireDepartment(String department) {
        db.transaction("look up department '" + department + "'", c -> {
            if (!departmentExists(c, department)) {
                throw unknownDepartment(c, department);
            }
            return null;
        });
    }

    private static List<String> departments(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT DISTINCT department FROM employee WHERE department IS NOT NULL ORDER BY department");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static boolean departmentExists(Connection c, String department) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM employee WHERE department = ?")) {
            ps.setString(1, department);
            ps.setMaxRows(1);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static StoreException unknownDepartment(Connection c, String department) throws SQLException {
        List<String> known = departments(c);
        return new StoreException(Problem.Kind.NOT_FOUND, "no employee is in department '" + department + "'",
                known.isEmpty() ? "No employee has a department yet; give employees a department first."
                        : "Known departments: " + String.join(", ", known) + " (names are case-sensitive).");
    }

    // ---------------------------------------------------------------- holidays

    /** Adds a holiday, or renames the one on that date. */
    public void addHoliday(LocalDate date, String name, String actor) {
        Objects.requireNonNull(date, "date");
        if (name == null || name.isBlank() || name.length() > MAX_HOLIDAY_NAME) {
            throw new StoreException(Problem.Kind.BAD_VALUE, "the holiday name is empty or longer than " + MAX_HOLIDAY_NAME + " characters",
                    "Give a short name such as 'New Year'.");
        }
        db.transaction("add holiday " + date, c -> {
            try (PreparedStatement del = c.prepareStatement("DELETE FROM holiday WHERE holiday_date = ?");
                 PreparedStatement ins = c.prepareStatement("INSERT INTO holiday (holiday_date, name) VALUES (?, ?)")) {
                del.setDate(1, Date.valueOf(date));
                del.executeUpdate();
                ins.setDate(1, Date.valueOf(date));
                ins.setString(2, name);
                ins.executeUpdate();
            }
            AuditSql.insert(c, Instant.now(), actor, "add-holiday", date + " " + name);
            return null;
        });
    }

    /** Removes the holiday on {@code date}; false when there was none. */
    public boolean removeHoliday(LocalDate date, String actor) {
        Objects.requireNonNull(date, "date");
        return db.transaction("remove holiday " + date, c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM holiday WHERE holiday_date = ?")) {
                ps.setDate(1, Date.valueOf(date));
                if (ps.executeUpdate() == 0) {
                    return false;
                }
            }
            AuditSql.insert(c, Instant.now(), actor, "remove-holiday", date.toString());
            return true;
        });
    }

    /** Holidays with {@code from <= date <= to}, by date. */
    public List<Holiday> listHolidays(LocalDate from, LocalDate to) {
        return db.transaction("list holidays", c -> {
            List<Holiday> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT holiday_date, name FROM holiday WHERE holiday_date >= ? AND holiday_date <= ? ORDER BY holiday_date")) {
                ps.setDate(1, Date.valueOf(from));
                ps.setDate(2, Date.valueOf(to));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Holiday(rs.getDate(1).toLocalDate(), rs.getString(2)));
                    }
                }
            }
            return out;
        });
    }

    // ---------------------------------------------------------------- time zone

    /** The organisation's time zone, if one was set; reports fall back to the computer's zone. */
    public Optional<ZoneId> organisationZone() {
        Optional<String> stored = orgSetting(TIME_ZONE_KEY, "the organisation time zone");
        try {
            return stored.map(ZoneId::of);
        } catch (DateTimeException e) {
            throw new StoreException("the stored organisation time zone '" + stored.get()
                    + "' is not known to this Java", "Set the organisation time zone again.", e);
        }
    }

    /** Sets the time zone that shift times, holidays and report dates are read in. */
    public void setOrganisationZone(ZoneId zone, String actor) {
        Objects.requireNonNull(zone, "zone");
        setOrgSetting(TIME_ZONE_KEY, zone.getId(), "the organisation time zone", "set-time-zone", actor);
    }

    // ---------------------------------------------------------------- organisation name

    /** The organisation's name as reports print it at the top of every page, if one was set. */
    public Optional<String> organisationName() {
        return orgSetting(ORGANISATION_NAME_KEY, "the organisation name");
    }

    /** Sets the organisation name that printed reports (xlsx headers, PDF pages) carry. */
    public void setOrganisationName(String name, String actor) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty() || clean.length() > MAX_ORGANISATION_NAME || clean.chars().anyMatch(Character::isISOControl)) {
            throw StoreErrors.invalid("the organisation name must be 1 to " + MAX_ORGANISATION_NAME
                    + " characters on one line", "Give the name as it should appear on printed reports.");
        }
        setOrgSetting(ORGANISATION_NAME_KEY, clean, "the organisation name", "set-organisation-name", actor);
    }

    // ---------------------------------------------------------------- first start

    /**
     * How the desktop's guided first start ended ("finished" or "skipped"), or empty while it has
     * not: kept in the database so a second computer on the same data does not ask again.
     */
    public Optional<String> firstStart() {
        return orgSetting(FIRST_START_KEY, "the first-start state");
    }

    /** Records that the guided first start is over ({@code how}: "finished" or "skipped"), audited. */
    public void markFirstStart(String how, String actor) {
        setOrgSetting(FIRST_START_KEY, Objects.requireNonNull(how, "how"), "the first-start state", "first-start", actor);
    }

    private Optional<String> orgSetting(String key, String what) {
        return db.transaction("read " + what, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT setting_value FROM org_setting WHERE setting_key = ?")) {
                ps.setString(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    /** Replaces one organisation setting and audits it, in one transaction. */
    private void setOrgSetting(String key, String value, String what, String auditAction, String actor) {
        db.transaction("set " + what, c -> {
            try (PreparedStatement del = c.prepareStatement("DELETE FROM org_setting WHERE setting_key = ?");
                 PreparedStatement ins = c.prepareStatement(
                         "INSERT INTO org_setting (setting_key, setting_value) VALUES (?, ?)")) {
                del.setString(1, key);
                del.executeUpdate();
                ins.setString(1, key);
                ins.setString(2, value);
                ins.executeUpdate();
            }
            AuditSql.insert(c, Instant.now(), actor, auditAction, value);
            return null;
        });
    }

    // ---------------------------------------------------------------- helpers

    private static Long findShiftId(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM work_shift WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    private static long requireShift(Connection c, String name) throws SQLException {
        Long id = name == null ? null : findShiftId(c, name);
        if (id == null) {
            throw new StoreException(Problem.Kind.NOT_FOUND, "no shift called '" + name + "'",
                    "Check the name against the list of shifts, or add the shift first.");
        }
        return id;
    }

    private static void insertAssignment(Connection c, long shift, String department, Long employeeId, LocalDate from)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO shift_assignment (shift_id, department, employee_id, "
                + "valid_from, created_at) VALUES (?, ?, ?, ?, ?)")) {
            ps.setLong(1, shift);
            ps.setString(2, department);
            if (employeeId == null) {
                ps.setNull(3, java.sql.Types.BIGINT);
            } else {
                ps.setLong(3, employeeId);
            }
            ps.setDate(4, Date.valueOf(from));
            UtcTime.set(ps, 5, Instant.now());
            ps.executeUpdate();
        }
    }
}
