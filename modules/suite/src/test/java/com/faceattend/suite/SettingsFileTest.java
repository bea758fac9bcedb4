package com.faceattend.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsFileTest {
    @TempDir
    Path dir;

    @Test
    void savedSettingsComeBackUnchanged() throws Exception {
        SettingsFile file = new SettingsFile(dir);
        SuiteSettings s = new SuiteSettings("/videos/door.mp4", "Side door", "in", 10_000, false, 0.6f, Duration.ofSeconds(90),
                2, 960, "ultraface-rfb320", "arcface-512", "silent-liveness");
        file.save(s);
        assertEquals(s, new SettingsFile(dir).load());
        try (var listing = Files.list(dir)) {
            assertEquals(1, listing.count(), "no temporary file is left behind");
        }
    }

    /** The central database entry survives the station's own saves, and never holds a password. */
    @Test
    void theDatabaseEntryIsKeptAcrossSavesAndRefusesPasswords() throws Exception {
        SettingsFile file = new SettingsFile(dir);
        assertTrue(file.databaseUrl().isEmpty(), "default: the data folder's own database");
        file.saveDatabaseUrl("jdbc:postgresql://db.example:5432/faceattend");
        file.save(SuiteSettings.defaults().withSource("/videos/door.mp4"));
        assertEquals("jdbc:postgresql://db.example:5432/faceattend", file.databaseUrl().orElseThrow());
        assertEquals("/videos/door.mp4", file.load().source());
        try (SuiteServices suite = new SuiteServices(dir)) {
            assertEquals("jdbc:postgresql://db.example:5432/faceattend", suite.centralDatabase().orElseThrow(),
                    "the desktop and `faceattend run` (no --db) follow the entry");
        }

        SettingsException secret = assertThrows(SettingsException.class,
                () -> file.saveDatabaseUrl("jdbc:postgresql://db/faceattend?user=fa&password=hunter2"));
        assertTrue(secret.getMessage().contains("password"), secret.getMessage());
        assertTrue(!Files.readString(file.path()).contains("hunter2"));
        assertThrows(SettingsException.class, () -> file.saveDatabaseUrl("db.example:5432"));

        file.saveDatabaseUrl(null);
        assertTrue(file.databaseUrl().isEmpty());
        assertEquals("/videos/door.mp4", file.load().source(), "forgetting the entry keeps the station settings");
    }

    @Test
    void aBadValueInTheFileFallsBackToItsDefaultOnly() throws Exception {
        Files.writeString(dir.resolve("settings.properties"),
                "stationName=Warehouse\nstrangersOneIn=7\ncooldownSeconds=soon\nprocessEveryNth=2\n", StandardCharsets.UTF_8);
        SuiteSettings s = new SettingsFile(dir).load();
        SuiteSettings d = SuiteSettings.defaults();
        assertEquals("Warehouse", s.stationName());
        assertEquals(2, s.processEveryNth());
        assertEquals(d.strangersOneIn(), s.strangersOneIn());
        assertEquals(d.cooldown(), s.cooldown());
    }

    /** A raw cosine from before the open-set rule is not carried over, but the user is told (issue 16). */
    @Test
    void aRetiredMatchThresholdFallsBackToTheRuleAndSaysSo() throws Exception {
        Files.writeString(dir.resolve("settings.properties"), "stationName=Warehouse\nmatchThreshold=0.45\n", StandardCharsets.UTF_8);
        java.util.List<String> warnings = new java.util.ArrayList<>();
        java.util.logging.Logger log = java.util.logging.Logger.getLogger(SettingsFile.class.getName());
        java.util.logging.Handler handler = new java.util.logging.Handler() {
            @Override public void publish(java.util.logging.LogRecord r) { warnings.add(r.getMessage()); }
            @Override public void flush() { }
            @Override public void close() { }
        };
        log.addHandler(handler);
        try {
            SuiteSettings s = new SettingsFile(dir).load();
            assertEquals(SuiteSettings.defaults().strangersOneIn(), s.strangersOneIn());
            assertEquals("Warehouse", s.stationName());
        } finally {
            log.removeHandler(handler);
        }
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("matchThreshold=0.45") && warnings.get(0).contains("1 stranger in 300"), warnings.get(0));
    }

    @Test
    void invalidValuesNameTheFieldAndTheFix() {
        SettingsException e = assertThrows(SettingsException.class, () -> new SuiteSettings("", "Door", "sideways", 1000, true, 0.5f,
                Duration.ofMinutes(2), 1, 1280, null, null, null));
        assertEquals("direction", e.field());
        e = assertThrows(SettingsException.class, () -> new SuiteSettings("", "Door", "auto", 7, true, 0.5f,
                Duration.ofMinutes(2), 1, 1280, null, null, null));
        assertEquals("strangersOneIn", e.field());
        assertEquals("the default is 1 in 300", e.fix());
        e = assertThrows(SettingsException.class, () -> new SuiteSettings("", " ", "auto", 1000, true, 0.5f,
                Duration.ofMinutes(2), 1, 1280, null, null, null));
        assertEquals("stationName", e.field());
        e = assertThrows(SettingsException.class, () -> SuiteSettings.defaults().withStrangersOneIn(2_000_000));
        assertEquals("strangersOneIn", e.field());
        e = assertThrows(SettingsException.class, () -> SuiteSettings.checkedVerifyThreshold(Float.NaN));
        assertEquals("verifyThreshold", e.field());
    }

    /** verify's default is the accept rule for one comparison, so a stricter saved setting makes it stricter too. */
    @Test
    void theSavedStrangerSettingDrivesTheAcceptRuleAndVerify() {
        SuiteSettings d = SuiteSettings.defaults();
        SuiteSettings strict = d.withStrangersOneIn(SuiteSettings.MAX_STRANGERS_ONE_IN);
        assertEquals(SuiteSettings.MAX_STRANGERS_ONE_IN, strict.stationSettings().acceptRule().oneIn());
        assertTrue(strict.verifyThreshold() > d.verifyThreshold(), strict.verifyThreshold() + " vs " + d.verifyThreshold());
        assertEquals(d.verifyThreshold(), SuiteSettings.checkedVerifyThreshold(d.verifyThreshold()));
    }

    /** Issue 17: a settings change is audited with who changed which value; an unchanged save adds nothing. */
    @Test
    void aSettingsChangeIsAuditedWithTheValuesThatChanged() {
        try (SuiteServices suite = new SuiteServices(dir.resolve("data"))) {
            SuiteSettings before = suite.settings();
            suite.saveSettings(before.withSource("/videos/side-door.mp4"), "desktop:hilda");
            suite.saveSettings(suite.settings(), "desktop:hilda");
            var entries = suite.store().listAudit(50).stream().filter(e -> e.action().equals("settings-change")).toList();
            assertEquals(1, entries.size(), "one entry for the one real change: " + entries);
            assertEquals("desktop:hilda", entries.get(0).actor());
            assertEquals("source: " + before.source() + " \u2192 /videos/side-door.mp4", entries.get(0).detail());
        }
    }
}
