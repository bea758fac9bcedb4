package com.faceattend.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.faceattend.engine.station.FrameAnalysis;
import com.faceattend.engine.station.StationRunner;
import com.faceattend.engine.station.TrackState;
import com.faceattend.spi.FrameImage;
import com.faceattend.spi.Problem;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, live gallery: a real station (real models, real Derby, an image-folder source) is told
 * about deletions, deactivations, enrolments and consent withdrawals made while it runs, through the same suite, and
 * acts on them from the next frame, without a restart. Each change is made between two "scenes"
 * (runs of one person's photo), on empty frames that end the previous track.
 */
class LiveGalleryStationTest {
    private static final Path DATA = EnrolmentServiceTest.DATA;
    /** Photo frames per scene: enough embedded frames for a track to be decided, even as a stranger (10). */
    private static final int FACE_FRAMES = 12;
    /** Empty frames between scenes: more than a track may go unseen, so the next scene is a new track. */
    private static final int EMPTY_FRAMES = 12;

    @TempDir
    Path tmp;

    /** One run of a person's photo, and what to change in the store on the empty frames before it. */
    private record Scene(String photo, Consumer<SuiteServices> before) { }

    @Test
    void aRunningStationFollowsDeletionDeactivationEnrolmentAndConsentWithdrawalAtOnce() throws Exception {
        assertTrue(Files.isDirectory(DATA.resolve("video-and-small")), "shared test data missing at " + DATA);
        Path alex = DATA.resolve("video-and-small/video/ref_alex_lacamoire.png");
        Path lin = DATA.resolve("video-and-small/video/ref_lin_manuel_miranda.png");
        Path obama = firstPhoto(DATA.resolve("video-and-small/knn_train/obama"));
        List<Scene> scenes = List.of(
                new Scene("alex", s -> { }),
                new Scene("alex", s -> s.store().setActive("ALEX", false, "test")),
                new Scene("lin", s -> { }),
                new Scene("lin", s -> s.store().deleteEmployee("LIN", "test")),
                new Scene("obama", s -> { }),
                new Scene("obama", s -> enrol(s, "OBAMA", "Barack Obama", obama)),
                new Scene("alex", s -> s.store().setActive("ALEX", true, "test")),
                new Scene("obama", s -> s.store().withdrawConsent("OBAMA", "test")));
        Map<String, Path> photos = Map.of("alex", alex, "lin", lin, "obama", obama);
        Path frames = writeFrames(scenes, photos);

        try (SuiteServices suite = new SuiteServices(tmp.resolve("data"))) {
            enrol(suite, "ALEX", "Alex Lacamoire", alex);
            enrol(suite, "LIN", "Lin-Manuel Miranda", lin);
            SuiteSettings settings = suite.settings().withSource(frames.toString());
            StationSession.Options options = new StationSession.Options(false, false, false, 0,
                    com.faceattend.alerts.AlertSettings.defaults(), false, null);
            int sceneLength = EMPTY_FRAMES + FACE_FRAMES;
            Map<Integer, Set<String>> seen = new HashMap<>();
            AtomicReference<Problem> failure = new AtomicReference<>();
            int[] frameNo = {0};
            StationSession session = suite.startStation(settings, options, new StationSession.Observer() {
                @Override
                public void onFrame(FrameImage frame, FrameAnalysis analysis, double fps) {
                    int n = frameNo[0]++;
                    int scene = n / sceneLength;
                    if (n % sceneLength == 0) {
                        scenes.get(scene).before().accept(suite); // on the station's own thread, between two frames
                    }
                    if (n % sceneLength < EMPTY_FRAMES) {
                        return; // the previous scene's track may still be listed while it ends
                    }
                    for (FrameAnalysis.FaceView v : analysis.faces()) {
                        if (v.state() != TrackState.TRACKING) {
                            seen.computeIfAbsent(scene, k -> new TreeSet<>()).add(v.state() == TrackState.STRANGER ? "stranger" : v.label());
                        }
                    }
                }

                @Override
                public void onStopped(StationRunner.RunStats stats, Problem problem) {
                    failure.set(problem);
                }
            });
            assertTrue(session.awaitStopped(Duration.ofMinutes(5)), "the station ends with its last frame");
            assertNull(failure.get(), () -> "station failed: " + failure.get().sentence());
            assertEquals(scenes.size() * sceneLength, frameNo[0]);

            assertEquals(Set.of("Alex Lacamoire"), seen.get(0), "enrolled and active: recognised");
            assertEquals(Set.of("stranger"), seen.get(1), "deactivated while running: no longer recognised");
            assertEquals(Set.of("Lin-Manuel Miranda"), seen.get(2), "enrolled: recognised");
            assertEquals(Set.of("stranger"), seen.get(3), "deleted while running: no longer recognised");
            assertEquals(Set.of("stranger"), seen.get(4), "not yet enrolled: a stranger");
            assertEquals(Set.of("Barack Obama"), seen.get(5), "enrolled while running: recognised without a restart");
            assertEquals(Set.of("Alex Lacamoire"), seen.get(6), "reactivated while running: recognised again");
            assertEquals(Set.of("stranger"), seen.get(7), "consent withdrawn while running: no longer recognised");
            assertEquals(0, suite.store().countTemplates("OBAMA"), "withdrawing consent erases the templates");
            assertTrue(suite.store().findEmployee("OBAMA").orElseThrow().consentRecordedAt() == null,
                    "consent is cleared, so enrolling again needs it recorded again");
        }
    }

    private static void enrol(SuiteServices suite, String code, String name, Path photo) {
        var checked = suite.enrolment().checkPhotos(List.of(photo), p -> { });
        assertEquals(1, checked.accepted().size(), () -> "photo of " + code + " accepted: " + checked.rejected());
        suite.enrolment().save(code, name, null, true, checked.accepted(), "test");
    }

    /**
     * Image files named in play order: for each scene, empty frames, then the person's photo. Frames
     * are kept small (photos at most 640 pixels wide, empty frames tiny) so the test stays quick.
     */
    private Path writeFrames(List<Scene> scenes, Map<String, Path> photos) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("frames"));
        Path emptyFile = tmp.resolve("empty.png");
        ImageIO.write(new BufferedImage(160, 120, BufferedImage.TYPE_3BYTE_BGR), "png", emptyFile.toFile());
        Map<String, Path> small = new HashMap<>();
        for (var e : photos.entrySet()) {
            small.put(e.getKey(), shrink(e.getValue(), tmp.resolve(e.getKey() + ".png")));
        }
        int n = 0;
        for (Scene scene : scenes) {
            for (int i = 0; i < EMPTY_FRAMES; i++) {
                Files.copy(emptyFile, dir.resolve(String.format("f%04d.png", n++)));
            }
            for (int i = 0; i < FACE_FRAMES; i++) {
                Files.copy(small.get(scene.photo()), dir.resolve(String.format("f%04d.png", n++)));
            }
        }
        return dir;
    }

    private static Path shrink(Path photo, Path out) throws Exception {
        BufferedImage in = ImageIO.read(photo.toFile());
        double scale = Math.min(1.0, 640.0 / in.getWidth());
        int w = (int) Math.round(in.getWidth() * scale);
        int h = (int) Math.round(in.getHeight() * scale);
        BufferedImage small = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        var g = small.createGraphics();
        g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION, java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(in, 0, 0, w, h, null);
        g.dispose();
        ImageIO.write(small, "png", out.toFile());
        return out;
    }

    private static Path firstPhoto(Path folder) throws Exception {
        try (var s = Files.list(folder)) {
            List<Path> all = new ArrayList<>(s.sorted().toList());
            return all.get(0);
        }
    }
}
