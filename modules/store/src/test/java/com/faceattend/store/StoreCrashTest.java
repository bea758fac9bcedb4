package com.faceattend.store;

import static com.faceattend.store.StoreTestSupport.MODEL;
import static com.faceattend.store.StoreTestSupport.addConsented;
import static com.faceattend.store.StoreTestSupport.distinctive;
import static com.faceattend.store.StoreTestSupport.filesContaining;
import static com.faceattend.store.StoreTestSupport.needleOf;
import static com.faceattend.store.StoreTestSupport.template;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18, items 4 and 6: real processes killed with SIGKILL (kill -9) at the worst moments of an
 * erasure and of the first start; the next open must finish the job. Embedded Derby only: the
 * crash is the process that owns the database files.
 */
class StoreCrashTest {
    @TempDir
    Path tmp;

    @Test
    void erasureKilledBeforeTheScrubIsFinishedAtTheNextOpen() throws Exception {
        Path dir = tmp.resolve("db");
        float[] doomed = distinctive(512, 1818.0f);
        float[] kept = distinctive(512, -2929.0f);
        try (DerbyAttendanceStore store = DerbyAttendanceStore.openEmbedded(dir)) {
            addConsented(store, "GONE");
            addConsented(store, "STAYS");
            store.addTemplates("GONE", List.of(template(MODEL, doomed, 0.9f)), "op");
            store.addTemplates("STAYS", List.of(template(MODEL, kept, 0.9f)), "op");
        }
        Path log = tmp.resolve("erase.out");
        Process child = ChildJvm.start(log, "erase", dir.toString(), "GONE");
        assertTrue(ChildJvm.awaitLine(child, log, "ERASED", 120), () -> "the child never erased: " + read(log));
        ChildJvm.kill9(child);
        // the window the issue found: the row is gone, its bytes are still in the files
        assertFalse(filesContaining(dir, needleOf(doomed)).isEmpty(),
                "precondition: killed between delete and scrub, the template bytes are still on disk");

        try (DerbyAttendanceStore store = DerbyAttendanceStore.openEmbedded(dir)) {
            assertTrue(store.findEmployee("GONE").isEmpty(), "the deletion was committed before the kill");
            assertEquals(List.of("STAYS"), store.loadTemplates(MODEL).stream().map(StoredTemplate::employeeCode).toList());
        }
        assertEquals(List.of(), filesContaining(dir, needleOf(doomed)),
                "the next open must finish the pending scrub: no byte of the deleted template may remain");
        assertFalse(filesContaining(dir, needleOf(kept)).isEmpty(), "the other employee's template survived");
    }

    @Test
    void firstStartKilledAtRandomMomentsNeverLeavesAnUnusableDatabase() throws Exception {
        Random random = new Random(18);
        int kills = 0;
        for (int round = 0; round < 4; round++) {
            Path dir = tmp.resolve("first-" + round);
            Path log = tmp.resolve("first-" + round + ".out");
            Process child = ChildJvm.start(log, "open", dir.toString());
            // wait until Derby has begun writing the folder, then kill somewhere in the creation
            long deadline = System.nanoTime() + 120_000_000_000L;
            while (!Files.exists(dir) && child.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            Thread.sleep(random.nextInt(1500));
            if (child.isAlive()) {
                kills++;
            }
            ChildJvm.kill9(child);
            try (DerbyAttendanceStore store = DerbyAttendanceStore.openEmbedded(dir)) {
                addConsented(store, "E" + round);
                assertEquals(1, store.listEmployees(true).size(), "the database works after the kill in round " + round);
            }
        }
        System.out.println("StoreCrashTest: first start killed " + kills + " times, every database opened afterwards");
        assertTrue(kills > 0, "no child was still starting when killed: the test proved nothing");
    }

    @Test
    void aFolderWithForeignFilesIsNotTakenForAnUnfinishedDatabase() throws Exception {
        Path dir = tmp.resolve("other");
        Files.createDirectories(dir.resolve("seg0"));
        Files.writeString(dir.resolve("notes.txt"), "not Derby's");
        assertFalse(EmbeddedDatabases.isUnfinishedCreation(dir));
        Files.delete(dir.resolve("notes.txt"));
        assertTrue(EmbeddedDatabases.isUnfinishedCreation(dir));
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }
}
