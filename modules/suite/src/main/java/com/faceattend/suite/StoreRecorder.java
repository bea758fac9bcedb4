package com.faceattend.suite;

import com.faceattend.spi.AttendanceEvent;
import com.faceattend.spi.AttendanceListener;
import com.faceattend.store.DerbyAttendanceStore;

/**
 * Writes a station's decisions to the database: attendance, and suspected spoofs in the audit log.
 * Strangers are not recorded here: the station's {@code StationAlerts} stores each sighting together
 * with its alert in one transaction.
 */
public final class StoreRecorder implements AttendanceListener {
    private final DerbyAttendanceStore store;

    private StoreRecorder(DerbyAttendanceStore store) {
        this.store = store;
    }

    /** A recorder for a station whose {@code StationAlerts} stores the stranger sightings. */
    public static StoreRecorder besideAlerts(DerbyAttendanceStore store) {
        return new StoreRecorder(store);
    }

    @Override
    public void onEvent(AttendanceEvent event) {
        switch (event) {
            case AttendanceEvent.PersonRecognized p -> store.recordAttendance(p);
            case AttendanceEvent.StrangerSeen s -> { } // stored with its alert by StationAlerts
            case AttendanceEvent.SpoofSuspected s -> store.audit("station:" + s.station(), "spoof-suspected",
                    "claimed employee " + s.claimedEmployeeCode() + ", live score " + s.liveScore());
        }
    }
}
