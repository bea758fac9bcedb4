package com.faceattend.evaluation;

import com.faceattend.spi.Embedding;
import com.faceattend.spi.IncompatibleEmbeddingException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * 1:N identification metrics: probes scored against a gallery with several templates per person.
 *
 * <h2>Definitions</h2>
 * <ul>
 *   <li><b>Score of a person</b> for a probe: the maximum cosine over that person's templates
 *       ({@code -Infinity} for a person without templates). Computed with float arithmetic, equal to
 *       {@link Embedding#cosine} up to float rounding.</li>
 *   <li><b>Rank</b> of the true identity: 1 + the number of <em>other</em> people scoring greater than
 *       <em>or equal</em> to it. An exact tie with someone else is therefore a miss (pessimistic).
 *       Rank-k accuracy = probes with rank &lt;= k / probes of enrolled people. A probe without a face
 *       is a miss at every rank and is counted separately.</li>
 *   <li><b>Acceptance</b> (open set): a probe is accepted as its best match iff the score is strictly
 *       above the threshold. Probes without a face are never accepted (a stranger without a face is
 *       a correct rejection, a known probe without a face a miss).</li>
 *   <li><b>FNIR at FPIR f</b> ({@link #atFpir}): with {@code n} stranger probes and
 *       {@code m = floor(f * n)} false accepts allowed, the threshold is the {@code (m+1)}-th highest
 *       stranger best-match score (no-face strangers ranking lowest; {@code -Infinity} when that is a
 *       no-face stranger or {@code m >= n}). Strangers tied with the threshold are rejected, so the
 *       achieved FPIR is {@code <= f}. FNIR = known probes that are not rank 1 or whose true score is not
 *       above the threshold (or have no face) / known probes.</li>
 * </ul>
 *
 * <p>Scoring is done once in {@link #score}; the metrics are then cheap to ask for at any threshold.
 */
public final class IdentificationMetrics {
    /** FPIR of the standard open-set operating point. */
    public static final double DEFAULT_FPIR = 0.01;

    private final List<String> names;
    private final List<String> peopleWithoutTemplates;
    private final int templateCount;
    private final List<ProbeScore> scores;

    private IdentificationMetrics(List<String> names, List<String> peopleWithoutTemplates, int templateCount,
                                  List<ProbeScore> scores) {
        this.names = names;
        this.peopleWithoutTemplates = peopleWithoutTemplates;
        this.templateCount = templateCount;
        this.scores = scores;
    }

    /**
     * Scores every probe against the gallery, the expensive part (parallel over probes).
     *
     * @param gallery enrolled people: name to templates (an empty list is allowed: that person's probes
     *                then always miss)
     * @param probes  probes; a non-null label must be a gallery name
     * @throws IncompatibleEmbeddingException when embeddings of different models or sizes are mixed
     */
    public static IdentificationMetrics score(Map<String, List<Embedding>> gallery, List<ProbeEmbedding> probes) {
        Objects.requireNonNull(gallery, "gallery");
        Objects.requireNonNull(probes, "probes");
        if (gallery.isEmpty()) {
            throw new IllegalArgumentException("the gallery has no people");
        }
        String[] names = gallery.keySet().toArray(String[]::new);
        Arrays.sort(names, NaturalOrder.INSTANCE); // fixes tie-breaking between people
        Embedding reference = null;
        int templates = 0;
        List<String> without = new ArrayList<>();
        for (String n : names) {
            List<Embedding> list = Objects.requireNonNull(gallery.get(n), () -> "templates of " + n);
            if (list.isEmpty()) {
                without.add(n);
            }
            for (Embedding e : list) {
                reference = checkCompatible(reference, e);
                templates++;
            }
        }
        for (ProbeEmbedding p : probes) {
            if (p.embedding() != null) {
                reference = checkCompatible(reference, p.embedding());
            }
            if (p.label() != null && !gallery.containsKey(p.label())) {
                throw new IllegalArgumentException("probe " + p.probe() + " is labelled '" + p.label()
                        + "', who is not in the gallery (label strangers with null)");
            }
        }
        int dim = reference == null ? 0 : reference.dimension();

        // flatten the gallery: one contiguous float[] of templates, plus the person index of each row
        float[] matrix = new float[templates * dim];
        int[] owner = new int[templates];
        int row = 0;
        for (int person = 0; person < names.length; person++) {
            for (Embedding e : gallery.get(names[person])) {
                System.arraycopy(e.vector(), 0, matrix, row * dim, dim);
                owner[row++] = person;
            }
        }
        int[] labelIndex = new int[probes.size()];
        List<String> nameList = List.of(names);
        for (int i = 0; i < probes.size(); i++) {
            String label = probes.get(i).label();
            labelIndex[i] = label == null ? -1 : nameList.indexOf(label);
        }
        ProbeScore[] out = new ProbeScore[probes.size()];
        int nTemplates = templates;
        IntStream.range(0, probes.size()).parallel().forEach(i ->
                out[i] = scoreProbe(probes.get(i), labelIndex[i], names, matrix, owner, nTemplates, dim));
        return new IdentificationMetrics(nameList, List.copyOf(without), templates, List.of(out));
    }

    /** Convenience: scores, then {@link #result(Double)}. */
    public static IdentificationResult evaluate(Map<String, List<Embedding>> gallery, List<ProbeEmbedding> probes,
                                                Double threshold) {
        return score(gallery, probes).result(threshold);
    }

    /** Convenience: scores, then {@link #result(Double, String)}. */
    public static IdentificationResult evaluate(Map<String, List<Embedding>> gallery, List<ProbeEmbedding> probes,
                                                Double threshold, String setting) {
        return score(gallery, probes).result(threshold, setting);
    }

    /** Closed set, open set at FPIR 1 %, and open set at {@code threshold} when it is not null. */
    public IdentificationResult result(Double threshold) {
        return result(threshold, null);
    }

    /**
     * As {@link #result(Double)}, naming the setting the threshold stands for (e.g. "about 1 stranger in
     * 1,000 accepted"), or {@code null}.
     */
    public IdentificationResult result(Double threshold, String setting) {
        int knownNoFace = 0;
        int strangerNoFace = 0;
        for (ProbeScore s : scores) {
            if (!s.faceFound()) {
                if (s.stranger()) {
                    strangerNoFace++;
                } else {
                    knownNoFace++;
                }
            }
        }
        int known = (int) scores.stream().filter(s -> !s.stranger()).count();
        return new IdentificationResult(names.size(), templateCount, peopleWithoutTemplates, known,
                scores.size() - known, knownNoFace, strangerNoFace, closedSet(), atFpir(DEFAULT_FPIR),
                threshold == null ? null : atThreshold(threshold), setting);
    }

    /** Gallery names in the (natural) order used for tie-breaking. */
    public List<String> galleryNames() {
        return names;
    }

    /** Per-probe scores, in probe order. */
    public List<ProbeScore> probeScores() {
        return scores;
    }

    /** Fraction of known probes whose true identity has rank &lt;= k (NaN without known probes). */
    public double rankAccuracy(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("rank must be >= 1, was " + k);
        }
        int known = 0;
        int hits = 0;
        for (ProbeScore s : scores) {
            if (!s.stranger()) {
                known++;
                if (s.faceFound() && s.rank() <= k) {
                    hits++;
                }
            }
        }
        return known == 0 ? Double.NaN : (double) hits / known;
    }

    /** Closed-set rank-1 / rank-5 over the known probes, with the rank-1 misses. */
    public ClosedSetResult closedSet() {
        int known = 0;
        int noFace = 0;
        int r1 = 0;
        int r5 = 0;
        List<Miss> misses = new ArrayList<>();
        for (ProbeScore s : scores) {
            if (s.stranger()) {
                continue;
            }
            known++;
            if (!s.faceFound()) {
                noFace++;
                misses.add(noFaceMiss(s));
                continue;
            }
            if (s.rank() == 1) {
                r1++;
            } else {
                misses.add(wrongIdentity(s));
            }
            if (s.rank() <= 5) {
                r5++;
            }
        }
        return new ClosedSetResult(known, noFace, r1, r5, ratio(r1, known), ratio(r5, known), misses);
    }

    /** Open set with the threshold chosen for a target FPIR (rule in the class comment). */
    public OpenSetPoint atFpir(double fpir) {
        if (!(fpir >= 0 && fpir <= 1)) {
            throw new IllegalArgumentException("FPIR must be in [0, 1], was " + fpir);
        }
        double[] best = scores.stream().filter(ProbeScore::stranger)
                .mapToDouble(s -> s.faceFound() ? s.bestScore() : Double.NEGATIVE_INFINITY).sorted().toArray();
        int n = best.length;
        double t;
        if (n == 0) {
            t = Double.NaN;
        } else {
            // the epsilon turns e.g. 0.29 * 100 = 28.999999999999996 into 29, not 28
            int m = (int) Math.floor(fpir * n + 1e-9);
            t = m >= n ? Double.NEGATIVE_INFINITY : best[n - 1 - m];
        }
        return point(fpir, t);
    }

    /** Open set at a caller-given threshold. */
    public OpenSetPoint atThreshold(double threshold) {
        if (Double.isNaN(threshold)) {
            throw new IllegalArgumentException("threshold is NaN");
        }
        return point(Double.NaN, threshold);
    }

    private OpenSetPoint point(double targetFpir, double t) {
        int strangers = 0;
        int falseAccepts = 0;
        int known = 0;
        int knownMisses = 0;
        List<Miss> errors = new ArrayList<>();
        boolean undefined = Double.isNaN(t);
        for (ProbeScore s : scores) {
            if (s.stranger()) {
                strangers++;
                if (!undefined && s.faceFound() && s.bestScore() > t) {
                    falseAccepts++;
                    errors.add(new Miss(s.probe(), null, s.best(), s.bestScore(), Double.NaN,
                            Miss.Reason.STRANGER_ACCEPTED));
                }
                continue;
            }
            known++;
            if (undefined) {
                continue;
            }
            if (!s.faceFound()) {
                knownMisses++;
                errors.add(noFaceMiss(s));
            } else if (s.rank() != 1) {
                knownMisses++;
                errors.add(wrongIdentity(s));
            } else if (!(s.trueScore() > t)) {
                knownMisses++;
                errors.add(new Miss(s.probe(), s.label(), s.label(), s.trueScore(), s.trueScore(),
                        Miss.Reason.BELOW_THRESHOLD));
            }
        }
        double fnir = undefined ? Double.NaN : ratio(knownMisses, known);
        return new OpenSetPoint(targetFpir, t, strangers, falseAccepts, ratio(falseAccepts, strangers), known,
                knownMisses, fnir, errors);
    }

    private static Miss noFaceMiss(ProbeScore s) {
        return new Miss(s.probe(), s.label(), null, Double.NaN, Double.NaN, Miss.Reason.NO_FACE);
    }

    private static Miss wrongIdentity(ProbeScore s) {
        return new Miss(s.probe(), s.label(), s.bestOther(), s.bestOtherScore(), s.trueScore(),
                Miss.Reason.WRONG_IDENTITY);
    }

    private static double ratio(int a, int b) {
        return b == 0 ? Double.NaN : (double) a / b;
    }

    private static Embedding checkCompatible(Embedding reference, Embedding e) {
        Objects.requireNonNull(e, "embedding");
        if (reference == null) {
            return e;
        }
        if (!reference.modelId().equals(e.modelId()) || reference.dimension() != e.dimension()) {
            throw new IncompatibleEmbeddingException(reference.modelId() + "/" + reference.dimension() + "-d",
                    e.modelId() + "/" + e.dimension() + "-d");
        }
        return reference;
    }

    private static ProbeScore scoreProbe(ProbeEmbedding p, int truth, String[] names, float[] matrix, int[] owner,
                                         int templates, int dim) {
        if (p.embedding() == null) {
            return new ProbeScore(p.probe(), p.label(), false, null, Double.NaN, Double.NaN, 0, null, Double.NaN);
        }
        float[] q = p.embedding().vector();
        float[] person = new float[names.length];
        Arrays.fill(person, Float.NEGATIVE_INFINITY);
        for (int t = 0; t < templates; t++) {
            float s = dot(q, matrix, t * dim, dim);
            if (s > person[owner[t]]) {
                person[owner[t]] = s;
            }
        }
        int best = argmax(person, -1);
        if (truth < 0) {
            return new ProbeScore(p.probe(), null, true, names[best], person[best], Double.NaN, 0, null, Double.NaN);
        }
        float trueScore = person[truth];
        int rank = 1;
        for (int k = 0; k < person.length; k++) {
            if (k != truth && person[k] >= trueScore) {
                rank++; // ties count against the true identity
            }
        }
        int other = argmax(person, truth);
        return new ProbeScore(p.probe(), p.label(), true, names[best], person[best], trueScore, rank,
                other < 0 ? null : names[other], other < 0 ? Double.NaN : person[other]);
    }

    /** Index of the highest score, first one on ties, skipping {@code skip}; -1 when nothing is left. */
    private static int argmax(float[] v, int skip) {
        int best = -1;
        for (int k = 0; k < v.length; k++) {
            if (k != skip && (best < 0 || v[k] > v[best])) {
                best = k;
            }
        }
        return best;
    }

    /** Dot product; four accumulators break the add dependency chain (about 4x faster than one). */
    static float dot(float[] q, float[] m, int off, int dim) {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        int i = 0;
        for (; i + 3 < dim; i += 4) {
            s0 += q[i] * m[off + i];
            s1 += q[i + 1] * m[off + i + 1];
            s2 += q[i + 2] * m[off + i + 2];
            s3 += q[i + 3] * m[off + i + 3];
        }
        for (; i < dim; i++) {
            s0 += q[i] * m[off + i];
        }
        return (s0 + s1) + (s2 + s3);
    }
}
