package com.faceattend.opencv;

import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.faceattend.spi.FaceBox;
import com.faceattend.spi.FacePrescreen;
import com.faceattend.spi.FacePrescreenProvider;
import com.faceattend.spi.FrameImage;
import com.faceattend.spi.FrameSource;
import com.faceattend.spi.ProviderException;
import com.faceattend.spi.ProviderSettings;
import com.faceattend.spi.SourceSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;
import org.junit.jupiter.api.Test;

class HaarFacePrescreenTest {
    private final HaarFacePrescreenProvider provider = new HaarFacePrescreenProvider();

    @Test
    void findsTheFaceInAFaces94Photo() {
        FrameImage photo = TestData.DECODER.decode(TestData.file("faces94/identities/9336923/9336923.1.jpg"));
        try (FacePrescreen prescreen = provider.create(ProviderSettings.defaults())) {
            List<FaceBox> boxes = prescreen.candidates(photo);
            assertTrue(boxes.stream().anyMatch(b -> coversCentreOf(b, photo)), "a candidate on the face: " + boxes);
        }
    }

    /**
     * dogs.jpg is a 2x2 collage of four dog faces. Measured: the default pre-screen puts no
     * candidate on any dog face, but one false candidate on a paw and towel in the lower-left
     * tile (at every minNeighbors from 1 to 5). That is what is asserted: a pre-screen may
     * over-report a little, it must not take dog faces for people.
     */
    @Test
    void dogPhoto() {
        FrameImage dogs = TestData.DECODER.decode(TestData.file("detection/dlib/dogs.jpg"));
        assertEquals(900, dogs.width());
        float[][] dogFaceCentres = {{240, 260}, {660, 260}, {245, 680}, {680, 700}}; // read off the photo
        try (FacePrescreen prescreen = provider.create(ProviderSettings.defaults())) {
            List<FaceBox> boxes = prescreen.candidates(dogs);
            System.out.println("dogs.jpg " + dogs.width() + "x" + dogs.height() + ": " + boxes.size() + " candidate(s) " + boxes);
            assertTrue(boxes.size() <= 1, "at most the known paw false positive: " + boxes);
            for (FaceBox b : boxes) {
                for (float[] c : dogFaceCentres) {
                    assertTrue(Math.hypot(b.centerX() - c[0], b.centerY() - c[1]) > 100, "candidate on a dog face: " + b);
                }
            }
        }
    }

    /** Cheap recall floor on real photos (the full measurement of nine configurations is {@link HaarMeasurementBench}). */
    @Test
    void recallOnRealPhotos() throws IOException {
        try (FacePrescreen prescreen = provider.create(ProviderSettings.defaults())) {
            List<Path> firstPhotos;
            try (Stream<Path> ids = Files.list(TestData.file("faces94/identities"))) {
                firstPhotos = ids.sorted().map(d -> d.resolve(d.getFileName() + ".1.jpg")).toList();
            }
            assertEquals(18, firstPhotos.size());
            for (Path p : firstPhotos) {
                FrameImage photo = TestData.DECODER.decode(p);
                assertTrue(prescreen.candidates(photo).stream().anyMatch(b -> coversCentreOf(b, photo)), "face in " + p);
            }
            int labelled = 0;
            int found = 0;
            for (var entry : dlibBoxes().entrySet()) {
                List<FaceBox> candidates = prescreen.candidates(TestData.DECODER.decode(TestData.file("detection/dlib/" + entry.getKey())));
                for (FaceBox truth : entry.getValue()) {
                    labelled++;
                    found += candidates.stream().anyMatch(c -> c.iou(truth) >= 0.3f) ? 1 : 0;
                }
            }
            assertEquals(43, labelled);
            // Measured 33/43: the misses are faces of 37 px in 500 px photos, about 24 px after
            // the scale-down to 320, right at the cascade's 24 px window. Pinned at 33 less one binomial SE,
            // sqrt(43 x 0.77 x 0.23) = 2.8 faces: at least 31 (the cascade is deterministic on these photos).
            assertTrue(found >= 31, "dlib faces found: " + found + "/43, measured 33/43");
        }
    }

