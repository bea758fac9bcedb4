package com.faceattend.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16: {@code eval visits} plays visits through the real station and reports per-visit FNIR/FPIR
 * next to the per-photo figures. faces94 with one enrolment photo, at most two visits of three photos per
 * person (37 visits, 111 frames: about 20 s of CPU), at the default setting.
 * <p>
 * Measured (2026-11-29): per visit FNIR 0/18, FPIR 0/19; per photo FNIR 0/54, FPIR 0/57. Pinned with a
 * margin of one visit (or three photos) each way, so a regression of the station's rule shows.
 */
class EvalVisitsCommandTest {

    @Test
    void faces94VisitsThroughTheStationAtTheDefaultSetting(@TempDir Path data) {
        Path faces94 = Cli.data().resolve("faces94");
        Cli.Result run = Cli.run(data, "eval", "visits", "--dir", faces94.resolve("identities").toString(), "--enroll", "1",
                "--visit-length", "3", "--max-visits", "2", "--strangers", faces94.resolve("unknown_not_enrolled").toString(), "--json");
        assertEquals(ExitCode.OK, run.exitCode(), run::toString);
        JsonNode r = run.json();
        assertEquals(9, r.get("enrolled").asInt(), "every other of the 18 people is enrolled");
        assertEquals(18, r.get("knownVisits").asInt(), "two visits for each of the 9 enrolled people");
        assertEquals(19, r.get("strangerVisits").asInt(), "two for each of 9 strangers, one for the unknown with 4 photos");
        JsonNode visit = r.get("perVisit");
        assertTrue(visit.get("fnir").get("errors").asInt() <= 1, "missed visits of enrolled people (measured 0): " + visit);
        assertTrue(visit.get("fpir").get("errors").asInt() <= 1, "strangers checked in as employees (measured 0): " + visit);
        assertEquals(18, visit.get("knownVerdicts").get("IDENTIFIED").asInt() + visit.get("fnir").get("errors").asInt());
        JsonNode photo = r.get("perPhoto");
        assertEquals(54, photo.get("fnir").get("trials").asInt(), "the same photos, one by one");
        assertEquals(57, photo.get("fpir").get("trials").asInt());
        assertTrue(photo.get("fnir").get("errors").asInt() <= 3, "per photo (measured 0): " + photo);
        assertTrue(photo.get("fpir").get("errors").asInt() <= 3, "per photo (measured 0): " + photo);
        for (JsonNode p : new JsonNode[] {visit.get("fnir"), visit.get("fpir"), photo.get("fnir"), photo.get("fpir")}) {
            assertTrue(p.get("ci95Low").asDouble() <= p.get("rate").asDouble() && p.get("rate").asDouble() <= p.get("ci95High").asDouble()
                    && p.get("ci95High").asDouble() > 0, "a 95 % interval around the rate: " + p);
        }
        assertEquals(37, r.get("visits").size(), "every visit's outcome is listed");
    }

    @Test
    void withoutAnythingToPlayItSaysWhatToGive(@TempDir Path data) {
        Cli.Result none = Cli.run(data, "eval", "visits");
        assertEquals(ExitCode.USAGE, none.exitCode(), none::toString);
        assertTrue(none.err().contains("error: nothing to play") && none.err().contains("fix: give --dir"), none::toString);
        Cli.Result clipAlone = Cli.run(data, "eval", "visits", "--clip",
                Cli.data().resolve("video-and-small/video/short_hamilton_clip.mp4").toString());
        assertEquals(ExitCode.USAGE, clipAlone.exitCode(), clipAlone::toString);
        assertTrue(clipAlone.err().contains("--clip-people"), clipAlone::toString);
        Cli.Result missing = Cli.run(data, "eval", "visits", "--dir", data.resolve("nope").toString());
        assertEquals(ExitCode.BAD_INPUT, missing.exitCode(), missing::toString);
        assertTrue(missing.err().contains("not found"), missing::toString);
    }
}
