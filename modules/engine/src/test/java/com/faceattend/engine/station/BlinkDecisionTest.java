package com.faceattend.engine.station;

import static com.faceattend.engine.station.ScriptedFaces.ANN;
import static com.faceattend.engine.station.ScriptedFaces.EMPTY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.faceattend.engine.pipeline.FacePipeline;
import com.faceattend.engine.pipeline.PipelineSettings;
import com.faceattend.spi.AttendanceEvent;
import com.faceattend.spi.DetectedFace;
import com.faceattend.spi.FrameImage;
import com.faceattend.spi.LivenessCheck;
import com.faceattend.spi.LivenessResult;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The station's side of a whole-track liveness check (the blink check): a recognised face waits for
 * its blink, is checked in when the blink comes within the patience, and is a spoof alert when it
 * leaves or runs out of time without one. The eye readings are scripted per frame (which frames show
 * closed eyes); the real eye model's open/closed/open reading is EyeBlinkLivenessCheckTest's.
 */
class BlinkDecisionTest {
    private final List<AttendanceEvent> events = new ArrayList<>();
    private final Set<Long> closedEyesAt = new java.util.HashSet<>();
    private long mediaTime;

    /** Live (1) once a track showed open, closed, open eyes, else 0; closed eyes on the scripted frames. */
    private final class ScriptedBlink implements LivenessCheck {
        private final Map<Integer, Integer> phase = new HashMap<>(); // 0 nothing, 1 open seen, 2 then closed, 3 blinked

        @Override
        public LivenessResult check(FrameImage frame, DetectedFace face) {
            return new LivenessResult(0f); // one frame cannot show a blink
        }

        @Override
        public LivenessResult check(FrameImage frame, DetectedFace face, int trackId) {
            boolean closed = closedEyesAt.contains(frame.timestampMillis());
            int p = phase.getOrDefault(trackId, 0);
            p = p == 0 && !closed ? 1 : p == 1 && closed ? 2 : p == 2 && !closed ? 3 : p;
            phase.put(trackId, p);
            return new LivenessResult(p == 3 ? 1f : 0f);
        }

        @Override
        public boolean judgesWholeTrack() {
            return true;
        }

        @Override
        public void trackEnded(int trackId) {
            phase.remove(trackId);
        }

        @Override
        public void close() {
        }
    }

    private AttendanceStation station(int patienceFrames) {
        FacePipeline pipeline = new FacePipeline(new ScriptedFaces.Detector(), new ScriptedFaces.Embedder(), new ScriptedBlink(),
                PipelineSettings.defaults());
        AttendanceStation st = new AttendanceStation("Front door", pipeline, ScriptedFaces.gallery(), StationSettings.defaults(),
                (c, t) -> AttendanceEvent.Direction.IN, Clock.systemUTC());
        st.livenessPatienceFrames(patienceFrames);
        st.addListener(events::add);
        return st;
    }

    private void play(AttendanceStation st, int grey, int count, boolean eyesClosed) {
        for (int i = 0; i < count; i++) {
            if (eyesClosed) {
                closedEyesAt.add(mediaTime);
            }
            st.process(ScriptedFaces.frame(grey, mediaTime));
            mediaTime += 100;
        }
    }

    @Test
    void aRecognisedFaceThatBlinksWithinThePatienceIsCheckedInOnce() {
        AttendanceStation st = station(20);
        play(st, ANN, 5, false);
        assertEquals(List.of(), events, "recognised, but waiting for the blink");
        play(st, ANN, 2, true);
        play(st, ANN, 1, false);
        assertEquals(1, events.size(), events.toString());
        AttendanceEvent.PersonRecognized ann = assertInstanceOf(AttendanceEvent.PersonRecognized.class, events.get(0));
        assertEquals("E1", ann.employeeCode());
        assertEquals(1f, ann.liveScore(), "the blink's verdict is the live score recorded");
        play(st, ANN, 10, false);
        play(st, EMPTY, 15, false);
        assertEquals(1, events.size(), "no spoof alert when a person who blinked leaves");
    }

    @Test
    void aRecognisedFaceThatLeavesWithoutBlinkingIsOneSpoofAlert() {
        AttendanceStation st = station(20);
        play(st, ANN, 8, false);
        assertEquals(List.of(), events, "still within the patience");
        play(st, EMPTY, StationSettings.defaults().maxMissedFrames() + 2, false);
        assertEquals(1, events.size(), events.toString());
        AttendanceEvent.SpoofSuspected s = assertInstanceOf(AttendanceEvent.SpoofSuspected.class, events.get(0));
        assertEquals("E1", s.claimedEmployeeCode());
    }

    @Test
    void aFaceThatStaysWithoutBlinkingIsASpoofWhenThePatienceRunsOut() {
        AttendanceStation st = station(4);
        play(st, ANN, 3 + 4 - 1, false);
        assertEquals(List.of(), events, "votesToDecide + patience - 1 embedded frames: still waiting");
        play(st, ANN, 1, false);
        assertEquals(1, events.size());
        assertInstanceOf(AttendanceEvent.SpoofSuspected.class, events.get(0));
        play(st, ANN, 2, true);
        play(st, ANN, 3, false);
        assertEquals(1, events.size(), "a decided spoof is not turned into a check-in by a late blink in the same visit");
    }
}
