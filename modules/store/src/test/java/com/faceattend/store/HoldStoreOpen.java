package com.faceattend.store;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Test helper run in a second JVM: opens the store at args[0], adds employee "CHILD", prints
 * "OPEN", then keeps the database open until its standard input closes, closes the store and
 * prints "CLOSED".
 */
public final class HoldStoreOpen {
    private HoldStoreOpen() {
    }

    public static void main(String[] args) throws IOException {
        try (DerbyAttendanceStore store = DerbyAttendanceStore.openEmbedded(Path.of(args[0]))) {
            store.addEmployee("CHILD", "Opened by the other process", null, null);
            System.out.println("OPEN");
            System.out.flush();
            while (System.in.read() >= 0) {
                // wait for the parent to close our stdin
            }
        } catch (StoreException e) {
            System.out.println("FAILED " + e.getMessage() + " / " + e.fix());
            System.exit(2);
        }
        System.out.println("CLOSED");
    }
}
