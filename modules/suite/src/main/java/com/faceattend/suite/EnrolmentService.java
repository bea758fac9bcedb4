package com.faceattend.suite;

import com.faceattend.engine.image.Sharpness;
import com.faceattend.engine.pipeline.EnrolmentChecker;
import com.faceattend.engine.pipeline.EnrolmentSample;
import com.faceattend.engine.pipeline.FacePipeline;
import com.faceattend.engine.pipeline.PhotoSetChecker;
import com.faceattend.spi.DetectedFace;
import com.faceattend.spi.FrameImage;
import com.faceattend.spi.ImageDecoder;
import com.faceattend.spi.Problem;
import com.faceattend.store.TemplateToSave;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * Enrolment for a front end: checks photos and camera frames (one face, large enough, frontal,
 * sharp), and saves the accepted samples' templates, never the photos, and only with consent.
 * One pipeline (without liveness), opened on first use; methods are serialised.
 */
public final class EnrolmentService implements AutoCloseable {
    /** Image file endings the bulk import reads. */
    public static final Set<String> PHOTO_ENDINGS = Set.of("jpg", "jpeg", "png", "bmp", "pgm", "ppm", "tif", "tiff", "webp");
    // 1x1 PNG, decoded once at start-up to load the decoder's native code early.
    private static final byte[] TINY_PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC");

    private final SuiteServices suite;
    private FacePipeline pipeline;

    EnrolmentService(SuiteServices suite) {
        this.suite = suite;
    }

    static void warmDecoder(ImageDecoder decoder) {
        decoder.decode(TINY_PNG, "warm-up image");
    }

    private FacePipeline pipeline() {
        if (pipeline == null) {
            pipeline = suite.openPipeline(suite.settings(), false);
        }
        return pipeline;
    }

    /** Quality of a camera frame as a possible enrolment sample; cheap enough for every preview frame. */
    public synchronized CaptureFeedback assess(FrameImage frame) {
        FacePipeline p = pipeline();
        List<DetectedFace> faces = p.detect(frame);
        if (faces.isEmpty()) {
            return new CaptureFeedback(0, null, 0, 0f, 0, List.of("no face found: look at the camera"));
        }
        DetectedFace main = faces.stream().max(Comparator.comparingDouble(f -> f.box().area())).orElseThrow();
        List<String> issues = new ArrayList<>();
        if (faces.size() > 1) {
            issues.add(faces.size() + " faces in view: only the person being enrolled may be in the picture");
        }
        int height = Math.round(main.box().height());
        if (height < EnrolmentChecker.MIN_FACE_SIZE) {
            issues.add("face too small (" + height + " px, needs " + EnrolmentChecker.MIN_FACE_SIZE + "): move closer");
        }
        float yaw = EnrolmentChecker.yawRatio(main.landmarks());
        if (Math.abs(yaw) > EnrolmentChecker.MAX_YAW_RATIO) {
            issues.add("head turned: look straight at the camera");
        }
        double sharpness = Sharpness.laplacianVariance(p.align(frame, main));
        if (sharpness < Sharpness.BLURRED_BELOW) {
            issues.add("image blurred: hold still, check focus and light");
        }
        return new CaptureFeedback(faces.size(), main, height, yaw, sharpness, issues);
    }

    /** Checks one photo or captured frame; an accepted sample carries its templates. */
    public synchronized EnrolmentSample check(String source, FrameImage photo) {
        return new EnrolmentChecker(pipeline()).check(source, photo);
    }

    /** Checks photo files (decoding each; a corrupt file is a rejection, not an error). */
    public synchronized PhotoSetChecker.Result checkPhotos(List<Path> photos, java.util.function.Consumer<Path> afterEach) {
        return new PhotoSetChecker(pipeline(), suite.providers().imageDecoder()::decode).check(photos, afterEach);
    }

