package com.faceattend.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.faceattend.suite.SettingsFile;
import com.faceattend.suite.SuiteServices;
import com.faceattend.suite.SuiteSettings;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12: the command line uses what the desktop's Settings window saved in the data folder's
 * settings.properties (recogniser, threshold, source, station), and its flags override it for one run.
 */
class SavedSettingsTest {
    private static final String OTHER_EMBEDDER = com.faceattend.onnx.mobilefacenet.MobileFaceNetEmbedderProvider.ID;

    @Test
    void identifyUsesTheSavedThresholdAndAFlagOverridesIt(@TempDir Path data) throws Exception {
        Path photos = Cli.data().resolve("video-and-small");
        assertEquals(ExitCode.OK, Cli.run(data, "enroll", "--code", "P1", "--name", "Person One", "--consent", "--quiet",
                photos.resolve("knn_train/obama/obama.jpg").toString()).exitCode());
        String probe = photos.resolve("knn_test/obama1.jpg").toString(); // another photo, another day

        JsonNode before = Cli.run(data, "identify", "--json", probe).json();
        assertEquals(SuiteSettings.defaults().matchThreshold(), before.get("threshold").floatValue(), 1e-6);
        JsonNode face = before.get("images").get(0).get("faces").get(0);
        assertTrue(face.get("known").asBoolean(), "recognised at the default threshold: " + before);
        float similarity = face.get("similarity").floatValue();
        assertTrue(similarity < 0.9f, "the probe is another photo, not the enrolled one: " + similarity);

        save(data, SuiteSettings.defaults().withMatchThreshold(0.9f));
        JsonNode strict = Cli.run(data, "identify", "--json", probe).json();
        assertEquals(0.9f, strict.get("threshold").floatValue(), 1e-6);
        assertFalse(strict.get("images").get(0).get("faces").get(0).get("known").asBoolean(), "saved 0.9: unknown: " + strict);

        JsonNode overridden = Cli.run(data, "identify", "--json", "--threshold", "0.4", probe).json();
        assertTrue(overridden.get("images").get(0).get("faces").get(0).get("known").asBoolean(), "the flag wins for one run");
        assertEquals(0.9f, new SettingsFile(data).load().matchThreshold(), 1e-6, "the flag is not saved");
    }

    @Test
    void enrolIdentifyAndRunUseTheSavedRecogniserAndStation(@TempDir Path data) throws Exception {
        Path video = Cli.data().resolve("video-and-small/video");
        SuiteSettings d = SuiteSettings.defaults();
        save(data, new SuiteSettings(video.resolve("short_hamilton_clip.mp4").toString(), "Side door", "in", d.matchThreshold(),
                d.livenessEnabled(), d.livenessThreshold(), Duration.ofMinutes(2), d.processEveryNth(), d.maxFrameWidth(),
                d.detectorId(), OTHER_EMBEDDER, d.livenessId()));
        Path alex = video.resolve("ref_alex_lacamoire.png");
        assertEquals(ExitCode.OK, Cli.run(data, "enroll", "--code", "ALEX", "--name", "Alex Lacamoire", "--consent", "--quiet",
                alex.toString()).exitCode());
        try (SuiteServices suite = new SuiteServices(data)) {
            Map<String, Integer> byModel = suite.store().templateCountsByModel();
            assertEquals(1, byModel.size(), "templates of the saved embedder only: " + byModel);
            assertTrue(byModel.keySet().iterator().next().contains("mobilefacenet"), "model of the saved embedder: " + byModel);
        }

        Cli.Result id = Cli.run(data, "identify", alex.toString());
        assertEquals(ExitCode.OK, id.exitCode(), id.toString());
        assertTrue(id.out().contains("Alex Lacamoire (ALEX)"), "identify finds the templates of the saved embedder: " + id);

        Cli.Result run = Cli.run(data, "run"); // no flags: source, station, direction and embedder as saved
        assertEquals(ExitCode.OK, run.exitCode(), run.toString());
        assertTrue(run.err().contains("[Side door] watching") && run.err().contains("with 1 enrolled people"), run.toString());
        assertTrue(run.out().contains("IN  Alex Lacamoire (ALEX)"), run.toString());
    }

    private static void save(Path data, SuiteSettings s) throws Exception {
        new SettingsFile(data).save(s);
    }
}
