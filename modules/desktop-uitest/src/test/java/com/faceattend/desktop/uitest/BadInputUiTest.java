package com.faceattend.desktop.uitest;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.faceattend.store.DerbyAttendanceStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input in the real window: each problem must show a dialog that says what happened and what
 * to do, without a stack trace, and the suite must keep running. (A missing camera is met in
 * {@link DesktopSuiteUiTest}: Getting started's capture window finds no webcam on a build machine.)
 */
class BadInputUiTest {
    @TempDir
    Path tmp;

    /** The data folder's database is held by another process (this test). */
    @Test
    void databaseLockedByAnotherInstanceGivesADialogNotACrash() throws Exception {
        SuiteProcess.requireBuilt();
        Path data = tmp.resolve("data");
        Path shots = SuiteProcess.screenshots();
        try (DerbyAttendanceStore otherInstance = DerbyAttendanceStore.openEmbedded(data.resolve("db"));
                VirtualDisplay display = VirtualDisplay.start(tmp.resolve("xvfb.log"))) {
            SuiteProcess suite = SuiteProcess.launch(display, tmp, data, "--station-source",
                    SuiteProcess.video().resolve("short_hamilton_clip.mp4").toString(), "--start-station");
            try {
                String shown = suite.waitForLog(Pattern.compile("Problems\\]: open the attendance database: .*"));
                assertTrue(shown.contains("another") || shown.contains("in use"), "the dialog names the lock: " + shown);
                suite.waitForLog(Pattern.compile("station stopped: .*(another|in use)"));
                Thread.sleep(2000);
                SuiteProcess.grab(display, shots.resolve("problem-database-locked.png"));
                assertTrue(suite.isAlive(), "the suite must keep running after the problem");
            } finally {
                suite.stop();
            }
        }
        assertNoErrorsLogged();
    }

    private void assertNoErrorsLogged() throws java.io.IOException {
        List<String> log = Files.readAllLines(tmp.resolve("userdir/var/log/messages.log"), StandardCharsets.UTF_8);
        assertFalse(log.stream().anyMatch(l -> l.startsWith("SEVERE")), "unexpected errors in the log");
    }
}
