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

    /**
     * A person deleted at another desk may still be recognised here until the change reaches this
     * station's gallery (within seconds): their pass cannot be kept, and must not stop the station.
     */
    private void record(AttendanceEvent.PersonRecognized p) {
        try {
            store.recordAttendance(p);
        } catch (com.faceattend.store.StoreException e) {
            if (e.kind() != com.faceattend.spi.Problem.Kind.NOT_FOUND) {
                throw e;
            }
            java.util.logging.Logger.getLogger(StoreRecorder.class.getName()).warning(() -> "pass of '" + p.employeeCode()
                    + "' at " + p.station() + " not recorded: they are no longer enrolled (deleted meanwhile)");
        }
    }

    @Override
    public void onEvent(AttendanceEvent event) {
        switch (event) {
            case AttendanceEvent.PersonRecognized p -> record(p);
            case AttendanceEvent.StrangerSeen s -> { } // stored with its alert by StationAlerts
            case AttendanceEvent.SpoofSuspected s -> store.audit("station:" + s.station(), "spoof-suspected",
                    "claimed employee " + s.claimedEmployeeCode() + ", live score " + s.liveScore());
        }
    }
}
