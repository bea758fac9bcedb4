package com.faceattend.cli;

import com.faceattend.engine.pipeline.FacePipeline;
import com.faceattend.engine.pipeline.FaceQualityGate;
import com.faceattend.spi.AlignedFace;
import com.faceattend.spi.DetectedFace;
import com.faceattend.spi.Embedding;
import com.faceattend.spi.FrameImage;
import com.faceattend.spi.ProviderException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Embeds the face an evaluation photo is about: datasets such as LFW centre the labelled person, and
 * other faces may appear at the edges, so the face nearest the image centre is taken.
 */
final class CentralFaceEmbedder {
    private final FacePipeline pipeline;
    /** Null where no caller reads the verdicts (verify, visits): the gate's pixel statistics are not free. */
    private final FaceQualityGate gate;
    private final Map<Path, FaceQualityGate.Verdict> verdicts = new HashMap<>();

    private CentralFaceEmbedder(FacePipeline pipeline, FaceQualityGate gate) {
        this.pipeline = pipeline;
        this.gate = gate;
    }

    /** Embeds only; {@link #verdicts()} stays empty. */
    CentralFaceEmbedder(FacePipeline pipeline) {
        this(pipeline, null);
    }

    /** Embeds and keeps what the station's quality gate says of each face. */
    static CentralFaceEmbedder withQualityGate(FacePipeline pipeline) {
        return new CentralFaceEmbedder(pipeline, FaceQualityGate.defaults());
    }

    /**
     * What the station's quality gate said of each embedded photo's face (none where no face was found; always
     * empty unless made {@link #withQualityGate}).
     */
    Map<Path, FaceQualityGate.Verdict> verdicts() {
        return verdicts;
    }

    /** The central face's embedding; empty when no face is found or the file cannot be read. */
    Optional<Embedding> embed(Path photo) {
        FrameImage image;
        try {
            image = Photos.read(photo);
        } catch (ProviderException unreadable) {
            return Optional.empty();
        }
        double cx = image.width() / 2.0, cy = image.height() / 2.0;
        return pipeline.detect(image).stream()
                .min(Comparator.comparingDouble((DetectedFace f) -> Math.hypot(f.box().centerX() - cx, f.box().centerY() - cy)))
                .map(face -> {
                    // aligned once for both: the gate reads the crop the embedder gets
                    AlignedFace aligned = pipeline.align(image, face);
                    if (gate != null) {
                        verdicts.put(photo, gate.check(face, aligned));
                    }
                    return pipeline.embedAligned(aligned);
                });
    }
}
