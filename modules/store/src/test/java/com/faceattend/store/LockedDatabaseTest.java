package com.faceattend.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database folder held by another process must give a clear message, and be free once it
 * closes. Embedded Derby only: servers have no folder lock.
 */
class LockedDatabaseTest {
    @TempDir
    Path tmp;

    @Test
    void secondProcessGetsAClearMessageAndCanOpenAfterTheFirstCloses() throws Exception {
        Path dir = tmp.resolve("data/db");
        Path workDir = Files.createDirectories(tmp.resolve("where-the-user-ran-it"));
        String java = ProcessHandle.current().info().command().orElse(
                Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Process child = new ProcessBuilder(java, "-Xmx128m", "-cp", System.getProperty("java.class.path"),
                HoldStoreOpen.class.getName(), dir.toString())
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            String first = CompletableFuture.supplyAsync(() -> readUntilMarker(out)).get(90, TimeUnit.SECONDS);
            assertEquals("OPEN", first, "the child process should have opened the store");

            StoreException e = assertThrows(StoreException.class, () -> DerbyAttendanceStore.openEmbedded(dir));
            assertEquals("the database at " + dir.toAbsolutePath()
                    + " is in use by another FaceAttend process (pid unknown)", e.getMessage());
            assertEquals("Close the other instance, or run several stations against a Derby network server (see README).",
                    e.fix());

            child.getOutputStream().close(); // lets the child close its store and exit
            assertTrue(child.waitFor(90, TimeUnit.SECONDS), "child exits after closing");
            assertEquals(0, child.exitValue());
            assertEquals("CLOSED", readUntilMarker(out));
        } finally {
            child.destroyForcibly();
        }

        // a clean close released the lock: this process may open it now and sees the child's data
        try (DerbyAttendanceStore store = DerbyAttendanceStore.openEmbedded(dir)) {
            assertEquals(List.of("CHILD"), store.listEmployees(true).stream().map(Employee::code).toList());
        }
        // the child's derby.log went next to the database, not into its working directory
        assertFalse(Files.exists(workDir.resolve("derby.log")), "no stray derby.log where the command ran");
        assertTrue(Files.exists(dir.getParent().resolve("derby.log")), "derby.log next to the database folder");
    }

    /** The next line that is one of our markers; other lines (JVM warnings) are skipped. */
    private static String readUntilMarker(BufferedReader out) {
        try {
            for (String line; (line = out.readLine()) != null; ) {
                if (line.equals("OPEN") || line.equals("CLOSED") || line.startsWith("FAILED")) {
                    return line;
                }
            }
            return "EOF";
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
