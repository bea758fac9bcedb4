package com.faceattend.spi.contract;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.faceattend.spi.AlignedFace;
import com.faceattend.spi.DetectedFace;
import com.faceattend.spi.Embedding;
import com.faceattend.spi.FaceBox;
import com.faceattend.spi.FaceDetector;
import com.faceattend.spi.FaceDetectorProvider;
import com.faceattend.spi.FaceEmbedder;
import com.faceattend.spi.FaceEmbedderProvider;
import com.faceattend.spi.FaceLandmarks;
import com.faceattend.spi.FrameImage;
import com.faceattend.spi.LivenessCheck;
import com.faceattend.spi.LivenessCheckProvider;
import com.faceattend.spi.LivenessResult;
import com.faceattend.spi.ProviderInfo;
import com.faceattend.spi.ProviderSettings;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The contract kit third parties run against their provider: a trivial provider that keeps the
 * contract passes, and each way of breaking it fails with a message naming the provider and the rule.
 * The trivial providers read pixels directly (no model), so these run in milliseconds.
 */
class ContractKitTest {
    private static final ProviderInfo INFO = new ProviderInfo("trivial", "1.0", "Trivial", "none (no model)", "FaceAttend tests");

    // ---- embedder: the mean of each channel in each quarter of the face, 12 numbers --------------------------

