package com.faceattend.suite;

import com.faceattend.spi.AttendanceEvent;
import com.faceattend.spi.AttendanceListener;
import com.faceattend.store.DerbyAttendanceStore;
import java.time.Duration;

/**
 * Writes a station's decisions to the database: attendance, strangers (their embedding kept only
 * for {@code strangerRetention}, to group repeat visits), and suspected spoofs in the audit log.
 */
public final class StoreRecorder implements AttendanceListener {
    private final DerbyAttendanceStore store;
    /** Null when the station's alert recorder stores stranger sightings (with their alert, in one transaction). */
    private final Duration strangerRetention;

    public StoreRecorder(DerbyAttendanceStore store, Duration strangerRetention) {
        this.store = store;
        this.strangerRetention = java.util.Objects.requireNonNull(strangerRetention, "strangerRetention");
    }

    private StoreRecorder(DerbyAttendanceStore store) {
        this.store = store;
        this.strangerRetention = null;
    }

    /**
     * A recorder for a station that also has a {@code StationAlerts}: that one stores each stranger
     * sighting together with its alert in one transaction, so this one leaves strangers to it.
     */
    public static StoreRecorder besideAlerts(DerbyAttendanceStore store) {
        return new StoreRecorder(store);
    }

    @Override
    public void onEvent(AttendanceEvent event) {
        switch (event) {
            case AttendanceEvent.PersonRecognized p -> store.recordAttendance(p);
            case AttendanceEvent.StrangerSeen s -> {
                if (strangerRetention != null) {
                    store.recordStranger(s, s.time().plus(strangerRetention));
                }
            }
            case AttendanceEvent.SpoofSuspected s -> store.audit("station:" + s.station(), "spoof-suspected",
                    "claimed employee " + s.claimedEmployeeCode() + ", live score " + s.liveScore());
        }
    }
}
