package com.faceattend.store;

import com.faceattend.spi.AttendanceEvent.Direction;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Reads the passes that count for attendance rules and reports: camera passes not voided by a
 * correction, plus manual passes added by one. Streams rows to a visitor so a year of a large
 * organisation never sits in memory as a list.
 */
public final class AttendanceReader {
    /** Receives passes ordered by employee id, then time. May throw to stop early. */
    @FunctionalInterface
    public interface PassVisitor {
        void pass(long employeeId, Instant time, Direction direction, boolean manual);
    }

    // rows per round trip to a network server; embedded Derby streams regardless
    private static final int FETCH_SIZE = 2_000;

    private final DerbyAttendanceStore store;
    private final Database db;

    public AttendanceReader(DerbyAttendanceStore store) {
        this.store = Objects.requireNonNull(store, "store");
        this.db = store.database();
    }

    /** Employees (active or not) of {@code departmentOrNull}, or all, ordered by code. */
    public List<Employee> employees(String departmentOrNull) {
        return store.listEmployees(true).stream()
                .filter(e -> departmentOrNull == null || departmentOrNull.equals(e.department()))
                .toList();
    }

    /**
     * Visits every counting pass with {@code from <= time < to} of employees in
     * {@code departmentOrNull} (all when null), ordered by employee id and time.
     *
     * @return how many passes were visited
     */
    public long forEachPass(Instant from, Instant to, String departmentOrNull, PassVisitor visitor) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(visitor, "visitor");
        String department = departmentOrNull == null ? "" : " AND e.department = ?";
        String sql = "SELECT a.employee_id, a.event_time, a.direction, 0 AS manual FROM attendance_event a "
                + "JOIN employee e ON e.id = a.employee_id WHERE a.event_time >= ? AND a.event_time < ?" + department
                + " AND NOT EXISTS (SELECT 1 FROM attendance_correction v WHERE v.voided_event_id = a.id) "
                + "UNION ALL SELECT c.employee_id, c.event_time, c.direction, 1 AS manual FROM attendance_correction c "
                + "JOIN employee e ON e.id = c.employee_id WHERE c.kind = 'ADD' AND c.event_time >= ? AND c.event_time < ?"
                + department + " ORDER BY 1, 2, 4";
        return db.transaction("read attendance for a report", c -> {
            try (PreparedStatement ps = c.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
                int i = 1;
                for (int part = 0; part < 2; part++) {
                    UtcTime.set(ps, i++, from);
                    UtcTime.set(ps, i++, to);
                    if (departmentOrNull != null) {
                        ps.setString(i++, departmentOrNull);
                    }
                }
                ps.setFetchSize(FETCH_SIZE);
                long n = 0;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        visitor.pass(rs.getLong(1), UtcTime.get(rs, "event_time"), Direction.valueOf(rs.getString(3)),
                                rs.getInt(4) == 1);
                        n++;
                    }
                }
                return n;
            }
        });
    }
}
