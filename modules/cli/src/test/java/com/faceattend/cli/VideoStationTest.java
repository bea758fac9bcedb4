package com.faceattend.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 2 acceptance: enrol the two reference stills, run a headless station over the clip, find
 * each person recorded exactly once in Derby; a second run resumes the same database.
 */
class VideoStationTest {

    /**
     * IN/OUT alternates within the local day (ZoneId.systemDefault()), so two runs on either side of local
     * midnight would both be IN. The test runs in a fixed-offset zone where it is about noon now: the runs
     * are twelve hours from either midnight, whatever the machine's zone and the time of the CI run.
     */
    @Test
    void eachPersonIsRecordedOncePerRunAndASecondRunContinuesTheDatabase(@TempDir Path data) {
        TimeZone machineZone = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone(zoneWhereItIsNoonNow()));
        try {
            runTwice(data);
        } finally {
            TimeZone.setDefault(machineZone);
        }
    }

    static ZoneOffset zoneWhereItIsNoonNow() {
        int minuteOfDayUtc = LocalTime.now(ZoneOffset.UTC).toSecondOfDay() / 60;
        int offset = 12 * 60 - minuteOfDayUtc; // -12 h .. +12 h, within ZoneOffset's +-18 h
        return ZoneOffset.ofTotalSeconds(offset * 60);
    }

    private static void runTwice(Path data) {
        Path video = Cli.data().resolve("video-and-small/video");
        assertEquals(ExitCode.OK, Cli.run(data, "enroll", "--code", "ALEX", "--name", "Alex Lacamoire", "--consent", "--quiet",
                video.resolve("ref_alex_lacamoire.png").toString()).exitCode());
        assertEquals(ExitCode.OK, Cli.run(data, "enroll", "--code", "LIN", "--name", "Lin-Manuel Miranda", "--consent", "--quiet",
                video.resolve("ref_lin_manuel_miranda.png").toString()).exitCode());

        String clip = video.resolve("short_hamilton_clip.mp4").toString();
        // The pianist's face is about 35 px high and his track's mean scores 0.46. With two people enrolled
        // the default (about 1 stranger in 300) needs about 0.47, so he would be asked to come closer; this
        // test is about recording once per run and continuing the database, so it runs at 1 in 100 (0.44).
        Cli.Result first = Cli.run(data, "run", "--source", clip, "--station", "Front door", "--accept-strangers", "100");
        assertEquals(ExitCode.OK, first.exitCode(), first.toString());
        System.out.println("first run:\n" + first.out() + first.err());
        assertEquals(List.of("ALEX IN", "LIN IN"), recorded(data));

        // The cooldown (2 min per person and station) survives a restart: StationSession recalls the last passes
        // from the store, so the same door seconds later records nobody. The second passage is therefore at
        // another door; the directions alternate per person and day across doors. (The cooldown cannot simply
        // be turned off: Lin-Manuel Miranda is recognised in three tracks of the clip, one passage.)
        Cli.Result second = Cli.run(data, "run", "--source", clip, "--station", "Back door", "--accept-strangers", "100");
        assertEquals(ExitCode.OK, second.exitCode(), second.toString());
        // Same database: the earlier check-ins are still there, and today's second passage is a check-out.
        assertEquals(List.of("ALEX IN", "ALEX OUT", "LIN IN", "LIN OUT"), recorded(data), "second run:\n" + second);
    }

    private static List<String> recorded(Path data) {
        Cli.Result events = Cli.run(data, "events", "list", "--json");
        assertEquals(ExitCode.OK, events.exitCode(), events.toString());
        List<String> seen = new ArrayList<>();
        for (JsonNode e : events.json()) {
            seen.add(e.get("employeeCode").asText() + " " + e.get("direction").asText());
        }
        seen.sort(null);
        return seen;
    }
}
