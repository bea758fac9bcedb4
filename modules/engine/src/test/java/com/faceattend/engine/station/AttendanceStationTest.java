package com.faceattend.engine.station;

import static com.faceattend.engine.station.ScriptedFaces.ANN;
import static com.faceattend.engine.station.ScriptedFaces.BOB;
import static com.faceattend.engine.station.ScriptedFaces.EMPTY;
import static com.faceattend.engine.station.ScriptedFaces.STRANGER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.faceattend.spi.AttendanceEvent;
import com.faceattend.spi.AttendanceEvent.Direction;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The station's decisions, frame by frame, on scripted faces (see {@link ScriptedFaces}) with a fixed
 * clock: votes before a decision, one event per visit, the cooldown, a re-check when a box is handed to
 * someone else, strangers, the direction policy, and listeners that fail.
 */
class AttendanceStationTest {
    private static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");
    private static final long FRAME_MS = 100;

    private final List<AttendanceEvent> events = new ArrayList<>();
    private final List<String> directionCalls = new ArrayList<>();
    private long mediaTime;

    private AttendanceStation station(StationSettings settings) {
        AttendanceStation st = new AttendanceStation("Front door", ScriptedFaces.pipeline(), ScriptedFaces.gallery(), settings,
                (code, time) -> {
                    directionCalls.add(code + "@" + time);
                    return code.equals("E2") ? Direction.OUT : Direction.IN;
                }, Clock.fixed(NOW, ZoneOffset.UTC));
        st.addListener(events::add);
        return st;
    }

