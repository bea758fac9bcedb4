package com.faceattend.comparison;

import com.faceattend.evaluation.FacePair;
import com.faceattend.evaluation.LfwPairs;
import com.faceattend.evaluation.ScoredPair;
import com.faceattend.evaluation.VerificationMetrics;
import com.faceattend.evaluation.VerificationResult;
import com.faceattend.opencv.ImageDecoder;
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

/**
 * LFW-format verification with the {@code faceattend eval verify} protocol ({@link VerificationMetrics}:
 * threshold chosen on the other folds, TAR at FAR 1e-3 over all pairs), scoring each pair with the
 * contender's own similarity of the central faces; a photo without a face leaves its pairs unscored (wrong
 * for same pairs, right for different pairs).
 */
final class VerificationBenchmark {
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
        Map<Path, Optional<float[]>> templates = new HashMap<>();
        int done = 0;
        for (Path photo : photos) {
            templates.put(photo, describeCentral(contender, photo));
            if (++done % 200 == 0) {
                progress.accept("LFW " + done + "/" + photos.size() + " photos");
            }
        }
        List<ScoredPair> scored = new ArrayList<>();
        for (FacePair p : pairs) {
            Optional<float[]> a = templates.get(p.first()), b = templates.get(p.second());
            scored.add(p.scored(a.isPresent() && b.isPresent() ? contender.similarity(a.get(), b.get()) : Double.NaN));
        }
        return VerificationMetrics.evaluate(scored, FAR);
    }

    static Optional<float[]> describeCentral(Contender contender, Path photo) {
        try {
            return contender.analyse(ImageDecoder.decode(photo), Contender.Describe.CENTRAL).stream()
                    .map(Contender.Face::template).filter(t -> t != null).findFirst();
        } catch (ProviderException unreadable) {
            return Optional.empty(); // counted like a photo without a face, as eval verify does
        }
    }
}
