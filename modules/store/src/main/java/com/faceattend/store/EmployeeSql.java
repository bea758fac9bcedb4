package com.faceattend.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** SQL for the EMPLOYEE table. Runs inside the caller's transaction. */
final class EmployeeSql {
    private static final String COLUMNS = "id, code, name, department, consent_recorded_at, active, hire_date, leave_date";

    private EmployeeSql() {
    }

    static Optional<Employee> find(Connection c, String code) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM employee WHERE code = ?")) {
            ps.setString(1, code);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    static Employee require(Connection c, String code) throws SQLException {
        return find(c, code).orElseThrow(() -> StoreErrors.unknownEmployee(code));
    }

    /** Inserts and returns the new employee; a duplicate code fails with SQLState 23505. */
    static Employee insert(Connection c, String code, String name, String department, Instant consent, Instant now)
            throws SQLException {
        String sql = "INSERT INTO employee (code, name, department, consent_recorded_at, active, created_at) "
                + "VALUES (?, ?, ?, ?, TRUE, ?)";
        try (PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, code);
            ps.setString(2, name);
            ps.setString(3, department);
            UtcTime.set(ps, 4, consent);
            UtcTime.set(ps, 5, now);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return new Employee(keys.getLong(1), code, name, department, consent, true);
            }
        }
    }

    static List<Employee> list(Connection c, boolean includeInactive) throws SQLException {
        String sql = "SELECT " + COLUMNS + " FROM employee" + (includeInactive ? "" : " WHERE active = TRUE")
                + " ORDER BY code";
        List<Employee> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(read(rs));
            }
        }
        return out;
    }

    static void setConsent(Connection c, long id, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE employee SET consent_recorded_at = ? WHERE id = ?")) {
            UtcTime.set(ps, 1, at);
            ps.setLong(2, id);
            ps.executeUpdate();
        }
    }

    static void rename(Connection c, long id, String name, String department) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE employee SET name = ?, department = ? WHERE id = ?")) {
            ps.setString(1, name);
            ps.setString(2, department);
            ps.setLong(3, id);
            ps.executeUpdate();
        }
    }

    static void setActive(Connection c, long id, boolean active) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE employee SET active = ? WHERE id = ?")) {
            ps.setBoolean(1, active);
            ps.setLong(2, id);
            ps.executeUpdate();
        }
    }

    static void delete(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM employee WHERE id = ?")) {
            ps.setLong(1, id);
            ps.executeUpdate();
        }
    }

    private static Employee read(ResultSet rs) throws SQLException {
        return new Employee(rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getString("department"),
                UtcTime.get(rs, "consent_recorded_at"), rs.getBoolean("active"), date(rs, "hire_date"),
                date(rs, "leave_date"));
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        java.sql.Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }

    static void setEmploymentDates(Connection c, long id, LocalDate hire, LocalDate leave) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE employee SET hire_date = ?, leave_date = ? WHERE id = ?")) {
            setDate(ps, 1, hire);
            setDate(ps, 2, leave);
            ps.setLong(3, id);
            ps.executeUpdate();
        }
    }

    private static void setDate(PreparedStatement ps, int index, LocalDate date) throws SQLException {
        if (date == null) {
            ps.setNull(index, java.sql.Types.DATE);
        } else {
            ps.setDate(index, java.sql.Date.valueOf(date));
        }
    }
}
