package com.faceattend.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.faceattend.engine.providers.ProviderRegistry;
import com.faceattend.spi.Problem;
import com.faceattend.spi.FrameImage;
import com.faceattend.spi.ImageDecoder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Enrolment as the desktop suite uses it, on real photos, real models and a real Derby folder. */
class EnrolmentServiceTest {
    private static final ImageDecoder DECODER = new ProviderRegistry().imageDecoder();
    static final Path DATA = Path.of(System.getProperty("faceattend.data", "../../../shared/data"));

    @TempDir
    Path tmp;
    SuiteServices suite;

    @BeforeEach
    void open() {
        assertTrue(Files.isDirectory(DATA.resolve("faces94")), "shared test data missing at " + DATA);
        suite = new SuiteServices(tmp.resolve("data"));
    }

    @AfterEach
    void close() {
        suite.close();
    }

    @Test
    void bulkImportEnrolsGoodPhotosAndNamesEachRejectWithItsReason() throws Exception {
        Path root = tmp.resolve("people");
        Path person = Files.createDirectories(root.resolve("E001"));
        List<Path> photos;
        try (Stream<Path> s = Files.list(DATA.resolve("faces94/identities/9336923"))) {
            photos = s.sorted().limit(2).toList();
        }
        for (Path p : photos) {
            Files.copy(p, person.resolve(p.getFileName()));
        }
        Files.write(person.resolve("broken.jpg"), new byte[] {(byte) 0xFF, (byte) 0xD8, 1, 2, 3}); // a truncated JPEG
        Path group = Files.createDirectories(root.resolve("E002"));
        Files.copy(DATA.resolve("bbt/group_photos/bbt1.jpg"), group.resolve("group.jpg"));
        List<String> progress = new ArrayList<>();

        List<EnrolmentService.PersonResult> results = suite.enrolment().importFolder(root, "Sales", true, "test",
                (done, total, what) -> progress.add(done + "/" + total), () -> false);

        assertEquals(List.of("1/4", "2/4", "3/4", "4/4"), progress);
        EnrolmentService.PersonResult e1 = results.get(0);
        assertEquals("E001", e1.code());
        assertEquals(2, e1.photosAccepted());
        assertEquals(1, e1.rejected().size());
        assertEquals("broken.jpg", e1.rejected().get(0).photo().getFileName().toString());
        EnrolmentService.PersonResult e2 = results.get(1);
        assertEquals(0, e2.templatesSaved(), "a group photo must not enrol anyone");
        assertTrue(e2.rejected().get(0).problem().contains("face"), e2.rejected().get(0).problem());
        assertEquals(List.of("E001"), suite.store().listEmployees(true).stream().map(e -> e.code()).toList());
        assertTrue(suite.store().findEmployee("E001").orElseThrow().hasConsent());
        assertEquals("Sales", suite.store().findEmployee("E001").orElseThrow().department());
    }

    @Test
    void nothingIsStoredWithoutConsent() throws Exception {
        Path photo = DATA.resolve("faces94/identities/9336923/9336923.1.jpg");
        var sample = suite.enrolment().check("photo", DECODER.decode(photo));
        assertTrue(sample.isAccepted());
        Problem e = assertThrows(Problem.class,
                () -> suite.enrolment().save("E009", "Nobody", null, false, List.of(sample), "test"));
        assertTrue(e.getMessage().contains("consent"), e.getMessage());
        assertEquals(List.of(), suite.store().listEmployees(true));
        assertEquals(Problem.Kind.REFUSED, e.kind());
        assertEquals(e, Problem.of(new RuntimeException("wrapped", e)), "a wrapped problem is found in the cause chain");
    }

    /** The capture window's blur check: a sharp portrait passes, the same portrait blurred does not. */
    @Test
    void captureFeedbackTellsSharpFromBlurred() {
        FrameImage sharp = DECODER.decode(DATA.resolve("faces94/identities/9336923/9336923.1.jpg"));
        CaptureFeedback good = suite.enrolment().assess(sharp);
        assertEquals(1, good.faces());
        assertTrue(good.ready(), "sharp frontal portrait: " + good.issues() + ", sharpness " + good.sharpness());
        CaptureFeedback blurred = suite.enrolment().assess(boxBlur(sharp, 4));
        assertFalse(blurred.ready(), "blurred portrait accepted, sharpness " + blurred.sharpness());
        assertTrue(blurred.issues().stream().anyMatch(i -> i.contains("blurred")), blurred.issues().toString());
        System.out.printf("sharpness: sharp %.0f, blurred %.0f%n", good.sharpness(), blurred.sharpness());
    }

    /** A (2r+1)² box blur, as a defocused or shaken camera gives. */
    static FrameImage boxBlur(FrameImage f, int r) {
        int w = f.width(), h = f.height();
        byte[] in = f.bgr(), out = new byte[in.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int c = 0; c < 3; c++) {
                    int sum = 0, n = 0;
                    for (int dy = -r; dy <= r; dy++) {
                        int yy = Math.min(h - 1, Math.max(0, y + dy));
                        for (int dx = -r; dx <= r; dx++) {
                            int xx = Math.min(w - 1, Math.max(0, x + dx));
                            sum += in[(yy * w + xx) * 3 + c] & 0xFF;
                            n++;
                        }
                    }
                    out[(y * w + x) * 3 + c] = (byte) (sum / n);
                }
            }
        }
        return new FrameImage(w, h, out, f.timestampMillis());
    }
}
