package com.faceattend.desktop.reports;

import com.faceattend.spi.AttendanceEvent.Direction;
import com.faceattend.store.Correction;
import com.faceattend.store.CorrectionStore;
import com.faceattend.store.DerbyAttendanceStore;
import com.faceattend.store.ScheduleStore;
import com.faceattend.suite.SettingsException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import org.openide.util.NbBundle;

/**
 * What the Corrections window's fields mean, checked (the field named, with an example that works),
 * and the two changes it makes, through the same {@link CorrectionStore} as the CLI's
 * {@code attendance correct}: kept apart from the window so a test drives exactly what it stores.
 */
@NbBundle.Messages({"ERR_Reason=a correction needs a reason",
    "FIX_Reason=say why, e.g. \"forgot to check out, confirmed by the manager\"",
    "# {0} - longest", "ERR_ReasonLong=the reason is longer than {0} characters", "FIX_ReasonLong=shorten the reason",
    "ERR_NoPass=no pass is selected", "FIX_NoPass=select the wrong pass in the list of the day's passes first"})
final class CorrectionInput {
    /** As the store's column allows. */
    static final int MAX_REASON = 500;

    private CorrectionInput() {
    }

    static String reason(String text) {
        if (text == null || text.isBlank()) {
            throw new SettingsException("reason", Bundle.ERR_Reason(), Bundle.FIX_Reason());
        }
        if (text.strip().length() > MAX_REASON) {
            throw new SettingsException("reason", Bundle.ERR_ReasonLong(MAX_REASON), Bundle.FIX_ReasonLong());
        }
        return text.strip();
    }

    static long selectedPass(Long id) {
        if (id == null) {
            throw new SettingsException("pass", Bundle.ERR_NoPass(), Bundle.FIX_NoPass());
        }
        return id;
    }

    /** The site's zone, as the reports use it: date and time typed in the window are local to it. */
    static ZoneId zone(DerbyAttendanceStore store) {
        return new ScheduleStore(store).organisationZone().orElse(ZoneId.systemDefault());
    }

    /** Adds the pass someone forgot (typically the check-out), at {@code date time} in the site's zone. */
    static Correction addPass(DerbyAttendanceStore store, String code, LocalDate date, LocalTime time, Direction direction,
                              String reason, String actor) {
        return new CorrectionStore(store).addPass(code, date.atTime(time).atZone(zone(store)).toInstant(), direction,
                reason, actor);
    }

    /** Makes a wrong camera pass not count; the pass itself stays recorded. */
    static Correction voidPass(DerbyAttendanceStore store, long eventId, String reason, String actor) {
        return new CorrectionStore(store).voidEvent(eventId, reason, actor);
    }
}
