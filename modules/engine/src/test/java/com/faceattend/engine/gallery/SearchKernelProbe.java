package com.faceattend.engine.gallery;

import com.faceattend.spi.Embedding;
import java.util.Random;

/**
 * Run in a child JVM by {@link SearchKernelTest}: prints which kernel this JVM chose, then searches
 * a gallery large enough for the two-step (int4 then exact) search for a planted template and
 * prints the person found and its similarity.
 */
public final class SearchKernelProbe {
    private SearchKernelProbe() {
    }

    public static void main(String[] args) {
        System.out.println("simd=" + VectorMath.SIMD);
        Random r = new Random(11);
        int people = GalleryIndex.COARSE_THRESHOLD + 1_000;
        GalleryIndex g = new GalleryIndex(GalleryIndexTest.MODEL, 512, 2);
        Embedding target = null;
        for (int i = 0; i < people; i++) {
            Embedding e = GalleryIndexTest.unit(r, 512);
            if (i == people / 3) {
                target = e;
            }
            g.add("P" + i, "P" + i, e);
        }
        float[] near = target.vector().clone();
        for (int i = 0; i < near.length; i++) {
            near[i] += (float) r.nextGaussian() * 0.01f;
        }
        var best = g.search(Embedding.normalised(GalleryIndexTest.MODEL, near), 1).get(0);
        System.out.println("found=" + best.personKey() + " expected=P" + people / 3 + " similarity=" + best.similarity());
    }
}
