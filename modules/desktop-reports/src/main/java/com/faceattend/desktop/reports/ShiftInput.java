package com.faceattend.desktop.reports;

import com.faceattend.suite.SettingsException;
import com.faceattend.store.WorkShift;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Set;
import org.openide.util.NbBundle;

/**
 * What the Shifts and holidays window's fields mean, checked: each value that cannot be read is
 * refused with the field named and an example of what works. Kept apart from the window so a test
 * can prove that what is typed there is what the reports use.
 */
@NbBundle.Messages({"# {0} - text", "ERR_Time=''{0}'' is not a time", "FIX_Time=write times as 09:00 or 22:30",
    "# {0} - text", "ERR_Grace=''{0}'' is not a number of minutes", "FIX_Grace=write the grace period in whole minutes, 0 to 240",
    "# {0} - text", "ERR_Zone=''{0}'' is not a time zone", "FIX_Zone=write a region and city such as Europe/Berlin or America/New_York",
    "ERR_Text=the field is empty", "FIX_Text=fill it in"})
final class ShiftInput {
    private ShiftInput() {
    }

    static WorkShift shift(String name, String start, String end, String grace, Set<DayOfWeek> days) {
        int minutes;
        try {
            minutes = Integer.parseInt(grace.strip());
        } catch (NumberFormatException e) {
            throw new SettingsException("grace", Bundle.ERR_Grace(grace), Bundle.FIX_Grace());
        }
        return new WorkShift(name.strip(), time("start", start), time("end", end), minutes, days);
    }

    static LocalTime time(String field, String text) {
        try {
            return LocalTime.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new SettingsException(field, Bundle.ERR_Time(text), Bundle.FIX_Time());
        }
    }

    static LocalDate date(String field, String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new SettingsException(field, Bundle.ERR_Date(text), Bundle.FIX_Date());
        }
    }

    static ZoneId zone(String text) {
        try {
            return ZoneId.of(text.strip());
        } catch (java.time.DateTimeException e) {
            throw new SettingsException("zone", Bundle.ERR_Zone(text), Bundle.FIX_Zone());
        }
    }

    static String text(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new SettingsException(field, Bundle.ERR_Text(), Bundle.FIX_Text());
        }
        return text.strip();
    }
}
