package com.faceattend.spi.contract;

import com.faceattend.spi.AttendanceListenerProvider;
import com.faceattend.spi.DetectedFace;
import com.faceattend.spi.FaceBox;
import com.faceattend.spi.FaceDetector;
import com.faceattend.spi.FaceDetectorProvider;
import com.faceattend.spi.FaceEmbedderProvider;
import com.faceattend.spi.FacePrescreenProvider;
import com.faceattend.spi.FrameImage;
import com.faceattend.spi.FrameSourceProvider;
import com.faceattend.spi.ImageDecoder;
import com.faceattend.spi.LivenessCheck;
import com.faceattend.spi.LivenessCheckProvider;
import com.faceattend.spi.Problem;
import com.faceattend.spi.ProviderInfo;
import com.faceattend.spi.ProviderSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.ServiceLoader;
import java.util.function.Function;

/**
 * The whole contract kit in one call per provider, on the photos this kit ships ({@link TestPhotos}),
 * plus the checks every provider of a plugin jar gets at install time ({@link #verifyAll}).
 *
 * <pre>{@code
 * @Test
 * void keepsTheContract() {
 *     ContractKit.verifyDetector(new MyDetectorProvider());
 * }
 * }</pre>
 *
 * @since 1.0.0
 */
public final class ContractKit {
    /** A detector that takes longer than this on one small frame is taken to hang. */
    static final Duration DETECT_LIMIT = Duration.ofSeconds(30);

    private ContractKit() {
    }

    /** {@link DetectorContract} on the shipped photos, then garbage frames (1x1, noise) that must not break it. */
    public static void verifyDetector(FaceDetectorProvider provider) {
        String id = InfoContract.verify(provider.info());
        Bounded.call(id, "the detector contract", DETECT_LIMIT.multipliedBy(3), () -> {
            DetectorContract.verify(provider, TestPhotos.oneFace(), TestPhotos.noFace());
            return null;
        });
        byte[] noise = new byte[64 * 48 * 3];
        new Random(15).nextBytes(noise);
        try (FaceDetector detector = provider.create(ProviderSettings.defaults())) {
            for (FrameImage garbage : List.of(new FrameImage(1, 1, new byte[3], 0), new FrameImage(64, 48, noise, 0))) {
                String what = "detect() on a " + garbage.width() + "x" + garbage.height() + " frame";
                List<DetectedFace> faces;
                try {
                    faces = Bounded.call(id, what, DETECT_LIMIT, () -> detector.detect(garbage));
                } catch (Problem clear) {
                    continue; // refusing a frame it cannot use, with a reason, is fine
                } catch (RuntimeException other) {
                    throw new AssertionError(id + " breaks the contract: " + what + " threw " + other
                            + " (return no faces, or throw a ProviderException saying why)", other);
                }
                Check.that(faces != null, id, what + " returned null (return an empty list)");
                for (DetectedFace f : faces) {
                    FaceBox b = f.box();
                    Check.that(Float.isFinite(f.score()) && f.score() >= 0 && f.score() <= 1, id, what + " gave score " + f.score());
                    Check.that(b.x() >= -1 && b.y() >= -1 && b.x() + b.width() <= garbage.width() + 1
                            && b.y() + b.height() <= garbage.height() + 1, id, what + " gave box " + b + " outside the frame");
                }
            }
        }
    }

    /** {@link EmbedderContract} on faces aligned from the shipped photos with the SDK's {@code FaceAligner}. */
    public static void verifyEmbedder(FaceEmbedderProvider provider) {
        String id = InfoContract.verify(provider.info());
        Bounded.call(id, "the embedder contract", DETECT_LIMIT.multipliedBy(3), () -> {
            EmbedderContract.verify(provider, TestPhotos.alignedFace(), TestPhotos.alignedFaceAgain(), TestPhotos.alignedSomeoneElse());
            return null;
        });
    }

