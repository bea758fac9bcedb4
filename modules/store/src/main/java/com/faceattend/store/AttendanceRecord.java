package com.faceattend.store;

import com.faceattend.spi.AttendanceEvent;
import java.time.Instant;

/** One recorded pass of a recognised employee, as read back for reports. */
public record AttendanceRecord(long id, String employeeCode, String employeeName, String station, Instant time,
                               AttendanceEvent.Direction direction, float similarity, float liveScore) {
}
