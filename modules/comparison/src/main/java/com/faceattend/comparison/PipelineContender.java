package com.faceattend.comparison;

import com.faceattend.engine.pipeline.FacePipeline;
import com.faceattend.engine.pipeline.PipelineSettings;
import com.faceattend.spi.DetectedFace;
import com.faceattend.spi.FaceDetector;
import com.faceattend.spi.FaceDetectorProvider;
import com.faceattend.spi.FaceEmbedder;
import com.faceattend.spi.FaceEmbedderProvider;
import com.faceattend.spi.FrameImage;
import com.faceattend.spi.ProviderSettings;
import java.util.ArrayList;
import java.util.List;

/**
 * An installed detector x embedder, run through the product's {@link FacePipeline} (5-point alignment,
 * flip-averaged embedding, as the station and {@code faceattend eval} do; liveness is left out because no
 * reference has it). Templates are compared by cosine.
 */
final class PipelineContender implements Contender {
    static final String DETECT = "detect";
    static final String EMBED = "align+embed";

    private final String detectorId;
    private final String embedderId;
    private final FacePipeline pipeline;
    private final StageTimes times = new StageTimes();

    PipelineContender(FaceDetectorProvider detectorProvider, FaceEmbedderProvider embedderProvider) {
        ProviderSettings ps = ProviderSettings.defaults();
        this.detectorId = detectorProvider.info().id();
        this.embedderId = embedderProvider.info().id();
        FaceDetector detector = detectorProvider.create(ps);
        FaceEmbedder embedder;
        try {
            embedder = embedderProvider.create(ps);
        } catch (RuntimeException e) {
            detector.close();
            throw e;
        }
        this.pipeline = new FacePipeline(detector, embedder, null, PipelineSettings.defaults().withLiveness(false));
    }

    @Override
    public String detector() {
        return detectorId;
    }

    @Override
    public String embedder() {
        return embedderId;
    }

    @Override
    public boolean installed() {
        return true;
    }

    @Override
    public String scoring() {
        return "cosine of flip-averaged embeddings of the 5-point-aligned face";
    }

    @Override
    public List<Face> analyse(FrameImage image, Describe describe) {
        List<DetectedFace> found = times.time(DETECT, () -> pipeline.detect(image));
        List<DetectedFace> toEmbed = switch (describe) {
            case NONE -> List.of();
            case CENTRAL -> CentralFace.pick(found, DetectedFace::box, image.width(), image.height()).stream().toList();
            case ALL -> found.stream().filter(pipeline::largeEnough).toList();
        };
        List<Face> out = new ArrayList<>();
        for (DetectedFace face : describe == Describe.NONE ? found : toEmbed) {
            float[] template = describe == Describe.NONE ? null
                    : times.time(EMBED, () -> pipeline.embed(image, face).vector());
            out.add(new Face(face.box(), template));
        }
        return out;
    }

    @Override
    public double similarity(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i]; // both unit length: the product's Embedding.cosine
        }
        return dot;
    }

    @Override
    public StageTimes times() {
        return times;
    }

    @Override
    public void close() {
        pipeline.close();
    }
}
