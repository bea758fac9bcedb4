package com.faceattend.engine.pipeline;

import com.faceattend.spi.AlignedFace;
import com.faceattend.spi.DetectedFace;
import com.faceattend.spi.Embedding;
import com.faceattend.spi.FaceDetector;
import com.faceattend.spi.FaceBox;
import com.faceattend.spi.FaceEmbedder;
import com.faceattend.spi.FrameImage;
import com.faceattend.spi.LivenessCheck;
import com.faceattend.spi.LivenessResult;
import com.faceattend.spi.TwoStageFaceDetector;
import com.faceattend.spi.support.FaceAligner;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Detect, align, embed and (optionally) check liveness, with whichever providers were chosen.
 * Owns the provider workers and closes them. Not thread-safe (the model sessions are not shared),
 * except that one thread may find faces ({@link #findFaces}) while another locates, embeds and checks
 * them: those stages use different model sessions.
 */
public final class FacePipeline implements AutoCloseable {
    private final FaceDetector detector;
    private final FaceEmbedder embedder;
    private final LivenessCheck liveness;
    private final PipelineSettings settings;
    private final FaceAligner aligner = new FaceAligner();

    /** @param liveness may be null: no liveness stage */
    public FacePipeline(FaceDetector detector, FaceEmbedder embedder, LivenessCheck liveness, PipelineSettings settings) {
        this.detector = Objects.requireNonNull(detector, "detector");
        this.embedder = Objects.requireNonNull(embedder, "embedder");
        this.liveness = liveness;
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public PipelineSettings settings() {
        return settings;
    }

    public String modelId() {
        return embedder.modelId();
    }

    public int dimension() {
        return embedder.dimension();
    }

    public List<DetectedFace> detect(FrameImage frame) {
        return detector.detect(frame);
    }

    /**
     * The faces' boxes only, when the detector can locate landmarks apart (a station tracks boxes and
     * locates landmarks only for the faces it embeds); otherwise the faces with their landmarks.
     */
    public List<FoundFace> findFaces(FrameImage frame) {
        if (detector instanceof TwoStageFaceDetector staged) {
            List<TwoStageFaceDetector.ScoredBox> boxes = staged.detectBoxes(frame);
            List<FoundFace> found = new ArrayList<>(boxes.size());
            for (TwoStageFaceDetector.ScoredBox b : boxes) {
                found.add(new FoundFace(b.box(), b.score(), null));
            }
            return found;
        }
        return detector.detect(frame).stream().map(FoundFace::of).toList();
    }

    /** The found face with its landmarks, locating them if {@link #findFaces} did not. */
    public DetectedFace locate(FrameImage frame, FoundFace face) {
        if (face.located() != null) {
            return face.located();
        }
        TwoStageFaceDetector staged = (TwoStageFaceDetector) detector; // only two-stage detectors leave faces unlocated
        return new DetectedFace(face.box(), face.score(), staged.locateLandmarks(frame, face.box()));
    }

    public boolean largeEnough(DetectedFace face) {
        return largeEnough(face.box());
    }

    public boolean largeEnough(FaceBox box) {
        return Math.min(box.width(), box.height()) >= settings.minFaceSize();
    }

    public AlignedFace align(FrameImage frame, DetectedFace face) {
        return aligner.align(frame, face.landmarks());
    }

    /** The face's embedding (flip-averaged when the settings say so). */
    public Embedding embed(FrameImage frame, DetectedFace face) {
        return embedAligned(align(frame, face));
    }

    public Embedding embedAligned(AlignedFace aligned) {
        Embedding e = embedder.embed(aligned);
        if (!settings.flipAverage()) {
            return e;
        }
        float[] sum = e.vector().clone();
        float[] mirror = embedder.embed(aligned.mirrored()).vector();
        for (int i = 0; i < sum.length; i++) {
            sum[i] += mirror[i];
        }
        return Embedding.normalised(e.modelId(), sum);
    }

    /** Liveness of the face, or empty when liveness is off or no provider is installed. */
    public Optional<LivenessResult> liveness(FrameImage frame, DetectedFace face) {
        if (liveness == null || !settings.livenessEnabled()) {
            return Optional.empty();
        }
        return Optional.of(liveness.check(frame, face));
    }

    /**
     * Liveness of a face the station follows as track {@code trackId}, for checks that judge a
     * whole track (a blink check); empty when liveness is off or no provider is installed.
     */
    public Optional<LivenessResult> liveness(FrameImage frame, DetectedFace face, int trackId) {
        if (liveness == null || !settings.livenessEnabled()) {
            return Optional.empty();
        }
        return Optional.of(liveness.check(frame, face, trackId));
    }

    /** Whether the liveness check's latest result for a track is its verdict (see {@link LivenessCheck#judgesWholeTrack()}). */
    public boolean livenessJudgesWholeTrack() {
        return hasLiveness() && liveness.judgesWholeTrack();
    }

    /** Tells the liveness check that a track ended. */
    public void trackEnded(int trackId) {
        if (liveness != null) {
            liveness.trackEnded(trackId);
        }
    }

    public boolean hasLiveness() {
        return liveness != null && settings.livenessEnabled();
    }

    @Override
    public void close() {
        try (detector; embedder) {
            if (liveness != null) {
                liveness.close();
            }
        }
    }
}
