package com.faceattend.engine.pipeline;

import com.faceattend.spi.FrameImage;
import com.faceattend.spi.ProviderException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Checks a person's enrolment photos one by one and sorts them into usable templates and
 * rejections with reasons. Saving is the caller's job, so that a person's templates are written
 * all together or not at all.
 */
public final class PhotoSetChecker {
    private final EnrolmentChecker checker;
    private final Function<Path, FrameImage> decoder;
    private final int minFaceSize;

    /** @param decoder reads a photo; throws {@link ProviderException} naming the problem when it cannot */
    public PhotoSetChecker(FacePipeline pipeline, Function<Path, FrameImage> decoder) {
        this.checker = new EnrolmentChecker(pipeline);
        this.decoder = decoder;
        this.minFaceSize = EnrolmentChecker.MIN_FACE_SIZE;
    }

    /** Result for one person. */
    public record Result(List<EnrolmentSample> accepted, List<Rejection> rejected) {
        public Result {
            accepted = List.copyOf(accepted);
            rejected = List.copyOf(rejected);
        }
    }

    /** A photo that was not used, with a sentence saying why and what to do. */
    public record Rejection(Path photo, EnrolmentRejection reason, String problem, String fix) { }

    /** @param afterEach called after each photo (progress) */
    public Result check(List<Path> photos, Consumer<Path> afterEach) {
        List<EnrolmentSample> accepted = new ArrayList<>();
        List<Rejection> rejected = new ArrayList<>();
        for (Path photo : photos) {
            try {
                EnrolmentSample s = checker.check(photo.toString(), decoder.apply(photo));
                if (s.isAccepted()) {
                    accepted.add(s);
                } else {
                    String problem = s.rejection().problem() + (s.detail() == null ? "" : " (" + s.detail() + ")");
                    rejected.add(new Rejection(photo, s.rejection(), problem, s.rejection().fix(minFaceSize)));
                }
            } catch (ProviderException e) {
                rejected.add(new Rejection(photo, EnrolmentRejection.UNREADABLE, e.getMessage(),
                        EnrolmentRejection.UNREADABLE.fix(e.fix())));
            }
            afterEach.accept(photo);
        }
        return new Result(accepted, rejected);
    }
}
