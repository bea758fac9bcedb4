package com.faceattend.spi.support;

import com.faceattend.spi.AlignedFace;
import com.faceattend.spi.FaceLandmarks;
import com.faceattend.spi.FrameImage;

/**
 * Warps a face so its five landmarks land on the standard 112x112 ArcFace template, with bilinear
 * sampling (border pixels replicated): the crop every FaceAttend embedder is fed.
 *
 * <pre>{@code
 * AlignedFace crop = new FaceAligner().align(frame, detected.landmarks());
 * float[] vector = myModel.run(crop.bgr());   // 112 x 112 x 3 BGR bytes
 * }</pre>
 *
 * @since 0.3 (before: {@code com.faceattend.engine.image.FaceAligner}, not part of the SDK)
 */
public final class FaceAligner {
    /** The ArcFace reference points for a 112x112 crop (InsightFace's {@code arcface_dst}). */
    private static final float[] ARCFACE_112 = {
        38.2946f, 51.6963f, 73.5318f, 51.5014f, 56.0252f, 71.7366f, 41.5493f, 92.3655f, 70.7299f, 92.2041f
    };

    private final int size;
    private final float[] reference;

    /** Aligner for the standard 112x112 template. */
    public FaceAligner() {
        this(AlignedFace.ARCFACE_SIZE);
    }

    /** Aligner for a square template of another size (the reference is scaled). */
    public FaceAligner(int size) {
        this.size = size;
        this.reference = new float[ARCFACE_112.length];
        for (int i = 0; i < reference.length; i++) {
            reference[i] = ARCFACE_112[i] * size / 112f;
        }
    }

    /** The transform from frame coordinates to template coordinates for these landmarks. */
    public SimilarityTransform transformFor(FaceLandmarks landmarks) {
        return SimilarityTransform.fit(landmarks.xy(), reference);
    }

    public AlignedFace align(FrameImage frame, FaceLandmarks landmarks) {
        SimilarityTransform toFrame = transformFor(landmarks).inverse();
        byte[] out = new byte[size * size * 3];
        byte[] p = frame.bgr();
        int w = frame.width(), h = frame.height();
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                BgrImages.sampleBilinear(p, w, h, toFrame.mapX(x, y), toFrame.mapY(x, y), out, (y * size + x) * 3);
            }
        }
        return new AlignedFace(size, out);
    }
}
