package com.faceattend.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.faceattend.spi.Embedding;
import com.faceattend.spi.IncompatibleEmbeddingException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A tiny gallery of 2-d unit vectors; every score below is worked out by hand.
 *
 * <pre>
 * gallery: alice (1,0) | bob (0,1) and (0.6,0.8) | carol (-1,0)
 *
 * probe  label  vector        alice   bob                     carol   -> rank / best
 * p1     alice  (0.8,0.6)     0.8     max(0.6,0.96)=0.96      -0.8    rank 2, bob 0.96
 * p2     alice  (1,0)         1       max(0,0.6)=0.6          -1      rank 1
 * p3     bob    (0,1)         0       1                        0      rank 1
 * p4     carol  (-0.6,0.8)    -0.6    max(0.8,0.28)=0.8        0.6    rank 2, bob 0.8
 * p5     carol  no face                                                miss (NO_FACE)
 * p6     carol  (-1,0)        -1      max(0,-0.6)=0            1      rank 1
 * p7     bob    (0.28,0.96)   0.28    max(0.96,0.936)=0.96    -0.28   rank 1, 0.96
 * p8     alice  (0.8,-0.6)    0.8     max(-0.6,0)=0           -0.8    rank 1, 0.8
 * s1     -      (0.6,-0.8)    0.6     max(-0.8,-0.28)=-0.28   -0.6    best alice 0.6
 * s2     -      (-0.8,-0.6)   -0.8    max(-0.6,-0.96)=-0.6     0.8    best carol 0.8
 * s3     -      no face                                                never accepted
 * s4     -      (0,-1)        0       max(-1,-0.8)=-0.8        0      tie alice/carol -> alice 0
 * </pre>
 */
class IdentificationMetricsTest {
    private static final double EPS = 1e-6;

    private static Embedding v(double x, double y) {
        return new Embedding("m", new float[] {(float) x, (float) y});
    }

    private static Map<String, List<Embedding>> gallery() {
        Map<String, List<Embedding>> g = new LinkedHashMap<>();
        g.put("carol", List.of(v(-1, 0))); // insertion order must not matter
        g.put("bob", List.of(v(0, 1), v(0.6, 0.8)));
        g.put("alice", List.of(v(1, 0)));
        return g;
    }

    private static List<ProbeEmbedding> probes() {
        return List.of(
                new ProbeEmbedding("p1", "alice", v(0.8, 0.6)),
                new ProbeEmbedding("p2", "alice", v(1, 0)),
                new ProbeEmbedding("p3", "bob", v(0, 1)),
                new ProbeEmbedding("p4", "carol", v(-0.6, 0.8)),
                new ProbeEmbedding("p5", "carol", null),
                new ProbeEmbedding("p6", "carol", v(-1, 0)),
                new ProbeEmbedding("p7", "bob", v(0.28, 0.96)),
                new ProbeEmbedding("p8", "alice", v(0.8, -0.6)),
                new ProbeEmbedding("s1", null, v(0.6, -0.8)),
                new ProbeEmbedding("s2", null, v(-0.8, -0.6)),
                new ProbeEmbedding("s3", null, null),
                new ProbeEmbedding("s4", null, v(0, -1)));
    }

    @Test
    void perProbeScoresRanksAndTieBreaking() {
        IdentificationMetrics m = IdentificationMetrics.score(gallery(), probes());
        assertEquals(List.of("alice", "bob", "carol"), m.galleryNames());
        List<ProbeScore> s = m.probeScores();
        ProbeScore p1 = s.get(0);
        assertEquals(2, p1.rank());
        assertEquals("bob", p1.best());
        assertEquals(0.96, p1.bestScore(), EPS);
        assertEquals(0.8, p1.trueScore(), EPS);
        assertEquals("bob", p1.bestOther());
        ProbeScore p5 = s.get(4);
        assertFalse(p5.faceFound());
        assertEquals(0, p5.rank());
        assertNull(p5.best());
        ProbeScore p6 = s.get(5);
        assertEquals(1, p6.rank());
        assertEquals("bob", p6.bestOther()); // bob 0 > alice -1
        assertEquals(0.0, p6.bestOtherScore(), EPS);
        ProbeScore s4 = s.get(11);
        assertTrue(s4.stranger());
        assertEquals("alice", s4.best()); // 0 vs 0: first in name order
        assertEquals(0.0, s4.bestScore(), EPS);
    }

