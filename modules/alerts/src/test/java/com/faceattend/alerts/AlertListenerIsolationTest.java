package com.faceattend.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.faceattend.spi.AttendanceEvent;
import com.faceattend.spi.Embedding;
import com.faceattend.store.AlertQuery;
import com.faceattend.store.DerbyAttendanceStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One broken alert listener (a desktop panel that throws) must neither stop the alert reaching the
 * listeners after it nor reach the station that raised it; the alert is stored either way.
 */
class AlertListenerIsolationTest {
    private static final Instant T0 = Instant.parse("2026-11-16T08:00:00Z");

    @Test
    void aThrowingListenerDoesNotStopTheOthersOrTheStation(@TempDir Path dir) {
        try (DerbyAttendanceStore db = DerbyAttendanceStore.openEmbedded(dir.resolve("db"))) {
            AlertService service = new AlertService(db, AlertSettings.defaults(), null, new AlertServiceTest.MutableClock(T0));
            List<String> heard = new ArrayList<>();
            service.addListener(a -> heard.add("first " + a.record().kind()));
            service.addListener(a -> {
                throw new IllegalStateException("panel disposed");
            });
            service.addListener(a -> heard.add("third " + a.record().kind()));

            StationAlerts station = service.forStation();
            // returns normally: the station thread never sees the panel's failure
            station.onEvent(new AttendanceEvent.StrangerSeen(T0, "Front door", 0.1f,
                    Embedding.normalised("m@1", new float[] {1, 0, 0})));
            station.onEvent(new AttendanceEvent.SpoofSuspected(T0.plusSeconds(5), "Front door", "E1", 0.02f));

            assertEquals(List.of("first STRANGER", "third STRANGER", "first SPOOF", "third SPOOF"), heard);
            assertEquals(2, service.list(AlertQuery.all()).size(), "both alerts stored");
        }
    }
}
