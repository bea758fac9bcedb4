package com.faceattend.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 20: {@code eval liveness} on the shared liveness set (297 live, 293 attack images), through the
 * station's detector and liveness check. One run of the whole set (about half a minute of CPU).
 */
class EvalLivenessCommandTest {

    @Test
    void reportsIsoFiguresPerAttackTypeWithIntervalsAndFacesNotFoundApart(@TempDir Path data) {
        Path manifest = Cli.data().resolve("liveness/manifest.csv");
        Cli.Result run = Cli.run(data, "eval", "liveness", "--manifest", manifest.toString(), "--track", "3", "--json");
        assertEquals(ExitCode.OK, run.exitCode(), run::toString);
        JsonNode at = run.json().get("atThreshold");
        assertEquals(297, at.get("live").asInt(), "every live image of the manifest is counted");
        assertEquals(293, at.get("attacks").asInt(), "every attack image of the manifest is counted");
        assertEquals(297 - at.get("liveNoFace").asInt(), at.get("bpcer").get("trials").asInt(), "BPCER counts only faces found");
        assertEquals(293 - at.get("attackNoFace").asInt(), at.get("apcer").get("trials").asInt(), "APCER counts only faces found");
        assertEquals(4, at.get("apcerByType").size(), "one APCER per attack type in the manifest: " + at.get("apcerByType"));
        at.get("apcerByType").forEach(EvalLivenessCommandTest::assertInterval);
        assertInterval(at.get("apcer"));
        assertInterval(at.get("bpcer"));
        JsonNode print = at.get("apcerByType").get("print (hand-held printed photo)");
        assertTrue(print.get("rate").asDouble() <= 0.10, "a printed photo held to the webcam must mostly be stopped: " + print);
        JsonNode points = at.get("bpcerAtApcer");
        assertEquals(3, points.size());
        assertTrue(points.get(0).get("bpcer").get("rate").asDouble() >= points.get(2).get("bpcer").get("rate").asDouble(),
                "holding APCER at 1 % cannot reject fewer live faces than at 10 %: " + points);
        JsonNode split = run.json().get("subjectSplit");
        assertEquals(at.get("apcer").get("trials").asInt(), split.get("apcer").get("trials").asInt(), "both halves together test every scored attack");
        JsonNode tracks = run.json().get("tracks").get("result");
        assertTrue(tracks.get("live").asInt() > 10 && tracks.get("attacks").asInt() > 10, "the replay and NUAA sequences form tracks: " + tracks);
    }

    @Test
    void withoutImagesItSaysWhatToGive(@TempDir Path data) {
        Cli.Result none = Cli.run(data, "eval", "liveness");
        assertEquals(ExitCode.USAGE, none.exitCode(), none::toString);
        assertTrue(none.err().contains("error: give either --manifest FILE or both --live DIR and --spoof DIR"), none::toString);
        assertTrue(none.err().contains("fix:"), none::toString);
        Cli.Result missing = Cli.run(data, "eval", "liveness", "--manifest", data.resolve("nope.csv").toString());
        assertEquals(ExitCode.BAD_INPUT, missing.exitCode(), missing::toString);
        assertTrue(missing.err().contains("not found"), missing::toString);
    }

    private static void assertInterval(JsonNode p) {
        double rate = p.get("rate").asDouble();
        assertTrue(p.get("ci95Low").asDouble() <= rate && rate <= p.get("ci95High").asDouble(), "interval must hold the rate: " + p);
    }
}
