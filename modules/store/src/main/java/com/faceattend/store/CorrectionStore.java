package com.faceattend.store;

import com.faceattend.spi.Problem;
import com.faceattend.spi.AttendanceEvent.Direction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Administrators' manual corrections of attendance: add a forgotten pass, or void a wrong camera
 * pass. Additive only: camera events are never changed or deleted; each correction is its own row
 * with reason and actor, and is written to the audit log in the same transaction. Thread-safe.
 */
public final class CorrectionStore {
    static final int MAX_REASON = 500;
    private static final int MAX_ACTOR = 128;

    private final Database db;

    public CorrectionStore(DerbyAttendanceStore store) {
        this.db = Objects.requireNonNull(store, "store").database();
    }

    /**
     * Adds a manual pass, e.g. the check-out an employee forgot.
     *
     * @throws StoreException if the employee is unknown or the reason or actor is missing
     */
    public Correction addPass(String employeeCode, Instant time, Direction direction, String reason, String actor) {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(direction, "direction");
        checkReasonAndActor(reason, actor);
        return db.transaction("add a manual pass for '" + employeeCode + "'", c -> {
            Employee e = EmployeeSql.require(c, employeeCode);
            Instant now = Instant.now();
            long id = insert(c, e.id(), "ADD", time, direction, null, reason, actor, now);
            AuditSql.insert(c, now, actor, "correct-add", "code " + employeeCode + ", " + direction + " at " + time
                    + ", correction " + id + ", reason: " + reason);
            return new Correction(id, employeeCode, Correction.Kind.ADD, time, direction, null, reason, actor, now);
        });
    }

    /**
     * Makes a camera pass not count (a misrecognition, a double pass). The event stays in the database.
     *
     * @throws StoreException if there is no such event, or it is voided already
     */
    public Correction voidEvent(long eventId, String reason, String actor) {
        checkReasonAndActor(reason, actor);
        return db.transaction("void attendance event " + eventId, c -> {
            String code;
            long employeeId;
            Instant time;
            Direction direction;
            try (PreparedStatement ps = c.prepareStatement("SELECT a.employee_id, e.code, a.event_time, a.direction "
                    + "FROM attendance_event a JOIN employee e ON e.id = a.employee_id WHERE a.id = ?")) {
                ps.setLong(1, eventId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new StoreException(Problem.Kind.NOT_FOUND, "no attendance event with id " + eventId,
                                "Check the event id in the list of attendance events.");
                    }
                    employeeId = rs.getLong(1);
                    code = rs.getString(2);
                    time = UtcTime.get(rs, "event_time");
                    direction = Direction.valueOf(rs.getString(4));
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM attendance_correction WHERE voided_event_id = ?")) {
                ps.setLong(1, eventId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        throw new StoreException(Problem.Kind.REFUSED, "attendance event " + eventId + " is already voided (correction "
                                + rs.getLong(1) + ")", "Nothing to do.");
                    }
                }
            }
            Instant now = Instant.now();
            long id = insert(c, employeeId, "VOID", null, null, eventId, reason, actor, now);
            AuditSql.insert(c, now, actor, "correct-void", "code " + code + ", event " + eventId + " (" + direction
                    + " at " + time + "), correction " + id + ", reason: " + reason);
            return new Correction(id, code, Correction.Kind.VOID, time, direction, eventId, reason, actor, now);
        });
    }

    /**
     * Corrections made for passes in {@code [from, to)} (added passes by their time, voids by the
     * voided event's time), oldest first; all employees or only {@code employeeCodeOrNull}.
     */
    public List<Correction> list(Instant from, Instant to, String employeeCodeOrNull) {
        return db.transaction("list corrections", c -> {
            Long only = employeeCodeOrNull == null ? null : EmployeeSql.require(c, employeeCodeOrNull).id();
            String sql = "SELECT c.id, e.code, c.kind, c.event_time, c.direction, c.voided_event_id, c.reason, "
                    + "c.actor, c.created_at, a.event_time AS voided_time, a.direction AS voided_direction "
                    + "FROM attendance_correction c JOIN employee e ON e.id = c.employee_id "
                    + "LEFT JOIN attendance_event a ON a.id = c.voided_event_id "
                    + "WHERE ((c.kind = 'ADD' AND c.event_time >= ? AND c.event_time < ?) "
                    + "OR (c.kind = 'VOID' AND a.event_time >= ? AND a.event_time < ?))"
                    + (only == null ? "" : " AND c.employee_id = ?");
            List<Correction> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                UtcTime.set(ps, 1, from);
                UtcTime.set(ps, 2, to);
                UtcTime.set(ps, 3, from);
                UtcTime.set(ps, 4, to);
                if (only != null) {
                    ps.setLong(5, only);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Correction.Kind kind = Correction.Kind.valueOf(rs.getString("kind"));
                        boolean add = kind == Correction.Kind.ADD;
                        long voided = rs.getLong("voided_event_id");
                        Long voidedId = rs.wasNull() ? null : voided;
                        out.add(new Correction(rs.getLong("id"), rs.getString("code"), kind,
                                UtcTime.get(rs, add ? "event_time" : "voided_time"),
                                Direction.valueOf(rs.getString(add ? "direction" : "voided_direction")), voidedId,
                                rs.getString("reason"), rs.getString("actor"), UtcTime.get(rs, "created_at")));
                    }
                }
            }
            out.sort(java.util.Comparator.comparing(Correction::time).thenComparingLong(Correction::id));
            return out;
        });
    }

    private static void checkReasonAndActor(String reason, String actor) {
        if (reason == null || reason.isBlank()) {
            throw new StoreException(Problem.Kind.BAD_VALUE, "a correction needs a reason", "Say why, e.g. \"forgot to check out, confirmed by manager\".");
        }
        if (reason.length() > MAX_REASON) {
            throw new StoreException(Problem.Kind.BAD_VALUE, "the reason is longer than " + MAX_REASON + " characters", "Shorten the reason.");
        }
        if (actor == null || actor.isBlank() || actor.length() > MAX_ACTOR) {
            throw new StoreException(Problem.Kind.BAD_VALUE, "a correction needs the administrator's name (at most " + MAX_ACTOR + " characters)",
                    "Give who makes the correction.");
        }
    }

    private static long insert(Connection c, long employeeId, String kind, Instant time, Direction direction,
                               Long voidedEventId, String reason, String actor, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO attendance_correction (employee_id, kind, event_time, "
                + "direction, voided_event_id, reason, actor, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, employeeId);
            ps.setString(2, kind);
            UtcTime.set(ps, 3, time);
            ps.setString(4, direction == null ? null : direction.name());
            if (voidedEventId == null) {
                ps.setNull(5, java.sql.Types.BIGINT);
            } else {
                ps.setLong(5, voidedEventId);
            }
            ps.setString(6, reason.strip());
            ps.setString(7, actor);
            UtcTime.set(ps, 8, now);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }
}
