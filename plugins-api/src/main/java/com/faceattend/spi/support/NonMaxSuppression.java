package com.faceattend.spi.support;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

/**
 * Greedy non-maximum suppression for detectors that find each face many times over (anchors,
 * pyramid levels, sliding windows). The best-scored candidate wins and every remaining candidate that
 * overlaps it by more than a threshold joins its cluster; repeat with what is left.
 *
 * <p>Two ways to use the clusters: {@link #greedy} keeps each winner and drops the rest (classic hard
 * NMS), {@link #clusters} hands back each winner with the candidates it suppressed, for detectors that
 * blend them (MediaPipe's weighted NMS averages a cluster's boxes by score). The overlap measure is
 * the caller's, so a detector can keep the one its model was trained with (IoU, overlap of the smaller
 * box, inclusive pixel corners...).
 *
 * <pre>{@code
 * record Scored(FaceBox box, float score) { }
 * List<Scored> kept = NonMaxSuppression.greedy(candidates, Scored::score,
 *         (a, b) -> a.box().iou(b.box()), 0.4f);
 * }</pre>
 *
 * @since 0.3
 */
public final class NonMaxSuppression {
    private NonMaxSuppression() {
    }

    /**
     * How much two candidates overlap, usually 0 (disjoint) to 1 (the same box).
     *
     * @param <T> the candidate type
     * @since 0.3
     */
    @FunctionalInterface
    public interface Overlap<T> {
        float between(T kept, T other);
    }

    /**
     * Each cluster's winner, best score first: a candidate survives when no better-scored survivor
     * overlaps it by more than {@code threshold}. Candidates of equal score keep their input order.
     */
    public static <T> List<T> greedy(List<? extends T> candidates, ToDoubleFunction<? super T> score, Overlap<? super T> overlap,
                                     float threshold) {
        List<List<T>> clusters = clusters(candidates, score, overlap, threshold);
        return clusters.stream().map(List::getFirst).toList();
    }

    /**
     * The clusters, best winner first; each lists its winner first and then the candidates it
     * suppressed, in descending score. The winners are exactly those {@link #greedy} returns.
     */
    public static <T> List<List<T>> clusters(List<? extends T> candidates, ToDoubleFunction<? super T> score,
                                             Overlap<? super T> overlap, float threshold) {
        Objects.requireNonNull(overlap, "overlap");
        List<T> left = new ArrayList<>(candidates);
        left.sort(Comparator.comparingDouble(score).reversed()); // stable: ties keep their order
        List<List<T>> clusters = new ArrayList<>();
        while (!left.isEmpty()) {
            T winner = left.getFirst();
            List<T> cluster = new ArrayList<>();
            cluster.add(winner);
            List<T> rest = new ArrayList<>();
            for (T c : left.subList(1, left.size())) {
                (overlap.between(winner, c) > threshold ? cluster : rest).add(c);
            }
            clusters.add(cluster);
            left = rest;
        }
        return clusters;
    }
}
