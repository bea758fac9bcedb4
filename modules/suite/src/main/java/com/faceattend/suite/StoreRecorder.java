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
    private final Duration strangerRetention;

    public StoreRecorder(DerbyAttendanceStore store, Duration strangerRetention) {
        this.store = store;
        this.strangerRetention = strangerRetention;
    }

    @Override
    public void onEvent(AttendanceEvent event) {
        switch (event) {
            case AttendanceEvent.PersonRecognized p -> store.recordAttendance(p);
            case AttendanceEvent.StrangerSeen s -> store.recordStranger(s, s.time().plus(strangerRetention));
            case AttendanceEvent.SpoofSuspected s -> store.audit("station:" + s.station(), "spoof-suspected",
                    "claimed employee " + s.claimedEmployeeCode() + ", live score " + s.liveScore());
        }
    }
}
