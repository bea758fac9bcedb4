package com.faceattend.comparison;

import com.faceattend.engine.providers.ProviderRegistry;
import com.faceattend.evaluation.FacePair;
import com.faceattend.evaluation.LfwPairs;
import com.faceattend.evaluation.ScoredPair;
import com.faceattend.evaluation.TarAtFar;
import com.faceattend.evaluation.VerificationMetrics;
import com.faceattend.evaluation.VerificationResult;
import com.faceattend.spi.ImageDecoder;
import com.faceattend.spi.ProviderException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.ToDoubleBiFunction;

/**
 * LFW-format verification with the {@code faceattend eval verify} protocol ({@link VerificationMetrics}:
 * threshold chosen on the other folds, TAR at FAR 1e-3 over all pairs), scoring each pair with the
 * contender's own similarity of the central faces; a photo without a face leaves its pairs unscored (wrong
 * for same pairs, right for different pairs).
 */
final class VerificationBenchmark {
    private static final ImageDecoder DECODER = new ProviderRegistry().imageDecoder();
    static final double FAR = 1e-3;

    private final LfwPairs lfw;

    VerificationBenchmark(Path dir) {
        try {
            lfw = LfwPairs.read(dir.resolve("pairs.txt"), dir.resolve("images"));
        } catch (IOException e) {
            throw new ComparisonException("cannot read " + dir.resolve("pairs.txt") + ": " + e.getMessage(), "check the LFW folder");
        }
    }

    /** Pairs used at a cap of {@code perFold} pairs per fold (0 = all): the first half same, half different of each fold. */
    List<FacePair> pairs(int perFold) {
        if (perFold == 0) {
            return lfw.pairs();
        }
        List<FacePair> out = new ArrayList<>();
        for (int fold : lfw.pairs().stream().map(FacePair::fold).distinct().sorted().toList()) {
            List<FacePair> all = lfw.fold(fold);
            int same = (perFold + 1) / 2;
            out.addAll(all.stream().filter(FacePair::same).limit(same).toList());
            out.addAll(all.stream().filter(p -> !p.same()).limit(perFold - same).toList());
        }
        return out;
    }

    VerificationResult run(Contender contender, int perFold, Consumer<String> progress) {
        List<FacePair> pairs = pairs(perFold);
        LinkedHashSet<Path> photos = new LinkedHashSet<>();
        pairs.forEach(p -> {
            photos.add(p.first());
            photos.add(p.second());
        });
        Map<Path, float[]> templates = new HashMap<>();
        int done = 0;
        for (Path photo : photos) {
            describeCentral(contender, photo).ifPresent(t -> templates.put(photo, t));
            if (++done % 200 == 0) {
                progress.accept("LFW " + done + "/" + photos.size() + " photos");
            }
        }
        return evaluate(pairs, templates, templates, contender::similarity);
    }

    /**
     * Scores each pair as the first photo's template against the second photo's probe; a photo missing
     * from either map (no face) leaves its pairs unscored.
     */
    static <T> VerificationResult evaluate(List<FacePair> pairs, Map<Path, T> templates, Map<Path, T> probes,
                                           ToDoubleBiFunction<T, T> similarity) {
        List<ScoredPair> scored = new ArrayList<>();
        for (FacePair p : pairs) {
            T a = templates.get(p.first());
            T b = probes.get(p.second());
            scored.add(p.scored(a != null && b != null ? similarity.applyAsDouble(a, b) : Double.NaN));
        }
        return VerificationMetrics.evaluate(scored, FAR);
    }

    /** The TAR at {@link #FAR} of a result. */
    static double tarAtFar(VerificationResult result) {
        return result.tarAtFar().stream().filter(t -> t.targetFar() == FAR).mapToDouble(TarAtFar::tar).findFirst().orElse(Double.NaN);
    }

    static Optional<float[]> describeCentral(Contender contender, Path photo) {
        try {
            return contender.analyse(DECODER.decode(photo), Contender.Describe.CENTRAL).stream()
                    .map(Contender.Face::template).filter(t -> t != null).findFirst();
        } catch (ProviderException unreadable) {
            return Optional.empty(); // counted like a photo without a face, as eval verify does
        }
    }
}
