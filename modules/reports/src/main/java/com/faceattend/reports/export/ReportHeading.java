package com.faceattend.reports.export;

import com.faceattend.reports.AttendanceReport;
import java.time.LocalDateTime;

/**
 * What every printed page of an export says about itself: the organisation, the period (and
 * department), and when the report was generated.
 *
 * @param organisation shown top left; {@value #DEFAULT_ORGANISATION} when the caller names none
 */
record ReportHeading(String organisation, String period, String generated) {
    /** Used when no organisation name was set (the store's organisation setting, empty on a new site). */
    static final String DEFAULT_ORGANISATION = "FaceAttend";

    ReportHeading(AttendanceReport report, String organisation) {
        this(organisation == null || organisation.isBlank() ? DEFAULT_ORGANISATION : organisation.strip(),
                report.request().from() + " to " + report.request().to() + ", "
                        + (report.request().department() == null ? "all departments" : report.request().department()),
                "Generated " + LocalDateTime.ofInstant(report.generatedAt(), report.zone()).withNano(0).withSecond(0)
                        .toString().replace('T', ' ') + " (" + report.zone().getId() + ")");
    }
}