    @Test
    void closedSet() {
        /*
         * known probes p1..p8 = 8, one without a face (p5).
         * rank-1: p2 p3 p6 p7 p8 = 5/8; rank-5 (3 people, so every probe with a face) = 7/8.
         * misses: p1 (bob 0.96 vs 0.8), p4 (bob 0.8 vs 0.6), p5 no face.
         */
        IdentificationMetrics m = IdentificationMetrics.score(gallery(), probes());
        ClosedSetResult c = m.closedSet();
        assertEquals(8, c.knownProbes());
        assertEquals(1, c.noFace());
        assertEquals(5, c.rank1Hits());
        assertEquals(7, c.rank5Hits());
        assertEquals(0.625, c.rank1(), EPS);
        assertEquals(0.875, c.rank5(), EPS);
        assertEquals(0.875, m.rankAccuracy(2), EPS);
        assertEquals(3, c.misses().size());
        Miss a = c.misses().get(0);
        assertEquals(new Miss("p1", "alice", "bob", a.score(), a.trueScore(), Miss.Reason.WRONG_IDENTITY), a);
        assertEquals(0.96, a.score(), EPS);
        assertEquals(0.8, a.trueScore(), EPS);
        assertEquals("p4", c.misses().get(1).probe());
        assertEquals("bob", c.misses().get(1).predicted());
        assertEquals(Miss.Reason.NO_FACE, c.misses().get(2).reason());
        assertEquals("p5", c.misses().get(2).probe());
    }

    @Test
    void fnirAtFpir() {
        /*
         * stranger best scores, descending: s2 0.8, s1 0.6, s4 0, s3 none (-inf). n = 4.
         * FPIR 1%:  m = floor(0.04) = 0 -> t = 0.8 (s2's score). No stranger above -> FPIR 0.
         *           known misses: p1, p4 (not rank 1), p5 (no face), p8 (rank 1 but 0.8 is not above 0.8)
         *           -> FNIR 4/8.
         * FPIR 25%: m = 1 -> t = 0.6 -> s2 accepted as carol -> FPIR 1/4; p8 now accepted -> FNIR 3/8.
         * FPIR 50%: m = 2 -> t = 0 -> s2, s1 accepted -> 2/4; FNIR 3/8.
         * FPIR 75%: m = 3 -> 4th highest is s3 without a face -> t = -Infinity -> s1, s2, s4 accepted
         *           (s3 never) -> 3/4; FNIR 3/8.
         */
        IdentificationMetrics m = IdentificationMetrics.score(gallery(), probes());
        OpenSetPoint p = m.atFpir(0.01);
        assertEquals(0.8, p.threshold(), EPS);
        assertEquals(4, p.strangerProbes());
        assertEquals(0, p.falseAccepts());
        assertEquals(0.0, p.fpir(), EPS);
        assertEquals(8, p.knownProbes());
        assertEquals(4, p.knownMisses());
        assertEquals(0.5, p.fnir(), EPS);
        assertEquals(List.of(Miss.Reason.WRONG_IDENTITY, Miss.Reason.WRONG_IDENTITY, Miss.Reason.NO_FACE,
                Miss.Reason.BELOW_THRESHOLD), p.errors().stream().map(Miss::reason).toList());
        assertEquals("p8", p.errors().get(3).probe());

        OpenSetPoint q = m.atFpir(0.25);
        assertEquals(0.6, q.threshold(), EPS);
        assertEquals(1, q.falseAccepts());
        assertEquals(0.25, q.fpir(), EPS);
        assertEquals(0.375, q.fnir(), EPS);
        Miss fa = q.errors().get(q.errors().size() - 1);
        assertEquals(new Miss("s2", null, "carol", fa.score(), Double.NaN, Miss.Reason.STRANGER_ACCEPTED), fa);

        assertEquals(0.0, m.atFpir(0.5).threshold(), EPS);
        assertEquals(0.5, m.atFpir(0.5).fpir(), EPS);
        OpenSetPoint all = m.atFpir(0.75);
        assertEquals(Double.NEGATIVE_INFINITY, all.threshold());
        assertEquals(3, all.falseAccepts());
        assertEquals(0.375, all.fnir(), EPS);
    }

