package com.faceattend.onnx;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMWRITE_JPEG_QUALITY;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.faceattend.spi.support.BgrImages;
import com.faceattend.spi.ImageDecoder;
import java.util.ServiceLoader;
import com.faceattend.spi.DetectedFace;
import com.faceattend.spi.FaceBox;
import com.faceattend.spi.FrameImage;
import com.faceattend.spi.ProviderSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;

/**
 * Issue 20, input hygiene: the sources of the shared liveness set differ in image size, JPEG quality
 * and framing between live and attack images, so a check whose score followed those would learn the
 * collection, not the attack. A live photo that passes must still pass when it is shrunk, enlarged or
 * re-encoded as a poor JPEG (the crop is area-averaged, so resolution changes little). Live webcam
 * frames of the eight NUAA subjects (two each), through the station's detector.
 * <p>
 * Framing is printed, not asserted, because it does leak: cut to 1.4x the face box (as face-crop
 * datasets store faces), 7 of 16 live frames fell below 0.5 and 2 below the default threshold. The
 * model reads the face's surroundings; README "Liveness" says so.
 */
class LivenessInputHygieneTest {
    private static final ImageDecoder DECODER = ServiceLoader.load(ImageDecoder.class).findFirst().orElseThrow();
    private static final float THRESHOLD = new SilentLivenessCheckProvider().defaultThreshold();

    private record Variant(String name, UnaryOperator<FrameImage> change) {
    }

    private static final List<Variant> VARIANTS = List.of(
            new Variant("shrunk to 1/2", f -> BgrImages.shrink(f, 0.5f)),
            new Variant("enlarged 1.5x", f -> BgrImages.resize(f, f.width() * 3 / 2, f.height() * 3 / 2)),
            new Variant("JPEG quality 40", f -> jpeg(f, 40)));

    @Test
    void resizingOrReencodingALivePhotoDoesNotTurnItIntoAnAttack() throws IOException {
        List<Path> live;
        try (Stream<Path> s = Files.list(TestData.root().resolve("liveness/live"))) {
            live = s.filter(p -> p.getFileName().toString().startsWith("nuaa-")).sorted().toList();
        }
        assertTrue(live.size() >= 64, "expected the 64 NUAA live frames in ../shared/data/liveness/live, found " + live.size());
        List<String> failures = new ArrayList<>();
        int checked = 0;
        try (UltraFaceDetector detector = new UltraFaceDetectorProvider().create(ProviderSettings.defaults());
             SilentLivenessCheck liveness = new SilentLivenessCheckProvider().create(ProviderSettings.defaults())) {
            for (int i = 0; i < live.size(); i += 4) {
                FrameImage photo = DECODER.decode(live.get(i));
                float original = score(detector, liveness, photo);
                if (!(original >= THRESHOLD)) {
                    continue; // a live photo the check already refuses says nothing about hygiene
                }
                checked++;
                StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%s %.3f", live.get(i).getFileName(), original));
                List<Variant> variants = new ArrayList<>(VARIANTS);
                variants.add(new Variant("framed tightly", f -> tightCrop(detector, f)));
                for (Variant v : variants) {
                    float changed = score(detector, liveness, v.change().apply(photo));
                    row.append(String.format(Locale.ROOT, "  %s %.3f", v.name(), changed));
                    if (!(changed >= THRESHOLD) && !v.name().equals("framed tightly")) {
                        failures.add(live.get(i).getFileName() + " " + v.name() + ": " + original + " -> " + changed);
                    }
                }
                System.out.println(row);
            }
        }
        assertTrue(checked >= 12, "only " + checked + " of 16 live frames passed before any change: the check itself is off");
        assertTrue(failures.isEmpty(), "live photos turned into attacks by a size or JPEG quality change: " + failures);
    }

    private static float score(UltraFaceDetector detector, SilentLivenessCheck liveness, FrameImage frame) {
        return detector.detect(frame).stream().max(Comparator.comparingDouble(f -> f.box().area()))
                .map(face -> liveness.check(frame, face).liveScore()).orElse(Float.NaN);
    }

    /** The frame cut to 1.4x the face box, as face-crop datasets store faces. */
    private static FrameImage tightCrop(UltraFaceDetector detector, FrameImage frame) {
        DetectedFace face = detector.detect(frame).stream().max(Comparator.comparingDouble(f -> f.box().area())).orElseThrow();
        FaceBox b = face.box();
        FaceBox crop = BgrImages.clampToFrame(new FaceBox(b.centerX() - 0.7f * b.width(), b.centerY() - 0.7f * b.height(),
                1.4f * b.width(), 1.4f * b.height()), frame.width(), frame.height());
        return BgrImages.cropResize(frame, crop, Math.round(crop.width()), Math.round(crop.height()));
    }

    private static FrameImage jpeg(FrameImage f, int quality) {
        byte[] bytes;
        try (PointerScope scope = new PointerScope()) {
            Mat image = new Mat(f.height(), f.width(), CV_8UC3, new BytePointer(f.bgr()));
            BytePointer out = new BytePointer();
            imencode(".jpg", image, out, new IntPointer(IMWRITE_JPEG_QUALITY, quality));
            bytes = new byte[(int) out.limit()];
            out.get(bytes);
        }
        return DECODER.decode(bytes, "re-encoded.jpg");
    }
}