    /**
     * Saves an employee (new or existing) and the templates of the accepted samples.
     *
     * @param consentGiven the person gave informed consent; without it nothing is stored
     * @return templates stored
     */
    public int save(String code, String name, String department, boolean consentGiven, List<EnrolmentSample> accepted, String actor) {
        if (!consentGiven) {
            throw new Problem(Problem.Kind.REFUSED, "no consent is recorded for " + code
                    + ": FaceAttend stores face templates only with the person's consent",
                    "obtain the person's written consent and record it with the enrolment");
        }
        List<TemplateToSave> templates = accepted.stream().filter(EnrolmentSample::isAccepted)
                .flatMap(s -> s.templates().stream().map(e -> new TemplateToSave(e, s.quality()))).toList();
        if (templates.isEmpty()) {
            throw new Problem(Problem.Kind.BAD_INPUT, "no usable photo of " + code + " was accepted",
                    "add a sharp, frontal photo with only this person's face");
        }
        // one transaction: never an employee without templates; the same photos again store nothing new
        return suite.store().enrol(code, name, department, Instant.now(), templates, actor);
    }

    /** One person's outcome in a bulk import. */
    public record PersonResult(String code, int photosAccepted, int templatesSaved, List<PhotoSetChecker.Rejection> rejected) { }

    /** Progress of a long operation: {@code done} of {@code total}, and what is being worked on. */
    @FunctionalInterface
    public interface Progress {
        void step(int done, int total, String what);
    }

    /**
     * Enrols a folder tree: one sub-folder per person, named by employee code (also the name of new
     * employees). Photos that fail a check are listed with the reason; people with no usable photo
     * are not enrolled. Stops between people when {@code cancelled} says so.
     */
    public List<PersonResult> importFolder(Path root, String department, boolean consentGiven, String actor,
            Progress progress, BooleanSupplier cancelled) throws IOException {
        if (!consentGiven) {
            throw new Problem(Problem.Kind.REFUSED, "no consent is recorded for the people in " + root,
                    "import only people who gave written consent, and record that they did");
        }
        if (!Files.isDirectory(root)) {
            throw new Problem(Problem.Kind.BAD_INPUT, root + " is not a folder", "choose the folder that holds one sub-folder per person");
        }
        List<Path> people;
        try (Stream<Path> s = Files.list(root)) {
            people = s.filter(Files::isDirectory).sorted().toList();
        }
        List<List<Path>> photos = new ArrayList<>();
        int total = 0;
        for (Path person : people) {
            List<Path> list;
            try (Stream<Path> s = Files.list(person)) {
                list = s.filter(EnrolmentService::isPhoto).sorted().toList();
            }
            photos.add(list);
            total += list.size();
        }
        if (total == 0) {
            throw new Problem(Problem.Kind.BAD_INPUT, root + " has no sub-folders with photos",
                    "put each person's photos in a sub-folder named after their employee code");
        }
        List<PersonResult> results = new ArrayList<>();
        int[] done = {0};
        int all = total;
        for (int i = 0; i < people.size() && !cancelled.getAsBoolean(); i++) {
            String code = people.get(i).getFileName().toString();
            if (photos.get(i).isEmpty()) {
                continue;
            }
            PhotoSetChecker.Result r = checkPhotos(photos.get(i), p -> progress.step(++done[0], all, code + "/" + p.getFileName()));
            int saved = r.accepted().isEmpty() ? 0 : save(code, code, department, true, r.accepted(), actor);
            results.add(new PersonResult(code, r.accepted().size(), saved, r.rejected()));
        }
        return results;
    }

    /** A file with a photo ending this suite decodes. */
    public static boolean isPhoto(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = n.lastIndexOf('.');
        return dot > 0 && Files.isRegularFile(p) && PHOTO_ENDINGS.contains(n.substring(dot + 1));
    }

    @Override
    public synchronized void close() {
        if (pipeline != null) {
            pipeline.close();
            pipeline = null;
        }
    }
}