    @Test
    void atCallerThreshold() {
        /*
         * t = 0.9: no stranger above (best is 0.8) -> FPIR 0. Known accepted: p2 1, p3 1, p6 1, p7 0.96;
         *          misses p1, p4, p5, p8 (0.8 below) -> FNIR 4/8.
         * t = 0.97: p7 (0.96) drops too -> FNIR 5/8.
         * t = 0.5: s2 (0.8) and s1 (0.6) accepted -> FPIR 2/4; p8 accepted -> FNIR 3/8.
         */
        IdentificationMetrics m = IdentificationMetrics.score(gallery(), probes());
        OpenSetPoint a = m.atThreshold(0.9);
        assertTrue(Double.isNaN(a.targetFpir()));
        assertEquals(0.0, a.fpir(), EPS);
        assertEquals(0.5, a.fnir(), EPS);
        assertEquals(0.625, m.atThreshold(0.97).fnir(), EPS);
        OpenSetPoint c = m.atThreshold(0.5);
        assertEquals(0.5, c.fpir(), EPS);
        assertEquals(0.375, c.fnir(), EPS);

        IdentificationResult r = m.result(0.9);
        assertEquals(3, r.galleryPeople());
        assertEquals(4, r.templates());
        assertEquals(8, r.knownProbes());
        assertEquals(4, r.strangerProbes());
        assertEquals(1, r.knownNoFace());
        assertEquals(1, r.strangerNoFace());
        assertEquals(0.5, r.atThreshold().fnir(), EPS);
        String json = r.toJson();
        assertEquals(0, JsonTest.balance(json));
        assertTrue(json.contains("\"rank1\":0.625"), json);
        assertTrue(json.contains("\"reason\":\"NO_FACE\""), json);
        assertTrue(json.contains("\"atThreshold\":{\"targetFpir\":null,\"threshold\":0.9,"), json);
        String summary = r.summary();
        assertTrue(summary.contains("rank-1 62.50% (5/8)"), summary);
        assertTrue(summary.contains("p1: alice taken for bob"), summary);
        assertFalse(m.result(null).toJson().contains("atThreshold"));
    }

    @Test
    void personWithoutTemplatesAndNoStrangers() {
        /*
         * dave is enrolled without a template (score -inf): his probe ranks behind alice and bob
         * (anything >= -inf counts ahead) -> rank 3, a miss. No strangers: open set not measured.
         */
        Map<String, List<Embedding>> g = new LinkedHashMap<>();
        g.put("alice", List.of(v(1, 0)));
        g.put("bob", List.of(v(0, 1)));
        g.put("dave", List.of());
        IdentificationMetrics m = IdentificationMetrics.score(g,
                List.of(new ProbeEmbedding("d1", "dave", v(1, 0)), new ProbeEmbedding("a1", "alice", v(1, 0))));
        assertEquals(3, m.probeScores().get(0).rank());
        IdentificationResult r = m.result(null);
        assertEquals(List.of("dave"), r.peopleWithoutTemplates());
        assertEquals(0.5, r.closedSet().rank1(), EPS);
        assertTrue(Double.isNaN(r.atFpir1().threshold()));
        assertTrue(Double.isNaN(r.atFpir1().fnir()));
        assertTrue(r.summary().contains("not measured, no stranger probes"), r.summary());
    }

