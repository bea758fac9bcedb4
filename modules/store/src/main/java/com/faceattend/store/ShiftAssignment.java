package com.faceattend.store;

import java.time.LocalDate;

/**
 * Who works {@code shiftName} from {@code validFrom} on: a whole department ({@code employeeCode}
 * null) or one employee ({@code department} null). An employee's own assignment wins over their
 * department's; of several, the latest {@code validFrom} not after the day applies.
 */
public record ShiftAssignment(String shiftName, String department, String employeeCode, LocalDate validFrom) {
    /** Whether this assignment names one employee rather than a department. */
    public boolean isPersonal() {
        return employeeCode != null;
    }
}