    /** A liveness check on the shipped face: a score within 0..1 (the kit ships no attack photo). */
    public static void verifyLiveness(LivenessCheckProvider provider) {
        String id = InfoContract.verify(provider.info());
        Check.that(provider.defaultThreshold() > 0f && provider.defaultThreshold() < 1f, id, "default threshold must be within (0, 1)");
        FrameImage photo = TestPhotos.oneFace();
        // the box UltraFace finds on the shipped photo, with its landmarks
        DetectedFace face = new DetectedFace(new FaceBox(90, 30, 45, 57), 0.99f, TestPhotos.oneFaceLandmarks());
        try (LivenessCheck check = provider.create(ProviderSettings.defaults())) {
            float score = Bounded.call(id, "check()", DETECT_LIMIT, () -> check.check(photo, face).liveScore());
            Check.that(score >= 0f && score <= 1f, id, "live score must be within 0..1, was " + score);
        }
    }

    /**
     * Every provider that {@code plugin} itself registers (in its {@code META-INF/services}; the
     * providers of its parent loaders are not checked) passes its contract.
     *
     * @param listenerSettings what a station would give a listener (see {@link AttendanceListenerProvider})
     * @return one line per provider checked, e.g. {@code face detector acme-far 1.0.0: contract kept}
     * @throws AssertionError naming the first provider that breaks its contract
     */
    public static List<String> verifyAll(ClassLoader plugin, ProviderSettings listenerSettings) {
        List<String> report = new ArrayList<>();
        for (FaceDetectorProvider p : own(FaceDetectorProvider.class, plugin)) {
            guarded(p.info(), () -> verifyDetector(p));
            report.add(line("face detector", p.info(), "contract kept"));
        }
        for (FaceEmbedderProvider p : own(FaceEmbedderProvider.class, plugin)) {
            guarded(p.info(), () -> verifyEmbedder(p));
            report.add(line("face embedder", p.info(), "contract kept"));
        }
        for (LivenessCheckProvider p : own(LivenessCheckProvider.class, plugin)) {
            guarded(p.info(), () -> verifyLiveness(p));
            report.add(line("liveness check", p.info(), "contract kept"));
        }
        for (AttendanceListenerProvider p : own(AttendanceListenerProvider.class, plugin)) {
            boolean[] started = {false};
            guarded(p.info(), () -> started[0] = ListenerContract.verify(p, listenerSettings));
            report.add(line("attendance listener", p.info(), started[0] ? "contract kept" : "contract kept; needs configuration to start"));
        }
        infoOnly(report, "frame source", own(FrameSourceProvider.class, plugin), FrameSourceProvider::info);
        infoOnly(report, "pre-screen", own(FacePrescreenProvider.class, plugin), FacePrescreenProvider::info);
        infoOnly(report, "image decoder", own(ImageDecoder.class, plugin), ImageDecoder::info);
        return report;
    }

    /** A provider that throws where the contract expects an answer breaks it as much as a wrong answer. */
    private static void guarded(ProviderInfo info, Runnable check) {
        try {
            check.run();
        } catch (RuntimeException thrown) {
            throw new AssertionError(info.id() + " breaks the contract: it threw " + thrown, thrown);
        }
    }

    private static <T> void infoOnly(List<String> report, String kind, List<T> providers, Function<T, ProviderInfo> info) {
        for (T p : providers) {
            InfoContract.verify(info.apply(p));
            report.add(line(kind, info.apply(p), "names itself completely (no photo check for this kind)"));
        }
    }

    private static String line(String kind, ProviderInfo info, String verdict) {
        return kind + " " + info.id() + " " + info.version() + " (" + info.vendor() + "): " + verdict;
    }

    /** The providers of {@code type} whose classes {@code plugin} defines itself. */
    private static <T> List<T> own(Class<T> type, ClassLoader plugin) {
        List<T> out = new ArrayList<>();
        ServiceLoader.load(type, plugin).stream()
                .filter(p -> p.type().getClassLoader() == plugin)
                .forEach(p -> out.add(p.get()));
        return out;
    }
}