    @Test
    void boxesAreInOriginalFrameCoordinates() {
        FrameImage small = TestData.DECODER.decode(TestData.file("faces94/identities/9336923/9336923.1.jpg"));
        FrameImage big = scaled(small, 4); // 720x800: the pre-screen works on a 320-wide copy of it
        try (FacePrescreen prescreen = provider.create(ProviderSettings.defaults())) {
            FaceBox a = largest(prescreen.candidates(small));
            FaceBox b = largest(prescreen.candidates(big));
            assertTrue(b.x() + b.width() <= big.width() + 1 && b.y() + b.height() <= big.height() + 1, b.toString());
            FaceBox back = new FaceBox(b.x() / 4, b.y() / 4, b.width() / 4, b.height() / 4);
            assertTrue(a.iou(back) > 0.6, "same face at both sizes: " + a + " vs " + back);
        }
    }

    /** Timing per frame is HaarMeasurementBench's (ms/640x360); here only what it finds, on every third frame. */
    @Test
    void findsCandidatesInMostFramesOfTheClip() {
        Path clip = TestData.file("video-and-small/video/short_hamilton_clip.mp4");
        try (FrameSource video = new FfmpegFrameSourceProvider().open(SourceSpec.parse(clip.toString()));
             FacePrescreen prescreen = provider.create(ProviderSettings.defaults())) {
            int frames = 0;
            int screened = 0;
            int withFaces = 0;
            FrameImage frame;
            while ((frame = video.next()) != null) {
                if (frames++ % 3 == 0) {
                    screened++;
                    withFaces += prescreen.candidates(frame).isEmpty() ? 0 : 1;
                }
            }
            assertTrue(withFaces > screened / 2, "two people are on screen most of the clip: " + withFaces + "/" + screened);
        }
    }

    @Test
    void lbpCascadeAndOptions() {
        FrameImage photo = TestData.DECODER.decode(TestData.file("faces94/identities/9336923/9336923.1.jpg"));
        var settings = new ProviderSettings(2, Map.of("cascade", "lbpcascade_frontalface_improved.xml", "maxWidth", "640",
                "minNeighbors", "2", "scaleFactor", "1.05"));
        try (FacePrescreen prescreen = provider.create(settings)) {
            assertTrue(prescreen.candidates(photo).stream().anyMatch(b -> coversCentreOf(b, photo)));
        }
        assertThrows(ProviderException.class, () -> provider.create(new ProviderSettings(1, Map.of("scaleFactor", "1.0"))));
        assertThrows(ProviderException.class, () -> provider.create(new ProviderSettings(1, Map.of("maxWidth", "10"))));
        ProviderException e = assertThrows(ProviderException.class,
                () -> provider.create(new ProviderSettings(1, Map.of("cascade", "no_such_cascade.xml"))));
        assertTrue(e.getMessage().contains("no_such_cascade.xml"), e.getMessage());
        assertThrows(ProviderException.class, () -> provider.create(new ProviderSettings(1, Map.of("cascade", "../../etc/passwd"))));
    }

    @Test
    void registeredAsService() {
        FacePrescreenProvider found = ServiceLoader.load(FacePrescreenProvider.class).stream()
                .map(ServiceLoader.Provider::get).filter(p -> p.info().id().equals("opencv-haar")).findFirst().orElseThrow();
        assertInstanceOf(HaarFacePrescreenProvider.class, found);
    }

    static boolean coversCentreOf(FaceBox b, FrameImage f) {
        float cx = f.width() / 2f;
        float cy = f.height() / 2f;
        return b.x() <= cx && cx <= b.x() + b.width() && b.y() <= cy + f.height() / 4f && cy - f.height() / 4f <= b.y() + b.height();
    }

    private static FaceBox largest(List<FaceBox> boxes) {
        return boxes.stream().max((p, q) -> Float.compare(p.area(), q.area())).orElseThrow(() -> new AssertionError("no candidate"));
    }

    private static FrameImage scaled(FrameImage f, int factor) {
        try (PointerScope scope = new PointerScope()) {
            Mat big = new Mat();
            resize(Mats.toMat(f), big, new Size(f.width() * factor, f.height() * factor), 0, 0, INTER_LINEAR);
            return Mats.toFrame(big, f.timestampMillis());
        }
    }

    /** boxes.csv: split,file,x,y,w,h,ignore. */
    static Map<String, List<FaceBox>> dlibBoxes() throws IOException {
        Map<String, List<FaceBox>> boxes = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(TestData.file("detection/dlib/boxes.csv"));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            if (f.length < 7 || f[6].trim().equals("1")) {
                continue;
            }
            boxes.computeIfAbsent(f[1], k -> new ArrayList<>()).add(new FaceBox(Float.parseFloat(f[2]),
                    Float.parseFloat(f[3]), Float.parseFloat(f[4]), Float.parseFloat(f[5])));
        }
        return boxes;
    }
}
