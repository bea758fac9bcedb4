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
 * to do, without a stack trace, and the suite must keep running.
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

    /** The station's camera is not connected (there is no camera 7 on a build machine). */
    @Test
    void missingCameraGivesADialogNotACrash() throws Exception {
        SuiteProcess.requireBuilt();
        Path shots = SuiteProcess.screenshots();
        try (VirtualDisplay display = VirtualDisplay.start(tmp.resolve("xvfb.log"))) {
            SuiteProcess suite = SuiteProcess.launch(display, tmp, tmp.resolve("data"), "--station-source", "7", "--start-station");
            try {
                String shown = suite.waitForLog(Pattern.compile("Problems\\]: run the station: .*"));
                assertTrue(shown.contains("camera 7") || shown.contains("Camera 7"), "the dialog names the camera: " + shown);
                Thread.sleep(2000);
                SuiteProcess.grab(display, shots.resolve("problem-camera-missing.png"));
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
