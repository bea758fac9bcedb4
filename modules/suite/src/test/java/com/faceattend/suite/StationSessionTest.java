package com.faceattend.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.faceattend.engine.station.StationRunner;
import com.faceattend.engine.providers.ProviderRegistry;
import com.faceattend.spi.AttendanceEvent;
import com.faceattend.spi.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The desktop's station session on real models and a real Derby folder, fed an image folder of one
 * enrolled person's faces94 photos: it starts on its own thread, records the visit once in the store
 * before telling the observer, and reports how it stopped; a source that does not exist is a stated
 * problem, not an exception on the station thread. Door hardware switched on where there is no GPIO
 * (this machine) is said once and the station runs on. Waits are on the observer's callbacks.
 */
class StationSessionTest {
    private static final Path PERSON = EnrolmentServiceTest.DATA.resolve("faces94/identities/9336923");

    @TempDir
    Path tmp;
    SuiteServices suite;

    /** Everything the observer heard, and a latch for onStopped. */
    static final class Heard implements StationSession.Observer {
        final List<String> started = new CopyOnWriteArrayList<>();
        final List<String> statuses = new CopyOnWriteArrayList<>();
        final List<AttendanceEvent> events = new CopyOnWriteArrayList<>();
        final List<Integer> storedAtEvent = new CopyOnWriteArrayList<>();
        final CountDownLatch stopped = new CountDownLatch(1);
        volatile StationRunner.RunStats stats;
        volatile Problem problem;
        volatile int frames;
        private final SuiteServices suite;

        Heard(SuiteServices suite) {
            this.suite = suite;
        }

        @Override
        public void onStarted(String source, int enrolledPeople) {
            started.add(source + " with " + enrolledPeople);
        }

        @Override
        public void onStatus(String message) {
            statuses.add(message);
        }

        @Override
        public void onFrame(com.faceattend.spi.FrameImage frame, com.faceattend.engine.station.FrameAnalysis analysis, double fps) {
            frames++;
        }

        @Override
        public void onEvent(AttendanceEvent event) {
            events.add(event);
            storedAtEvent.add(suite.store().listAttendance(Instant.EPOCH, Instant.now().plusSeconds(60), null).size());
        }

        @Override
        public void onStopped(StationRunner.RunStats s, Problem p) {
            stats = s;
            problem = p;
            stopped.countDown();
        }
    }

    @BeforeEach
    void open() {
        assertTrue(Files.isDirectory(PERSON), "shared test data missing at " + PERSON);
        suite = new SuiteServices(tmp.resolve("data"));
    }

    @AfterEach
    void close() {
        suite.close();
    }

    private SuiteSettings settings(String source) {
        SuiteSettings d = SuiteSettings.defaults();
        // Liveness on at its lowest allowed threshold (0.05): faces94 photos are stills of live people and liveness has
        // tests of its own. (With liveness off the live score is NaN, which the store refused before issue 18's fix.)
        return new SuiteSettings(source, "Front door", "in", d.strangersOneIn(), true, 0.05f, d.cooldown(),
                d.processEveryNth(), d.maxFrameWidth(), d.detectorId(), d.embedderId(), d.livenessId());
    }

    @Test
    void anEnrolledPersonInTheSourceIsRecordedOnceBeforeTheObserverHearsOfIt() throws Exception {
        List<Path> photos;
        try (Stream<Path> s = Files.list(PERSON)) {
            photos = s.sorted().toList();
        }
        var sample = suite.enrolment().check("photo", new ProviderRegistry().imageDecoder().decode(photos.get(0)));
        assertTrue(sample.isAccepted());
        suite.enrolment().save("E001", "Ann Example", null, true, List.of(sample), "test");
        Path frames = Files.createDirectories(tmp.resolve("frames"));
        for (int i = 1; i <= 8; i++) {
            Files.createSymbolicLink(frames.resolve(String.format("%02d.jpg", i)), photos.get(i));
        }
        suite.saveSettings(settings(frames.toString()));
        // door hardware switched on in Settings, on a computer without GPIO: said once, and the station runs on
        suite.doorHardware().save(DoorHardware.defaults(), true);

        Heard heard = new Heard(suite);
        StationSession session = suite.startStation(heard);
        assertTrue(heard.stopped.await(5, TimeUnit.MINUTES), "the folder ends, so the session stops by itself");
        assertTrue(session.awaitStopped(Duration.ofMinutes(1)), "onStopped comes just before the session counts as stopped");
        assertFalse(session.isRunning());

        assertNull(heard.problem, () -> "stopped with " + heard.problem);
        assertEquals(1, heard.started.size());
        assertTrue(heard.started.get(0).endsWith(" with 1"), heard.started.toString());
        assertEquals(8, heard.stats.frames());
        assertEquals(8, heard.frames, "every frame shown to the observer");
        assertEquals(1, heard.events.size(), "one visit, one event: " + heard.events);
        AttendanceEvent.PersonRecognized e = assertInstanceOf(AttendanceEvent.PersonRecognized.class, heard.events.get(0));
        assertEquals("E001", e.employeeCode());
        assertEquals(AttendanceEvent.Direction.IN, e.direction());
        assertEquals("Front door", e.station());
        assertEquals(List.of(1), heard.storedAtEvent, "recorded in the store before the observer is told");
        assertEquals(1, heard.statuses.stream().filter(m -> m.startsWith("Door hardware off: GPIO is not available on this machine")
                && m.endsWith("The station runs on without it.")).count(), heard.statuses.toString());
    }

    @Test
    void aSourceThatDoesNotExistStopsTheSessionWithAStatedProblem() throws Exception {
        suite.saveSettings(settings(tmp.resolve("no-such-clip.mp4").toString()));
        Heard heard = new Heard(suite);
        suite.startStation(heard);
        assertTrue(heard.stopped.await(5, TimeUnit.MINUTES));
        assertNotNull(heard.problem, "a missing source is a problem to show");
        assertTrue(heard.problem.sentence().contains("no-such-clip.mp4"), heard.problem.sentence());
        assertTrue(heard.problem.sentence().contains("not found"), heard.problem.sentence());
        assertEquals(0, heard.stats.frames(), "no frame from a source that is not there");
    }
}
