package com.faceattend.engine.station;

import com.faceattend.engine.gallery.GalleryIndex;
import com.faceattend.engine.pipeline.FacePipeline;
import com.faceattend.engine.pipeline.PipelineSettings;
import com.faceattend.spi.AlignedFace;
import com.faceattend.spi.DetectedFace;
import com.faceattend.spi.Embedding;
import com.faceattend.spi.FaceBox;
import com.faceattend.spi.FaceDetector;
import com.faceattend.spi.FaceEmbedder;
import com.faceattend.spi.FaceLandmarks;
import com.faceattend.spi.FrameImage;
import java.util.Arrays;
import java.util.List;

/**
 * Scripted stand-ins for the two models, so the station's own logic (real tracker, real aligner, real
 * gallery) runs frame by frame in microseconds. A frame shows one person as a 400x400 field of that
 * person's grey level ({@link #ANN}, {@link #BOB}, {@link #STRANGER}); grey 0 is an empty doorway. The
 * detector finds one face in the middle of any non-empty frame; the embedder turns the aligned crop's
 * mean grey into a one-hot vector, so each person has their own direction and nobody resembles anyone else.
 */
final class ScriptedFaces {
    static final int EMPTY = 0;
    static final int ANN = 60;
    static final int STRANGER = 120;
    static final int BOB = 180;
    static final String MODEL = "scripted-4";

    private ScriptedFaces() {
    }

    static FrameImage frame(int grey, long timestampMillis) {
        byte[] bgr = new byte[400 * 400 * 3];
        Arrays.fill(bgr, (byte) grey);
        return new FrameImage(400, 400, bgr, timestampMillis);
    }

    static Embedding embeddingOf(int grey) {
        float[] v = new float[4];
        v[grey < 90 ? 0 : grey < 150 ? 1 : 2] = 1;
        return Embedding.normalised(MODEL, v);
    }

    static FacePipeline pipeline() {
        return new FacePipeline(new Detector(), new Embedder(), null, PipelineSettings.defaults().withLiveness(false));
    }

    /** A gallery of Ann (E1) and Bob (E2), one template each. */
    static GalleryIndex gallery() {
        GalleryIndex g = new GalleryIndex(MODEL, 4);
        g.add("E1", "Ann", embeddingOf(ANN));
        g.add("E2", "Bob", embeddingOf(BOB));
        return g;
    }

    static final class Detector implements FaceDetector {
        @Override
        public List<DetectedFace> detect(FrameImage frame) {
            if (frame.sample(0, 0, 0) == EMPTY) {
                return List.of();
            }
            FaceLandmarks points = new FaceLandmarks(new float[] {160, 170, 240, 170, 200, 210, 170, 250, 230, 250});
            return List.of(new DetectedFace(new FaceBox(100, 100, 200, 200), 0.99f, points));
        }

        @Override
        public void close() {
        }
    }

    static final class Embedder implements FaceEmbedder {
        @Override
        public String modelId() {
            return MODEL;
        }

        @Override
        public int dimension() {
            return 4;
        }

        @Override
        public Embedding embed(AlignedFace face) {
            long sum = 0;
            for (byte b : face.bgr()) {
                sum += b & 0xFF;
            }
            return embeddingOf((int) (sum / face.bgr().length));
        }

        @Override
        public void close() {
        }
    }
}
