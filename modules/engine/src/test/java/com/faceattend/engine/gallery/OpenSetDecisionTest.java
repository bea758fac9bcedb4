package com.faceattend.engine.gallery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.faceattend.spi.Embedding;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Issue 16: the accept rule holds the stranger rate as the gallery grows. */
class OpenSetDecisionTest {
    private static final String MODEL = GalleryIndexTest.MODEL;

    private static Embedding unit(Random r, int dim) {
        return GalleryIndexTest.unit(r, dim);
    }

    @Test
    void normalQuantilesMatchTables() {
        assertEquals(0.0, OpenSetDecision.inverseNormal(0.5), 1e-9);
        assertEquals(1.959963985, OpenSetDecision.inverseNormal(0.975), 1e-8);
        assertEquals(-2.326347874, OpenSetDecision.inverseNormal(0.01), 1e-8);
        assertEquals(-4.753424309, OpenSetDecision.inverseNormal(1e-6), 1e-7);
        assertEquals(-7.941345326, OpenSetDecision.inverseNormal(1e-15), 1e-6);
    }

    @Test
    void theCosineNeededGrowsWithTheGalleryAndTheStrictness() {
        ImpostorScores s = new ImpostorScores(0.05, 0.1, 10_000);
        OpenSetDecision rule = OpenSetDecision.oneStrangerIn(300);
        float previous = -1;
        for (int templates : new int[] {1, 10, 100, 1_000, 100_000, 1_000_000}) {
            float t = rule.threshold(s, templates);
            assertTrue(t > previous, templates + " templates need more than " + previous + ", got " + t);
            previous = t;
        }
        assertTrue(OpenSetDecision.oneStrangerIn(10_000).threshold(s, 100) > rule.threshold(s, 100));
        // one comparison at 1 in 300: mean + 1.1 sd * z(1 - 1/300)
        assertEquals(0.05 + 1.1 * 0.1 * 2.713, rule.threshold(s, 1), 1e-3);
        // n comparisons: each may pass with p = 1 - (1 - f)^(1/n), about f/n
        assertEquals(0.05 + 1.1 * 0.1 * -OpenSetDecision.inverseNormal(1.0 / 300 / 1000),
                rule.threshold(s, 1000), 1e-4);
    }

    @Test
    void aGalleryMeasuresItsOwnStrangerScores() {
        Random r = new Random(7);
        GalleryIndex g = new GalleryIndex(MODEL, 256, 1);
        assertSame(ImpostorScores.PRIOR, g.impostorScores(), "an empty gallery falls back to the prior");
        for (int p = 0; p < 400; p++) {
            g.add("p" + p, "P" + p, unit(r, 256));
        }
        ImpostorScores measured = g.impostorScores();
        // random 256-d unit vectors: cosines with mean 0 and sd 1/16; sampled pairs, pooled with the prior
        assertEquals(GalleryIndex.IMPOSTOR_PAIRS, measured.pairs(), 200);
        double w = (double) ImpostorScores.PRIOR_PAIRS / (ImpostorScores.PRIOR_PAIRS + measured.pairs());
        assertEquals(w * ImpostorScores.PRIOR.mean(), measured.mean(), 0.003);
        assertTrue(measured.sd() > 0.06 && measured.sd() < 0.07, "sd " + measured.sd());
        assertSame(measured, g.impostorScores(), "cached until the gallery changes");
        g.remove("p0");
        assertFalse(measured == g.impostorScores(), "a removal is measured again");
    }

    @Test
    void theStationRuleAcceptsOnlyAboveTheGallerysThreshold() {
        Random r = new Random(3);
        GalleryIndex g = new GalleryIndex(MODEL, 128, 1);
        for (int p = 0; p < 50; p++) {
            g.add("p" + p, "P" + p, unit(r, 128));
        }
        OpenSetDecision rule = OpenSetDecision.defaults();
        float t = rule.threshold(g);
        assertTrue(rule.accepts(new PersonMatch("p1", "P1", t + 0.01f), g));
        assertFalse(rule.accepts(new PersonMatch("p1", "P1", t - 0.01f), g));
        assertFalse(rule.accepts(null, g));
    }

    @Test
    void theSettingIsSaidAsWhatItMeans() {
        assertEquals("about 1 stranger in 1,000 accepted", OpenSetDecision.oneStrangerIn(1000).describe(Locale.US));
        assertEquals(OpenSetDecision.DEFAULT_ONE_IN, OpenSetDecision.defaults().oneIn());
        assertThrows(IllegalArgumentException.class, () -> OpenSetDecision.oneStrangerIn(1));
        assertThrows(IllegalArgumentException.class, () -> new OpenSetDecision(0));
    }
}