    /** Plays {@code count} frames of one grey level; returns the events those frames raised. */
    private List<AttendanceEvent> play(AttendanceStation st, int grey, int count) {
        List<AttendanceEvent> raised = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            raised.addAll(st.process(ScriptedFaces.frame(grey, mediaTime)).events());
            mediaTime += FRAME_MS;
        }
        return raised;
    }

    @Test
    void aPersonIsRecognisedOnTheThirdVoteAndOnlyOncePerVisit() {
        AttendanceStation st = station(StationSettings.defaults());
        assertEquals(List.of(), play(st, ANN, 2), "two votes are not enough (votesToDecide = 3)");
        List<AttendanceEvent> third = play(st, ANN, 1);
        assertEquals(1, third.size());
        AttendanceEvent.PersonRecognized ann = assertInstanceOf(AttendanceEvent.PersonRecognized.class, third.get(0));
        assertEquals("E1", ann.employeeCode());
        assertEquals("Ann", ann.employeeName());
        assertEquals("Front door", ann.station());
        assertEquals(NOW, ann.time(), "event time comes from the injected clock");
        assertEquals(Direction.IN, ann.direction());
        assertEquals(1f, ann.similarity(), 1e-6f);
        assertTrue(Float.isNaN(ann.liveScore()), "no liveness stage: no live score");
        assertEquals(List.of(), play(st, ANN, 40), "still the same visit");
        assertEquals(List.of(ann), events, "listeners got exactly the one event");
        assertEquals(List.of("E1@" + NOW), directionCalls, "the direction policy is asked once, for the recorded event");
    }

    @Test
    void theDirectionPolicyDecidesInOrOut() {
        AttendanceStation st = station(StationSettings.defaults());
        List<AttendanceEvent> bob = play(st, BOB, 3);
        assertEquals(Direction.OUT, ((AttendanceEvent.PersonRecognized) bob.get(0)).direction());
    }

    @Test
    void aReturnWithinTheCooldownRecordsNothingAndOneAfterItRecordsAgain() {
        StationSettings settings = StationSettings.defaults().withCooldown(Duration.ofSeconds(60));
        AttendanceStation st = station(settings);
        assertEquals(1, play(st, ANN, 5).size());
        play(st, EMPTY, settings.maxMissedFrames() + 2); // she leaves: the track ends
        assertEquals(List.of(), play(st, ANN, 10), "back after about 2 s: inside the 60 s cooldown");
        play(st, EMPTY, 600); // a minute of empty doorway, in media time
        List<AttendanceEvent> again = play(st, ANN, 5);
        assertEquals(1, again.size(), "back after the cooldown: a new check-in");
        assertEquals("E1", ((AttendanceEvent.PersonRecognized) again.get(0)).employeeCode());
    }

    @Test
    void theCooldownIsPerPerson() {
        AttendanceStation st = station(StationSettings.defaults());
        assertEquals(1, play(st, ANN, 5).size());
        play(st, EMPTY, 12);
        List<AttendanceEvent> bob = play(st, BOB, 5);
        assertEquals(1, bob.size(), "Ann's cooldown does not silence Bob");
    }

    @Test
    void aBoxHandedToSomeoneElseAtASceneCutIsReCheckedAndRecognisedAfresh() {
        AttendanceStation st = station(StationSettings.defaults());
        assertEquals(1, play(st, ANN, 4).size());
        // Cut: the same box now holds Bob. The tracker follows boxes, so only the identity re-check
        // (every RECHECK_INTERVAL analysed frames) notices, restarts the track and lets Bob be voted on.
        List<AttendanceEvent> afterCut = play(st, BOB, AttendanceStation.RECHECK_INTERVAL + 4);
        assertEquals(1, afterCut.size(), afterCut.toString());
        assertEquals("E2", ((AttendanceEvent.PersonRecognized) afterCut.get(0)).employeeCode());
        FrameAnalysis now = st.process(ScriptedFaces.frame(BOB, mediaTime));
        assertEquals("Bob", now.faces().get(0).label(), "the box is labelled with the person now in it");
    }

    @Test
    void aStrangerIsReportedOnceAfterTheStrangerFrames() {
        AttendanceStation st = station(StationSettings.defaults());
        int frames = StationSettings.defaults().strangerFrames();
        assertEquals(List.of(), play(st, STRANGER, frames - 1));
        List<AttendanceEvent> seen = play(st, STRANGER, 1);
        AttendanceEvent.StrangerSeen s = assertInstanceOf(AttendanceEvent.StrangerSeen.class, seen.get(0));
        assertEquals(0f, s.bestSimilarity(), 1e-6f, "resembles nobody enrolled");
        assertEquals(ScriptedFaces.embeddingOf(STRANGER), s.embedding(), "the alert carries the track's mean embedding");
        assertEquals(List.of(), play(st, STRANGER, 30), "one alert per visit");
        assertEquals(TrackState.STRANGER, st.process(ScriptedFaces.frame(STRANGER, mediaTime)).faces().get(0).state());
    }

    @Test
    void everyNthFrameSettingSkipsAnalysis() {
        AttendanceStation st = station(StationSettings.defaults().withProcessEveryNth(3));
        List<Boolean> analysed = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            analysed.add(st.process(ScriptedFaces.frame(ANN, i * FRAME_MS)).analysed());
        }
        assertEquals(List.of(true, false, false, true, false, false), analysed);
    }

    @Test
    void aFailingListenerDoesNotStopTheOthersAndIsReported() {
        AttendanceStation st = station(StationSettings.defaults());
        IllegalStateException broken = new IllegalStateException("database gone");
        List<AttendanceEvent> after = new ArrayList<>();
        st.addListener(e -> {
            throw broken;
        });
        st.addListener(after::add);
        play(st, ANN, 2);
        ListenerFailedException e = assertThrows(ListenerFailedException.class, () -> play(st, ANN, 1));
        assertSame(broken, e.getCause());
        assertEquals(1, events.size(), "the listener before the failing one was told");
        assertEquals(events, after, "the listener after the failing one was told too");
    }

    @Test
    void aGalleryOfAnotherModelIsRefused() {
        var other = new com.faceattend.engine.gallery.GalleryIndex("other-model", 4);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new AttendanceStation("x",
                ScriptedFaces.pipeline(), other, StationSettings.defaults(), (c, t) -> Direction.IN, Clock.systemUTC()));
        assertTrue(e.getMessage().contains("other-model") && e.getMessage().contains(ScriptedFaces.MODEL), e.getMessage());
    }
}
