package com.faceattend.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.faceattend.engine.pipeline.FacePipeline;
import com.faceattend.suite.SuiteServices;
import com.faceattend.suite.SuiteSettings;
import com.faceattend.spi.Embedding;
import com.faceattend.spi.FrameImage;
import com.faceattend.store.AlertStore;
import com.faceattend.store.StrangerGroup;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 5 acceptance: enrol only one of the two people in the Hamilton clip, so the other is a
 * stranger; run the station over the clip twice on the same database (two visits). Lin raises
 * exactly one stranger alert per run although the station tracks him twice per run, and both
 * alerts belong to the one group that resembles his reference still. Other cast members in the clip
 * are strangers too: each raises one alert per run in a group of their own. Then alerts are
 * acknowledged and filtered through the CLI.
 */
class StrangerAlertVideoTest {

    @Test
    void oneAlertPerVisitAndTheTwoVisitsAreGrouped(@TempDir Path data) {
        Path video = Cli.data().resolve("video-and-small/video");
        assertEquals(ExitCode.OK, Cli.run(data, "enroll", "--code", "ALEX", "--name", "Alex Lacamoire", "--consent", "--quiet",
                video.resolve("ref_alex_lacamoire.png").toString()).exitCode());
        String clip = video.resolve("short_hamilton_clip.mp4").toString();

        Cli.Result first = Cli.run(data, "run", "--source", clip, "--station", "Front door");
        assertEquals(ExitCode.OK, first.exitCode(), first.toString());
        System.out.println("first visit:\n" + first.out());
        List<JsonNode> afterFirst = strangerAlerts(data);
        long lin = linsGroup(data, video);
        // the clip also shows other cast members nobody enrolled: each is a stranger of their own
        assertEquals(1, afterFirst.stream().filter(a -> a.get("strangerGroup").asLong() == lin).count(),
                "Lin, seen in two tracks (he turns away and back), is one visit: " + afterFirst);
        assertEquals(afterFirst.size(), afterFirst.stream().map(a -> a.get("strangerGroup").asLong()).distinct().count(),
                "one alert per stranger per visit: " + afterFirst);

        Cli.Result second = Cli.run(data, "run", "--source", clip, "--station", "Front door");
        assertEquals(ExitCode.OK, second.exitCode(), second.toString());
        List<JsonNode> alerts = strangerAlerts(data);
        assertEquals(lin, linsGroup(data, video), "the second visit joined his group");
        assertEquals(2 * afterFirst.size(), alerts.size(), "the second visit raised the same alerts again: " + alerts);
        List<JsonNode> his = alerts.stream().filter(a -> a.get("strangerGroup").asLong() == lin).toList();
        assertEquals(2, his.size(), "one alert per visit: " + his);
        JsonNode newest = his.get(0);
        JsonNode oldest = his.get(1);
        assertEquals(2, newest.get("groupVisits").asInt());
        assertEquals(2, newest.get("visitsThisWeek").asInt());
        assertTrue(newest.get("groupSimilarity").floatValue() >= 0.40f, newest.toString());
        assertEquals("unknown #" + lin + ", seen 2 times this week (2 in all)", newest.get("description").asText());
        assertEquals(false, newest.get("snapshot").asBoolean(), "snapshots are off by default");
        for (JsonNode a : alerts) {
            assertEquals(2, a.get("groupVisits").asInt(), "every stranger of the clip came twice: " + a);
        }

        // acknowledge the first visit; only the second stays open
        Cli.Result ack = Cli.run(data, "alerts", "ack", oldest.get("id").asText(), "--note", "visitor for HR, escorted", "--actor", "guard-anna");
        assertEquals(ExitCode.OK, ack.exitCode(), ack.toString());
        JsonNode open = Cli.run(data, "alerts", "list", "--unacknowledged", "--json").json();
        assertEquals(alerts.size() - 1, open.size());
        open.forEach(a -> assertTrue(a.get("id").asLong() != oldest.get("id").asLong()));
        Cli.Result again = Cli.run(data, "alerts", "ack", oldest.get("id").asText());
        assertEquals(ExitCode.USAGE, again.exitCode(), "acknowledging twice is refused: " + again);
        assertTrue(again.err().contains("already acknowledged by guard-anna"), again.err());
        Cli.Result missing = Cli.run(data, "alerts", "ack", "987654");
        assertEquals(ExitCode.NOT_FOUND, missing.exitCode(), missing.toString());
        assertTrue(missing.err().contains("fix:"), missing.err());
        Cli.Result badKind = Cli.run(data, "alerts", "list", "--kind", "burglar");
        assertEquals(ExitCode.USAGE, badKind.exitCode());
        assertTrue(badKind.err().contains("--kind must be stranger or spoof"), badKind.err());
        Cli.Result text = Cli.run(data, "alerts", "list", "--since", "24h");
        assertTrue(text.out().contains("[ack guard-anna: visitor for HR, escorted]"), text.out());
    }

    /** The one stranger group whose centroid resembles Lin-Manuel Miranda's reference still (cosine >= 0.40). */
    private static long linsGroup(Path data, Path video) {
        try (SuiteServices ctx = new SuiteServices(data); FacePipeline pipeline = ctx.openPipeline(SuiteSettings.defaults(), false)) {
            FrameImage still = Photos.read(video.resolve("ref_lin_manuel_miranda.png"));
            Embedding lin = pipeline.embed(still, Photos.largest(pipeline.detect(still)).orElseThrow());
            List<StrangerGroup> his = new AlertStore(ctx.store()).groups(pipeline.modelId(), Instant.EPOCH).stream()
                    .filter(g -> g.centroid().cosine(lin) >= 0.40f).toList();
            assertEquals(1, his.size(), "exactly one stranger group is Lin: " + his);
            return his.get(0).id();
        }
    }

    private static List<JsonNode> strangerAlerts(Path data) {
        Cli.Result r = Cli.run(data, "alerts", "list", "--kind", "stranger", "--json");
        assertEquals(ExitCode.OK, r.exitCode(), r.toString());
        List<JsonNode> out = new ArrayList<>();
        r.json().forEach(out::add);
        return out;
    }
}
