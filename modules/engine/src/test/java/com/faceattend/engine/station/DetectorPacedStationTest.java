package com.faceattend.engine.station;

import static com.faceattend.engine.station.ScriptedFaces.ANN;
import static com.faceattend.engine.station.ScriptedFaces.BOB;
import static com.faceattend.engine.station.ScriptedFaces.EMPTY;
import static com.faceattend.engine.station.ScriptedFaces.STRANGER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.faceattend.engine.pipeline.FacePipeline;
import com.faceattend.engine.pipeline.PipelineSettings;
import com.faceattend.spi.AlignedFace;
import com.faceattend.spi.AttendanceEvent;
import com.faceattend.spi.AttendanceEvent.Direction;
import com.faceattend.spi.DetectedFace;
import com.faceattend.spi.Embedding;
import com.faceattend.spi.FaceBox;
import com.faceattend.spi.FaceEmbedder;
import com.faceattend.spi.FaceLandmarks;
import com.faceattend.spi.FrameImage;
import com.faceattend.spi.FrameSource;
import com.faceattend.spi.SourceSpec;
import com.faceattend.spi.TwoStageFaceDetector;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The detector-paced station ({@link StationPacing#DETECTOR_PACED}) against today's path, with the
 * scripted models: the same decisions, landmarks and embeddings only for the tracks that need them,
 * and a busy recognition never holding up the next frame.
 */
class DetectorPacedStationTest {
    private static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");

    /** ScriptedFaces' detector in two stages, counting how often each stage runs. */
    static final class TwoStageDetector implements TwoStageFaceDetector {
        final AtomicInteger boxes = new AtomicInteger();
        final AtomicInteger landmarks = new AtomicInteger();
        private final ScriptedFaces.Detector oneStage = new ScriptedFaces.Detector();

        @Override
        public List<ScoredBox> detectBoxes(FrameImage frame) {
            boxes.incrementAndGet();
            return oneStage.detect(frame).stream().map(f -> new ScoredBox(f.box(), f.score())).toList();
        }

        @Override
        public FaceLandmarks locateLandmarks(FrameImage frame, FaceBox box) {
            landmarks.incrementAndGet();
            return oneStage.detect(frame).get(0).landmarks();
        }

        @Override
        public List<DetectedFace> detect(FrameImage frame) {
            List<DetectedFace> faces = oneStage.detect(frame);
            landmarks.addAndGet(faces.size());
            return faces;
        }

        @Override
        public void close() {
        }
    }

    /** ScriptedFaces' embedder that counts its passes, and can be held until the test lets it go. */
    static final class HeldEmbedder implements FaceEmbedder {
        final AtomicInteger passes = new AtomicInteger();
        final CountDownLatch entered = new CountDownLatch(1);
        volatile CountDownLatch hold = new CountDownLatch(0);
        private final ScriptedFaces.Embedder scripted = new ScriptedFaces.Embedder();

        @Override
        public String modelId() {
            return scripted.modelId();
        }

        @Override
        public int dimension() {
            return scripted.dimension();
        }

        @Override
        public Embedding embed(AlignedFace face) {
            passes.incrementAndGet();
            entered.countDown();
            try {
                if (!hold.await(30, TimeUnit.SECONDS)) {
                    throw new AssertionError("the test never let the embedder go");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return scripted.embed(face);
        }

        @Override
        public void close() {
        }
    }

    private final TwoStageDetector detector = new TwoStageDetector();
    private final HeldEmbedder embedder = new HeldEmbedder();

    private AttendanceStation station(StationPacing pacing, List<String> decisions) {
        FacePipeline pipeline = new FacePipeline(detector, embedder, null,
                PipelineSettings.defaults().withLiveness(false).withFlipAverage(false));
        AttendanceStation st = new AttendanceStation("Front door", pipeline, ScriptedFaces.gallery(), StationSettings.defaults(),
                (code, time) -> Direction.IN, Clock.fixed(NOW, ZoneOffset.UTC));
        st.pacing(pacing);
        st.addListener(e -> decisions.add(describe(e)));
        return st;
    }

    private static String describe(AttendanceEvent e) {
        return switch (e) {
            case AttendanceEvent.PersonRecognized p -> p.employeeCode();
            case AttendanceEvent.StrangerSeen s -> "stranger";
            case AttendanceEvent.SpoofSuspected s -> "spoof " + s.claimedEmployeeCode();
        };
    }

    /** Ann, a cut to Bob under the same box, the doorway empty, a stranger, Ann again within her cooldown. */
    private static List<Integer> scene() {
        List<Integer> greys = new ArrayList<>();
        int[][] parts = {{ANN, 12}, {BOB, 12}, {EMPTY, 12}, {STRANGER, 15}, {EMPTY, 12}, {ANN, 6}};
        for (int[] part : parts) {
            for (int i = 0; i < part[1]; i++) {
                greys.add(part[0]);
            }
        }
        return greys;
    }

    /** A file of the scene: the runner keeps recognition in step with it on the second thread. */
    private static FrameSource file(List<Integer> greys) {
        return new FrameSource() {
            int served;

            @Override
            public FrameImage next() {
                return served < greys.size() ? ScriptedFaces.frame(greys.get(served), 100L * served++) : null;
            }

            @Override
            public SourceSpec spec() {
                return new SourceSpec(SourceSpec.Kind.FILE, "scene.mp4");
            }

            @Override
            public double frameRate() {
                return 10;
            }

            @Override
            public void close() {
            }
        };
    }

    @Test
    void bothPathsDecideTheSameOnAFileRecognisingOnASecondThread() {
        List<String> today = new ArrayList<>();
        new StationRunner(station(StationPacing.EVERY_FRAME, today), () -> file(scene())).onStatus(s -> { }).run();
        List<String> paced = new ArrayList<>();
        new StationRunner(station(StationPacing.DETECTOR_PACED, paced), () -> file(scene())).onStatus(s -> { }).run();

        assertEquals(List.of("E1", "E2", "stranger"), today, "Ann, Bob after the cut (a re-check), one stranger alert");
        assertEquals(today, paced);
    }

    @Test
    void aTrackedFaceCostsDetectionAloneBetweenReChecks() {
        int frames = 30;
        AttendanceStation st = station(StationPacing.DETECTOR_PACED, new ArrayList<>());
        for (int i = 0; i < frames; i++) {
            st.process(ScriptedFaces.frame(ANN, 100L * i));
        }
        int votes = StationSettings.defaults().votesToDecide();
        int reChecks = (frames - votes) / AttendanceStation.RECHECK_INTERVAL;
        assertEquals(frames, detector.boxes.get(), "every frame is detected");
        assertEquals(votes + reChecks, detector.landmarks.get(), "landmarks for the deciding frames and the re-checks only");
        assertEquals(votes + reChecks, embedder.passes.get());

        detector.landmarks.set(0);
        AttendanceStation today = station(StationPacing.EVERY_FRAME, new ArrayList<>());
        for (int i = 0; i < frames; i++) {
            today.process(ScriptedFaces.frame(ANN, 100L * i));
        }
        assertEquals(frames, detector.landmarks.get(), "today's path locates every face of every frame");
    }

    @Test
    void aBusyRecognitionNeverHoldsUpTheNextFramesOfACamera() throws InterruptedException {
        List<String> decisions = new ArrayList<>();
        AttendanceStation st = station(StationPacing.DETECTOR_PACED, decisions);
        st.overlapRecognition(RecognitionOverlap.NEWEST_FRAME_WINS);
        embedder.hold = new CountDownLatch(1);
        long t = 0;
        for (int i = 0; i < 6; i++) {
            FrameAnalysis frame = st.process(ScriptedFaces.frame(ANN, t += 100));
            assertTrue(frame.analysed());
            assertEquals(TrackState.TRACKING, frame.faces().get(0).state(), "followed while recognition is busy");
        }
        assertTrue(embedder.entered.await(30, TimeUnit.SECONDS), "the first frame's recognition started");        assertEquals(1, embedder.passes.get(), "the frames met a busy recognition and were only tracked, none queued");

        embedder.hold.countDown();
        assertEquals(List.of(), st.finish(), "one embedded frame decides nothing yet");
        for (int i = 0; i < 2; i++) { // each frame is recognised before the next one here
            st.process(ScriptedFaces.frame(ANN, t += 100));
            st.finish();
        }
        assertEquals(List.of("E1"), decisions, "the third embedded frame decides");
        assertEquals(3, embedder.passes.get());
    }
}
