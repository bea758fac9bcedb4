package com.faceattend.comparison;

import com.faceattend.engine.providers.ProviderRegistry;
import com.faceattend.evaluation.FacePair;
import com.faceattend.evaluation.VerificationResult;
import com.faceattend.spi.AlignedFace;
import com.faceattend.spi.DetectedFace;
import com.faceattend.spi.Embedding;
import com.faceattend.spi.FaceDetector;
import com.faceattend.spi.FaceEmbedder;
import com.faceattend.spi.FaceEmbedderProvider;
import com.faceattend.spi.FrameImage;
import com.faceattend.spi.ImageDecoder;
import com.faceattend.spi.ProviderException;
import com.faceattend.spi.ProviderSettings;
import com.faceattend.spi.support.FaceAligner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * {@code faceattend bench --int8}: each installed embedder against its int8 variant ({@code ID-int8}) on the
 * same aligned LFW-dev faces in one run: accuracy of each, accuracy when templates of one are matched by
 * the other (a station switched to int8 keeps the templates enrolled in float), how close the two
 * embeddings of each face are, and embedding time measured face by face, alternating which goes first.
 *
 * <p>One detection and alignment per photo serves every embedder, and no mirrored-face averaging is done,
 * so the differences are the quantisation's alone.
 */
public final class QuantisationComparison {
    private static final ImageDecoder DECODER = new ProviderRegistry().imageDecoder();
    /** The suffix of an int8 variant's provider id. */
    public static final String INT8_SUFFIX = "-int8";

    /**
     * One embedder and its int8 variant. Accuracies are the k-fold mean; {@code mixed} scores each pair as
     * float template (first photo) against int8 probe (second). Times are medians per face.
     */
    public record Row(String floatEmbedder, String int8Embedder, int pairs, VerificationResult floatResult,
                      VerificationResult int8Result, VerificationResult mixedResult, double meanCosine, double minCosine,
                      double floatMillis, double int8Millis) {
        public double speedup() {
            return floatMillis / int8Millis;
        }

        /** Accuracy change of int8 against float, in percentage points. */
        public double accuracyChangePoints() {
            return 100 * (int8Result.meanAccuracy() - floatResult.meanAccuracy());
        }
    }

    private final ProviderRegistry registry;
    private final VerificationBenchmark lfw;
    private final Consumer<String> progress;

    public QuantisationComparison(ProviderRegistry registry, Path lfwDir, Consumer<String> progress) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.lfw = new VerificationBenchmark(lfwDir);
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    /** The float embedders that have an installed int8 variant, by id. */
    public List<String> quantisedEmbedders() {
        List<String> ids = registry.embedders().stream().map(p -> p.info().id()).toList();
        return ids.stream().filter(id -> !id.endsWith(INT8_SUFFIX) && ids.contains(id + INT8_SUFFIX)).toList();
    }

    /**
     * Runs every float/int8 pair on {@code perFold} LFW pairs per fold (0 = all 3,000), faces found by
     * {@code detectorId}.
     */
    public List<Row> run(String detectorId, int perFold) {
        List<String> embedders = quantisedEmbedders();
        if (embedders.isEmpty()) {
            throw new ComparisonException("no embedder has an int8 variant installed", "rebuild FaceAttend so the models build quantises them");
        }
        List<FacePair> pairs = pairs(perFold);
        Map<Path, AlignedFace> faces = alignedFaces(detectorId, pairs);
        List<Row> rows = new ArrayList<>();
        for (String id : embedders) {
            rows.add(compare(id, id + INT8_SUFFIX, pairs, faces, new LinkedHashMap<>()));
        }
        return rows;
    }

    /** The LFW pairs {@link #run} scores at {@code perFold} pairs per fold (0 = all). */
    List<FacePair> pairs(int perFold) {
        return lfw.pairs(perFold);
    }

    /** The central face of every photo of {@code pairs}, aligned as a {@code FacePipeline} aligns it (tests share them). */
    Map<Path, AlignedFace> alignedFaces(String detectorId, List<FacePair> pairs) {
        LinkedHashSet<Path> photos = new LinkedHashSet<>();
        pairs.forEach(p -> {
            photos.add(p.first());
            photos.add(p.second());
        });
        Map<Path, AlignedFace> faces = new LinkedHashMap<>();
        FaceAligner aligner = new FaceAligner();
        try (FaceDetector detector = registry.detector(detectorId).create(ProviderSettings.defaults())) {
            int done = 0;
            for (Path photo : photos) {
                try {
                    FrameImage frame = DECODER.decode(photo);
                    CentralFace.pick(detector.detect(frame), DetectedFace::box, frame.width(), frame.height())
                            .ifPresent(f -> faces.put(photo, aligner.align(frame, f.landmarks())));
                } catch (ProviderException unreadable) {
                    // counted like a photo without a face: its pairs stay unscored
                }
                if (++done % 500 == 0) {
                    progress.accept(String.format(Locale.ROOT, "aligned faces in %d/%d LFW photos", done, photos.size()));
                }
            }
        }
        return faces;
    }

