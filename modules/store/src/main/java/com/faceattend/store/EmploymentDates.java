package com.faceattend.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Records when an employee joined and left (schema V9). The attendance rules expect nobody outside
 * these dates. Each change is audited with the old and new dates in the same transaction. Thread-safe.
 */
public final class EmploymentDates {
    private final Database db;

    public EmploymentDates(DerbyAttendanceStore store) {
        this.db = Objects.requireNonNull(store, "store").database();
    }

    /**
     * Sets both dates (null = not recorded, no limit on that side).
     *
     * @throws StoreException if the employee is unknown or the leave date is before the hire date
     */
    public Employee set(String code, LocalDate hire, LocalDate leave, String actor) {
        Objects.requireNonNull(code, "code");
        if (hire != null && leave != null && leave.isBefore(hire)) {
            throw StoreErrors.invalid("the leave date " + leave + " is before the hire date " + hire,
                    "Give a leave date on or after the hire date, or leave it empty.");
        }
        return db.transaction("set the employment dates of '" + code + "'", c -> {
            Employee e = EmployeeSql.require(c, code);
            EmployeeSql.setEmploymentDates(c, e.id(), hire, leave);
            AuditSql.insert(c, Instant.now(), actor, "employment", "code " + code + ": hired " + e.hireDate() + " -> " + hire
                    + ", left " + e.leaveDate() + " -> " + leave);
            return new Employee(e.id(), e.code(), e.name(), e.department(), e.consentRecordedAt(), e.active(), hire, leave);
        });
    }
}
