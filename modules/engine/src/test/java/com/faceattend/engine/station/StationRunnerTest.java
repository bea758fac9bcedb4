package com.faceattend.engine.station;

import static com.faceattend.engine.station.ScriptedFaces.ANN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.faceattend.spi.AttendanceEvent;
import com.faceattend.spi.FrameImage;
import com.faceattend.spi.FrameSource;
import com.faceattend.spi.ProviderException;
import com.faceattend.spi.SourceSpec;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Reconnect and back-off of the runner with a scripted live source that drops and comes back. The
 * back-off pauses are recorded instead of slept, so the test asserts the exact schedule (1, 2, 4 ... 30 s).
 */
class StationRunnerTest {
    private static final SourceSpec CAMERA = new SourceSpec(SourceSpec.Kind.STREAM, "rtsp://camera/1");
    private static final SourceSpec FILE = new SourceSpec(SourceSpec.Kind.FILE, "clip.mp4");

    private final List<Duration> pauses = new ArrayList<>();
    private final List<String> status = new ArrayList<>();
    private final List<AttendanceEvent> events = new ArrayList<>();
    private long mediaTime;

    /** A source that serves {@code frames} frames of Ann and then fails (or ends, for a file). */
    private FrameSource source(SourceSpec spec, int frames, boolean failAtEnd) {
        return new FrameSource() {
            int served;
            boolean closed;

            @Override
            public FrameImage next() {
                if (closed) {
                    throw new IllegalStateException("read after close");
                }
                if (served < frames) {
                    served++;
                    mediaTime += 100;
                    return ScriptedFaces.frame(ANN, mediaTime);
                }
                if (failAtEnd) {
                    throw new ProviderException("camera stopped sending frames", "check the cable");
                }
                return null;
            }

            @Override
            public SourceSpec spec() {
                return spec;
            }

            @Override
            public double frameRate() {
                return 10;
            }

            @Override
            public void close() {
                closed = true;
            }
        };
    }

    /** Each call takes the next step: a source, or an exception to throw. */
    private static Supplier<FrameSource> opener(Deque<Object> steps) {
        return () -> {
            Object next = steps.removeFirst();
            if (next instanceof ProviderException e) {
                throw e;
            }
            return (FrameSource) next;
        };
    }

    private StationRunner runner(Deque<Object> steps) {
        AttendanceStation st = new AttendanceStation("Front door", ScriptedFaces.pipeline(), ScriptedFaces.gallery(),
                StationSettings.defaults(), (c, t) -> AttendanceEvent.Direction.IN, Clock.systemUTC());
        st.addListener(events::add);
        return new StationRunner(st, opener(steps)).onStatus(status::add).pauseWith(pauses::add);
    }

    private static ProviderException refused() {
        return new ProviderException("stream rtsp://camera/1 could not be opened: Connection refused", "check the camera");
    }

    @Test
    void aLiveSourceThatDropsIsReopenedWithGrowingPausesAndTheRunContinues() {
        Deque<Object> steps = new ArrayDeque<>();
        steps.add(source(CAMERA, 5, true));  // drops after 5 frames
        steps.add(refused());                // still away
        steps.add(refused());
        steps.add(source(CAMERA, 4, true));  // back, drops again
        steps.add(source(CAMERA, 3, false)); // back, then the stream ends
        StationRunner r = runner(steps);
        StationRunner.RunStats stats = r.run();
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(1)), pauses,
                "1 s, doubling while it stays away; a success resets the count");
        assertEquals(12, stats.frames());
        assertEquals(2, stats.reconnects());
        assertEquals(1, events.size(), "the visit spans the drop: one check-in");
        assertTrue(status.get(0).startsWith("camera stopped sending frames — reconnecting in 1 s"), status.toString());
        assertTrue(status.contains("source reconnected"), status.toString());
        assertEquals("source ended", status.get(status.size() - 1));
        assertTrue(steps.isEmpty());
    }

    @Test
    void theBackOffDoublesUpToThirtySeconds() {
        List<Long> seconds = new ArrayList<>();
        for (int attempt = 1; attempt <= 8; attempt++) {
            seconds.add(StationRunner.backoff(attempt).toSeconds());
        }
        assertEquals(List.of(1L, 2L, 4L, 8L, 16L, 30L, 30L, 30L), seconds);
    }

    @Test
    void aSourceThatStaysAwayIsGivenUpAfterMaxReconnects() {
        Deque<Object> steps = new ArrayDeque<>();
        steps.add(source(CAMERA, 2, true));
        ProviderException last = refused();
        steps.add(refused());
        steps.add(refused());
        steps.add(last);
        ProviderException e = assertThrows(ProviderException.class, () -> runner(steps).maxReconnects(3).run());
        assertSame(last, e, "the latest failure is reported");
        assertEquals(3, pauses.size());
    }

    @Test
    void aFileThatFailsIsNotReopened() {
        Deque<Object> steps = new ArrayDeque<>();
        steps.add(source(FILE, 3, true));
        ProviderException e = assertThrows(ProviderException.class, () -> runner(steps).run());
        assertEquals("camera stopped sending frames", e.getMessage());
        assertEquals(List.of(), pauses);
    }

    @Test
    void stopDuringABackOffEndsTheRun() {
        Deque<Object> steps = new ArrayDeque<>();
        steps.add(source(CAMERA, 2, true));
        steps.add(source(CAMERA, 5, false)); // opened once more after the pause, then closed unread
        StationRunner[] self = new StationRunner[1];
        self[0] = runner(steps).pauseWith(d -> {
            pauses.add(d);
            self[0].stop();
        });
        StationRunner.RunStats stats = self[0].run();
        assertEquals(2, stats.frames());
        assertEquals(List.of(Duration.ofSeconds(1)), pauses);
    }
}