    /** One row; the int8 embeddings are left in {@code int8Vectors} (a test scores the flip-averaged default pipeline from them). */
    Row compare(String floatId, String int8Id, List<FacePair> pairs, Map<Path, AlignedFace> faces, Map<Path, Embedding> int8Vectors) {
        progress.accept("== " + floatId + " vs " + int8Id);
        FaceEmbedderProvider floatProvider = registry.embedder(floatId);
        FaceEmbedderProvider int8Provider = registry.embedder(int8Id);
        Map<Path, Embedding> floatVectors = new LinkedHashMap<>();
        double[] floatNanos = new double[faces.size()];
        double[] int8Nanos = new double[faces.size()];
        double cosineSum = 0;
        double cosineMin = 1;
        try (FaceEmbedder fp = floatProvider.create(ProviderSettings.defaults());
             FaceEmbedder q = int8Provider.create(ProviderSettings.defaults())) {
            int i = 0;
            for (Map.Entry<Path, AlignedFace> e : faces.entrySet()) {
                // alternate which variant runs first, so cache warmth and clock drift favour neither
                boolean floatFirst = i % 2 == 0;
                if (floatFirst) {
                    floatNanos[i] = timed(fp, e.getValue(), floatVectors, e.getKey());
                    int8Nanos[i] = timed(q, e.getValue(), int8Vectors, e.getKey());
                } else {
                    int8Nanos[i] = timed(q, e.getValue(), int8Vectors, e.getKey());
                    floatNanos[i] = timed(fp, e.getValue(), floatVectors, e.getKey());
                }
                double cos = floatVectors.get(e.getKey()).cosine(int8Vectors.get(e.getKey()));
                cosineSum += cos;
                cosineMin = Math.min(cosineMin, cos);
                if (++i % 500 == 0) {
                    progress.accept(String.format(Locale.ROOT, "embedded %d/%d faces", i, faces.size()));
                }
            }
        }
        Row row = new Row(floatId, int8Id, pairs.size(),
                evaluate(pairs, floatVectors, floatVectors), evaluate(pairs, int8Vectors, int8Vectors),
                evaluate(pairs, floatVectors, int8Vectors), cosineSum / faces.size(), cosineMin,
                median(floatNanos) / 1e6, median(int8Nanos) / 1e6);
        progress.accept(String.format(Locale.ROOT, "   float %.4f, int8 %.4f, mixed %.4f; cosine mean %.4f min %.4f; %.2f vs %.2f ms",
                row.floatResult().meanAccuracy(), row.int8Result().meanAccuracy(), row.mixedResult().meanAccuracy(),
                row.meanCosine(), row.minCosine(), row.floatMillis(), row.int8Millis()));
        return row;
    }

    private static double timed(FaceEmbedder embedder, AlignedFace face, Map<Path, Embedding> into, Path key) {
        long t0 = System.nanoTime();
        Embedding e = embedder.embed(face);
        long t = System.nanoTime() - t0;
        into.put(key, e);
        return t;
    }

    private static VerificationResult evaluate(List<FacePair> pairs, Map<Path, Embedding> templates, Map<Path, Embedding> probes) {
        return VerificationBenchmark.evaluate(pairs, templates, probes, Embedding::cosine);
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v.length == 0 ? Double.NaN : v[v.length / 2];
    }

    /** The rows as a Markdown table. */
    public static String markdown(List<Row> rows) {
        StringBuilder md = new StringBuilder();
        md.append("| embedder | LFW pairs | float acc. | int8 acc. | change | float template vs int8 probe | TAR@1e-3 float / int8 "
                + "| cosine float–int8 mean / min | embed ms float / int8 | speed-up |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|\n");
        for (Row r : rows) {
            md.append(String.format(Locale.ROOT, "| %s | %d | %.2f %% | %.2f %% | %+.2f points | %.2f %% | %.1f / %.1f %% | %.4f / %.4f | %.2f / %.2f | %.2fx |%n",
                    r.floatEmbedder(), r.pairs(), 100 * r.floatResult().meanAccuracy(), 100 * r.int8Result().meanAccuracy(),
                    r.accuracyChangePoints(), 100 * r.mixedResult().meanAccuracy(), 100 * VerificationBenchmark.tarAtFar(r.floatResult()), 100 * VerificationBenchmark.tarAtFar(r.int8Result()),
                    r.meanCosine(), r.minCosine(), r.floatMillis(), r.int8Millis(), r.speedup()));
        }
        return md.toString();
    }
}
