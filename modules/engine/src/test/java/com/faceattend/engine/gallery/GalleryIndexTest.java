package com.faceattend.engine.gallery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.faceattend.spi.Embedding;
import com.faceattend.spi.IncompatibleEmbeddingException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GalleryIndexTest {
    static final String MODEL = "test-model";

    /** A random unit vector of {@link #MODEL}. */
    static Embedding unit(Random r, int dim) {
        float[] v = new float[dim];
        for (int i = 0; i < dim; i++) {
            v[i] = (float) r.nextGaussian();
        }
        return Embedding.normalised(MODEL, v);
    }

    @Test
    void simdScoresEqualPlainScalarScores() {
        Random r = new Random(1);
        int dim = 515; // not a multiple of the vector width: exercises the tail
        int rows = 37;
        float[] data = new float[rows * dim];
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) r.nextGaussian();
        }
        float[] q = unit(r, dim).vector();
        float[] simd = new float[rows];
        float[] scalar = new float[rows];
        VectorMath.dotRows(data, q, dim, 0, rows, simd);
        VectorMath.dotRowsScalar(data, q, dim, 0, rows, scalar);
        for (int i = 0; i < rows; i++) {
            assertEquals(scalar[i], simd[i], 1e-4f, "row " + i);
        }
    }

    @Test
    void aPersonScoresTheBestOfTheirTemplates() {
        Random r = new Random(2);
        GalleryIndex g = new GalleryIndex(MODEL, 64);
        Embedding probe = unit(r, 64);
        g.add("A", "Ann", unit(r, 64));
        g.add("A", "Ann", probe); // exact template
        g.add("B", "Bob", unit(r, 64));
        List<PersonMatch> top = g.search(probe, 2);
        assertEquals("A", top.get(0).personKey());
        assertEquals(1f, top.get(0).similarity(), 1e-5f);
        assertEquals("B", top.get(1).personKey());
        assertEquals(2, g.personCount());
        assertEquals(3, g.templateCount());
    }

    @Test
    void parallelSearchOfALargeGalleryFindsThePlantedMatch() {
        Random r = new Random(3);
        GalleryIndex g = new GalleryIndex(MODEL, 512, 2);
        Embedding target = unit(r, 512);
        for (int i = 0; i < 20_000; i++) {
            g.add("P" + i, "P" + i, i == 13_579 ? target : unit(r, 512));
        }
        PersonMatch best = g.search(target, 1).get(0);
        assertEquals("P13579", best.personKey());
        assertEquals(1f, best.similarity(), 1e-4f);
    }

    @Test
    void theTwoStepSearchOfALargeGalleryReturnsTheExactTopPersons() {
        // Above COARSE_THRESHOLD the int8 pass picks candidates; compare with a brute-force float scan.
        Random r = new Random(5);
        int people = GalleryIndex.COARSE_THRESHOLD / 4 + 500;
        GalleryIndex g = new GalleryIndex(MODEL, 128, 2);
        Embedding[] all = new Embedding[people * 4];
        for (int i = 0; i < all.length; i++) {
            all[i] = unit(r, 128);
            g.add("P" + i / 4, "P" + i / 4, all[i]);
        }
        for (int probeNo = 0; probeNo < 20; probeNo++) {
            // A probe near a random template, as a real repeat visit is.
            float[] v = all[r.nextInt(all.length)].vector().clone();
            for (int i = 0; i < v.length; i++) {
                v[i] += (float) r.nextGaussian() * 0.08f;
            }
            Embedding probe = Embedding.normalised(MODEL, v);
            float[] personBest = new float[people];
            java.util.Arrays.fill(personBest, -2f);
            for (int i = 0; i < all.length; i++) {
                personBest[i / 4] = Math.max(personBest[i / 4], all[i].cosine(probe));
            }
            List<PersonMatch> top = g.search(probe, 3);
            float[] sorted = personBest.clone();
            java.util.Arrays.sort(sorted);
            for (int k = 0; k < 3; k++) {
                assertEquals(sorted[sorted.length - 1 - k], top.get(k).similarity(), 1e-5f, "rank " + (k + 1));
                assertEquals(personBest[Integer.parseInt(top.get(k).personKey().substring(1))], top.get(k).similarity(), 1e-5f);
            }
        }
    }

    @Test
    void theInt4KernelEqualsAPlainDecodingAndTracksTheFloatScores() {
        Random r = new Random(6);
        for (int dim : new int[] {512, 100}) { // 100: padded to a power of two
            Int4Codes codes = new Int4Codes(dim, VectorMath.int4MinimumPadded());
            int rows = 7;
            Embedding[] all = new Embedding[rows];
            byte[] packed = new byte[rows * codes.rowBytes()];
            float[] rowScale = new float[rows];
            for (int i = 0; i < rows; i++) {
                all[i] = unit(r, dim);
                rowScale[i] = codes.encodeRow(all[i].vector(), packed, i * codes.rowBytes());
            }
            Embedding probe = unit(r, dim);
            short[] q = new short[codes.paddedDimension()];
            float probeScale = codes.queryCodes(probe.vector(), q);
            int[] simd = new int[rows];
            VectorMath.dotRowsInt4(packed, q, codes.paddedDimension(), 0, rows, simd);
            int half = codes.rowBytes();
            for (int i = 0; i < rows; i++) {
                int plain = 0;
                for (int j = 0; j < half; j++) {
                    byte b = packed[i * half + j];
                    plain += ((b << 28) >> 28) * q[j] + (b >> 4) * q[j + half];
                }
                assertEquals(plain, simd[i], "row " + i + " at " + dim + "-d");
                assertEquals(all[i].cosine(probe), simd[i] * rowScale[i] * probeScale, 0.03f, "row " + i + " at " + dim + "-d");
            }
        }
    }

    @Test
    void removingAPersonRemovesEveryTemplateAndKeepsOthersSearchable() {
        Random r = new Random(4);
        GalleryIndex g = new GalleryIndex(MODEL, 32);
        Embedding bob = unit(r, 32);
        g.add("A", "Ann", unit(r, 32));
        g.add("B", "Bob", bob);
        g.add("A", "Ann", unit(r, 32));
        assertEquals(2, g.remove("A"));
        assertEquals(1, g.templateCount());
        List<PersonMatch> top = g.search(bob, 5);
        assertEquals(1, top.size());
        assertEquals("B", top.get(0).personKey());
        assertEquals(0, g.remove("A"));
    }

    @Test
    void embeddingsOfAnotherModelAreRefused() {
        GalleryIndex g = new GalleryIndex(MODEL, 4);
        Embedding other = Embedding.normalised("other-model", new float[] {1, 0, 0, 0});
        IncompatibleEmbeddingException e = assertThrows(IncompatibleEmbeddingException.class, () -> g.add("A", "Ann", other));
        assertTrue(e.getMessage().contains("other-model"));
        assertThrows(IncompatibleEmbeddingException.class, () -> g.search(other, 1));
    }

    @Test
    void anEmptyGalleryFindsNobody() {
        GalleryIndex g = new GalleryIndex(MODEL, 4);
        assertTrue(g.search(Embedding.normalised(MODEL, new float[] {1, 0, 0, 0}), 1).isEmpty());
    }
}