    @Test
    void exactTieWithAnotherPersonIsAMiss() {
        Map<String, List<Embedding>> g = new LinkedHashMap<>();
        g.put("alice", List.of(v(1, 0)));
        g.put("bob", List.of(v(1, 0))); // same template: every probe ties
        IdentificationMetrics m = IdentificationMetrics.score(g, List.of(new ProbeEmbedding("b", "bob", v(1, 0))));
        ProbeScore s = m.probeScores().get(0);
        assertEquals(2, s.rank());
        assertEquals("alice", s.best());
        assertEquals(0.0, m.closedSet().rank1(), EPS);
        assertEquals(1.0, m.rankAccuracy(2), EPS);
    }

    @Test
    void rejectsMismatchedInput() {
        Map<String, List<Embedding>> g = gallery();
        assertThrows(IllegalArgumentException.class, () -> IdentificationMetrics.score(g,
                List.of(new ProbeEmbedding("x", "zoe", v(1, 0)))));
        assertThrows(IncompatibleEmbeddingException.class, () -> IdentificationMetrics.score(g,
                List.of(new ProbeEmbedding("x", null, new Embedding("other", new float[] {1, 0})))));
        assertThrows(IncompatibleEmbeddingException.class, () -> IdentificationMetrics.score(g,
                List.of(new ProbeEmbedding("x", null, new Embedding("m", new float[] {1, 0, 0})))));
        assertThrows(IllegalArgumentException.class, () -> IdentificationMetrics.score(Map.of(), List.of()));
        IdentificationMetrics m = IdentificationMetrics.score(g, probes());
        assertThrows(IllegalArgumentException.class, () -> m.atFpir(2));
        assertThrows(IllegalArgumentException.class, () -> m.atThreshold(Double.NaN));
    }

    @Test
    void scoresMatchEmbeddingCosineAndScaleToThousands() {
        Random rnd = new Random(42);
        int dim = 512;
        int people = 300;
        int perPerson = 10;
        Map<String, List<Embedding>> g = new LinkedHashMap<>();
        List<Embedding> centres = new ArrayList<>();
        for (int p = 0; p < people; p++) {
            Embedding c = random(rnd, dim, null, 0);
            centres.add(c);
            List<Embedding> t = new ArrayList<>();
            for (int k = 0; k < perPerson; k++) {
                t.add(random(rnd, dim, c, 0.5f));
            }
            g.put("person" + p, t);
        }
        List<ProbeEmbedding> probes = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            int p = i % people;
            probes.add(new ProbeEmbedding("probe" + i, "person" + p, random(rnd, dim, centres.get(p), 0.5f)));
        }
        // 3,000 probes x 3,000 templates x 512-d: must stay well within interactive time
        IdentificationMetrics m = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> IdentificationMetrics.score(g, probes));
        assertEquals(1.0, m.closedSet().rank1(), EPS); // noise 0.5 around a random centre: easy
        ProbeScore first = m.probeScores().get(0);
        double expected = g.get("person0").stream()
                .mapToDouble(t -> t.cosine(probes.get(0).embedding())).max().orElseThrow();
        assertEquals(expected, first.trueScore(), 1e-5);
    }

    /** A random unit vector, or one near {@code centre} when it is given. */
    private static Embedding random(Random rnd, int dim, Embedding centre, float noise) {
        float[] v = new float[dim];
        for (int i = 0; i < dim; i++) {
            float r = (float) rnd.nextGaussian() / (float) Math.sqrt(dim);
            v[i] = centre == null ? r : centre.vector()[i] + noise * r;
        }
        return Embedding.normalised("m", v);
    }
}
