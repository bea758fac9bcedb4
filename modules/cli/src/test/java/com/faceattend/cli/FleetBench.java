package com.faceattend.cli;

import com.faceattend.store.DerbyAttendanceStore;
import com.faceattend.store.StoreKeys;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Sets up a central data folder for hand measurements of the station journal (issue 13): the
 * employees {@link StationEventDriver} records passes of. Argument: the central data folder.
 * README/closing note: see the lead's notes for the commands that use it.
 */
public final class FleetBench {
    private FleetBench() {
    }

    public static void main(String[] args) {
        Path db = Path.of(args[0]).resolve("db");
        try (DerbyAttendanceStore store = DerbyAttendanceStore.openEmbedded(db, StoreKeys.forDatabase(db).forOpening())) {
            for (int i = 0; i < StationEventDriver.EMPLOYEES; i++) {
                if (store.findEmployee("E" + i).isEmpty()) {
                    store.addEmployee("E" + i, "Employee " + i, null, Instant.now());
                }
            }
        }
    }
}
