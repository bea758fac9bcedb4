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
    private static final String MODEL = "test-model";

    private static Embedding unit(Random r, int dim) {
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
