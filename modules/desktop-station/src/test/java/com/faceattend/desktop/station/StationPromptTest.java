package com.faceattend.desktop.station;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.faceattend.suite.SettingsFile;
import com.faceattend.suite.SuiteSettings;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 14: the stopped Station window says the next step for the saved settings (no database, no window; ~0.1 s). */
class StationPromptTest {
    @TempDir
    Path data;

    @Test
    void withoutASavedSourceItSendsToSettings() {
        String text = StationPrompt.whileStopped(new SettingsFile(data).load());
        assertTrue(text.contains("Settings") && text.contains("Start"), text);
        assertFalse(text.startsWith("Ready"), text);
    }

    @Test
    void withASavedSourceItSaysPressStartAndNamesTheSource() throws Exception {
        new SettingsFile(data).save(SuiteSettings.defaults().withSource("0"));
        String camera = StationPrompt.whileStopped(new SettingsFile(data).load());
        assertEquals("Ready to watch camera 0: press Start to begin recognising.", camera);

        new SettingsFile(data).save(SuiteSettings.defaults().withSource("rtsp://door-cam.local/stream1"));
        String stream = StationPrompt.whileStopped(new SettingsFile(data).load());
        assertTrue(stream.contains("rtsp://door-cam.local/stream1") && !stream.contains("Settings"), stream);
    }

    @Test
    void aLongPathKeepsItsEnd() {
        String path = "/srv/faceattend/recordings/" + "entrance/".repeat(10) + "monday-morning.mp4";
        String shown = StationPrompt.describe(path);
        assertEquals(StationPrompt.LONGEST_SOURCE, shown.length(), shown);
        assertTrue(shown.startsWith("…") && shown.endsWith("entrance/monday-morning.mp4"), shown);
    }
}
