package com.faceattend.store;

import java.nio.file.Path;

/**
 * A separate JVM for the crash tests to kill with {@code kill -9} at chosen moments. Prints a line
 * when it reaches the moment, then waits to be killed.
 * <ul>
 *   <li>{@code open DIR}: opens (creating) the store, prints OPENED, closes it;</li>
 *   <li>{@code erase DIR CODE}: commits the deletion of an employee, prints ERASED, waits (the
 *       scrub that would follow never runs).</li>
 * </ul>
 */
public final class StoreChild {
    private StoreChild() {
    }

    /** The boot secret of the database a {@code serve} child serves. */
    static final BootSecret SERVER_SECRET = BootSecret.password("child-server-boot-secret", "the test's passphrase");

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[1]);
        switch (args[0]) {
            case "open" -> {
                try (DerbyAttendanceStore store = DerbyAttendanceStore.openEmbedded(dir)) {
                    System.out.println("OPENED " + store.countAttendance());
                }
            }
            case "erase" -> {
                DerbyAttendanceStore store = DerbyAttendanceStore.openEmbedded(dir);
                store.eraseEmployeeRows(args[2], "crash-test");
                System.out.println("ERASED");
                System.out.flush();
                Thread.sleep(600_000);
            }
            case "serve" -> { // serve DIR SECRETS PORT [plain|tls] [bind]
                BootSecret secret = SERVER_SECRET;
                try (SecureNetworkServer server = SecureNetworkServer.start(dir, secret, Path.of(args[2]),
                        java.net.InetAddress.getByName(args.length > 5 ? args[5] : "127.0.0.1"), Integer.parseInt(args[3]),
                        "plain".equals(args[4]))) {
                    System.out.println("SERVING");
                    System.out.flush();
                    Thread.sleep(600_000);
                } catch (StoreException e) {
                    System.out.println("REFUSED: " + e.getMessage());
                }
            }
            default -> throw new IllegalArgumentException(args[0]);
        }
    }
}