    /** A face whose four quarters have the given grey levels, with a little per-photo variation. */
    private static AlignedFace face(int tl, int tr, int bl, int br, int jitter) {
        int size = 8;
        byte[] bgr = new byte[size * size * 3];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int v = (y < size / 2 ? (x < size / 2 ? tl : tr) : (x < size / 2 ? bl : br)) + ((x * 7 + y * 3 + jitter) % 5);
                for (int c = 0; c < 3; c++) {
                    bgr[(y * size + x) * 3 + c] = (byte) Math.min(255, v + 10 * c);
                }
            }
        }
        return new AlignedFace(size, bgr);
    }

    private static float[] quarterMeans(AlignedFace f) {
        float[] out = new float[12];
        int s = f.size();
        for (int y = 0; y < s; y++) {
            for (int x = 0; x < s; x++) {
                int q = (y < s / 2 ? 0 : 2) + (x < s / 2 ? 0 : 1);
                for (int c = 0; c < 3; c++) {
                    out[q * 3 + c] += (f.bgr()[(y * s + x) * 3 + c] & 0xFF) - 128;
                }
            }
        }
        return out;
    }

    private static FaceEmbedderProvider embedder(String modelId, UnaryOperator<float[]> after, boolean normalise) {
        return new FaceEmbedderProvider() {
            @Override
            public ProviderInfo info() {
                return INFO;
            }

            @Override
            public FaceEmbedder create(ProviderSettings settings) {
                return new FaceEmbedder() {
                    @Override
                    public String modelId() {
                        return modelId;
                    }

                    @Override
                    public int dimension() {
                        return 12;
                    }

                    @Override
                    public Embedding embed(AlignedFace face) {
                        float[] v = after.apply(quarterMeans(face));
                        return normalise ? Embedding.normalised("trivial-12", v) : new Embedding("trivial-12", v);
                    }

                    @Override
                    public void close() {
                    }
                };
            }
        };
    }

    private static final AlignedFace ANN = face(40, 200, 90, 150, 0);
    private static final AlignedFace ANN_AGAIN = face(44, 196, 92, 147, 2);
    private static final AlignedFace BOB = face(210, 30, 160, 60, 1);

    @Test
    void aTrivialEmbedderThatKeepsTheContractPasses() {
        assertDoesNotThrow(() -> EmbedderContract.verify(embedder("trivial-12", v -> v, true), ANN, ANN_AGAIN, BOB));
    }

    @Test
    void eachBrokenEmbedderRuleIsNamed() {
        assertBroken("embeddings must carry the embedder's model id",
                () -> EmbedderContract.verify(embedder("another-id", v -> v, true), ANN, ANN_AGAIN, BOB));
        assertBroken("embeddings must be L2-normalised",
                () -> EmbedderContract.verify(embedder("trivial-12", v -> v, false), ANN, ANN_AGAIN, BOB));
        float[] calls = {0};
        assertBroken("the same face must give the same embedding", () -> EmbedderContract.verify(embedder("trivial-12", v -> {
            calls[0]++;
            v[(int) calls[0] % 12] += 500 * calls[0]; // drifts from call to call
            return v;
        }, true), ANN, ANN_AGAIN, BOB));
        assertBroken("the same person must score higher", () -> EmbedderContract.verify(embedder("trivial-12", v -> v, true), ANN, BOB, ANN_AGAIN));
    }

    // ---- detector: one fixed face wherever the frame is not black --------------------------------------------

    private static final FaceLandmarks GOOD_POINTS = new FaceLandmarks(new float[] {30, 40, 50, 40, 40, 50, 32, 60, 48, 60});

    private static FaceDetectorProvider detector(FaceBox box, FaceLandmarks points, float score) {
        return new FaceDetectorProvider() {
            @Override
            public ProviderInfo info() {
                return INFO;
            }

            @Override
            public FaceDetector create(ProviderSettings settings) {
                return new FaceDetector() {
                    @Override
                    public List<DetectedFace> detect(FrameImage frame) {
                        boolean dark = true;
                        for (byte b : frame.bgr()) {
                            dark &= b == 0;
                        }
                        return dark ? List.of() : List.of(new DetectedFace(box, score, points));
                    }

                    @Override
                    public void close() {
                    }
                };
            }
        };
    }

    private static final FrameImage LIT = frame((byte) 120);
    private static final FrameImage BLACK = frame((byte) 0);

    private static FrameImage frame(byte value) {
        byte[] bgr = new byte[100 * 80 * 3];
        java.util.Arrays.fill(bgr, value);
        return new FrameImage(100, 80, bgr, 0);
    }

    @Test
    void aTrivialDetectorThatKeepsTheContractPasses() {
        assertDoesNotThrow(() -> DetectorContract.verify(detector(new FaceBox(20, 25, 40, 45), GOOD_POINTS, 0.9f), LIT, BLACK));
    }

    @Test
    void eachBrokenDetectorRuleIsNamed() {
        FaceBox box = new FaceBox(20, 25, 40, 45);
        assertBroken("score must be within 0..1", () -> DetectorContract.verify(detector(box, GOOD_POINTS, 3f), LIT, BLACK));
        assertBroken("must lie inside the 100x80 frame",
                () -> DetectorContract.verify(detector(new FaceBox(80, 25, 40, 45), GOOD_POINTS, 0.9f), LIT, BLACK));
        FaceLandmarks swappedEyes = new FaceLandmarks(new float[] {50, 40, 30, 40, 40, 50, 32, 60, 48, 60});
        assertBroken("landmark 0 (eye on the image's left) must be left of landmark 1",
                () -> DetectorContract.verify(detector(box, swappedEyes, 0.9f), LIT, BLACK));
        FaceLandmarks mouthAboveNose = new FaceLandmarks(new float[] {30, 40, 50, 40, 40, 60, 32, 50, 48, 50});
        assertBroken("eyes, nose, mouth from top to bottom", () -> DetectorContract.verify(detector(box, mouthAboveNose, 0.9f), LIT, BLACK));
        assertBroken("no face may be found in the no-face photo", () -> DetectorContract.verify(detector(box, GOOD_POINTS, 0.9f), LIT, LIT));
    }

    // ---- liveness: live iff the face is bright -------------------------------------------------------------

    private static LivenessCheckProvider liveness(float threshold, boolean inverted) {
        return new LivenessCheckProvider() {
            @Override
            public ProviderInfo info() {
                return INFO;
            }

            @Override
            public float defaultThreshold() {
                return threshold;
            }

            @Override
            public LivenessCheck create(ProviderSettings settings) {
                return new LivenessCheck() {
                    @Override
                    public LivenessResult check(FrameImage frame, DetectedFace face) {
                        boolean bright = frame.sample(0, 0, 0) > 100;
                        return new LivenessResult(bright != inverted ? 0.9f : 0.1f);
                    }

                    @Override
                    public void close() {
                    }
                };
            }
        };
    }

    @Test
    void livenessContractPassesAKeptContractAndNamesBrokenOnes() {
        DetectedFace face = new DetectedFace(new FaceBox(20, 25, 40, 45), 0.9f, GOOD_POINTS);
        FrameImage dim = frame((byte) 50);
        assertDoesNotThrow(() -> LivenessContract.verify(liveness(0.5f, false), LIT, face, dim, face));
        assertBroken("default threshold must be within (0, 1)", () -> LivenessContract.verify(liveness(1.5f, false), LIT, face, dim, face));
        assertBroken("the live face must pass", () -> LivenessContract.verify(liveness(0.5f, true), LIT, face, dim, face));
    }

    @Test
    void providerInfoMustBeComplete() {
        ProviderInfo blankVendor = new ProviderInfo("trivial", "1.0", "Trivial", "MIT", " ");
        FaceEmbedderProvider p = new FaceEmbedderProvider() {
            @Override
            public ProviderInfo info() {
                return blankVendor;
            }

            @Override
            public FaceEmbedder create(ProviderSettings settings) {
                throw new AssertionError("not reached: the info check comes first");
            }
        };
        assertBroken("vendor must be given", () -> EmbedderContract.verify(p, ANN, ANN_AGAIN, BOB));
    }

    private static void assertBroken(String rule, org.junit.jupiter.api.function.Executable verify) {
        AssertionError e = assertThrows(AssertionError.class, verify);
        assertEquals(true, e.getMessage().startsWith("trivial breaks the contract: "), e.getMessage());
        assertEquals(true, e.getMessage().contains(rule), "expected the rule '" + rule + "' in: " + e.getMessage());
    }
}
