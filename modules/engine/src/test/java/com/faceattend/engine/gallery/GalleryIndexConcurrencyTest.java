package com.faceattend.engine.gallery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.faceattend.spi.Embedding;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The gallery while enrolment and deletion change it under running stations (the desktop enrols while
 * a station searches), and a person removed and enrolled again.
 */
class GalleryIndexConcurrencyTest {
    private static final String MODEL = "test-model";
    private static final int DIM = 128;

    private static Embedding unit(Random r) {
        float[] v = new float[DIM];
        for (int i = 0; i < DIM; i++) {
            v[i] = (float) r.nextGaussian();
        }
        return Embedding.normalised(MODEL, v);
    }

    @Test
    void aRemovedPersonEnrolledAgainIsFoundByTheNewTemplatesOnlyAndUnderTheNewName() {
        Random r = new Random(7);
        GalleryIndex g = new GalleryIndex(MODEL, DIM);
        Embedding old1 = unit(r);
        Embedding old2 = unit(r);
        g.add("E1", "Ann", old1);
        g.add("E1", "Ann", old2);
        g.add("E2", "Bob", unit(r));
        assertEquals(2, g.remove("E1"));
        assertEquals(0, g.remove("E1"), "removing twice removes nothing");
        assertTrue(g.search(old1, 5).stream().noneMatch(m -> m.personKey().equals("E1")), "removed templates are gone");
        Embedding fresh = unit(r);
        g.add("E1", "Ann Smith", fresh);
        assertEquals(2, g.personCount());
        assertEquals(2, g.templateCount());
        PersonMatch top = g.search(fresh, 1).get(0);
        assertEquals("E1", top.personKey());
        assertEquals("Ann Smith", top.displayName(), "the name given at re-enrolment");
        assertEquals(1f, top.similarity(), 1e-5f);
        PersonMatch oldProbe = g.search(old1, 2).stream().filter(m -> m.personKey().equals("E1")).findFirst().orElseThrow();
        assertEquals(old1.cosine(fresh), oldProbe.similarity(), 0.02f, "scored against the new template, not the removed one");
    }

    @Test
    void searchesWhileOthersAreEnrolledAndRemovedAlwaysFindTheStablePeople() throws Exception {
        Random r = new Random(11);
        GalleryIndex g = new GalleryIndex(MODEL, DIM, 2);
        List<Embedding> stable = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            Embedding e = unit(r);
            stable.add(e);
            g.add("S" + i, "Stable " + i, e);
        }
        List<Embedding> churn = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            churn.add(unit(r));
        }
        AtomicBoolean writing = new AtomicBoolean(true);
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        CountDownLatch readersDone = new CountDownLatch(3);
        List<Thread> readers = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            int seed = t;
            readers.add(Thread.ofPlatform().start(() -> {
                try {
                    int i = seed;
                    int checks = 0;
                    // keep checking while the writer runs, and at least 300 times
                    while (writing.get() || checks < 300) {
                        int who = i++ % stable.size();
                        List<PersonMatch> top = g.search(stable.get(who), 3);
                        if (top.isEmpty() || !top.get(0).personKey().equals("S" + who) || Math.abs(top.get(0).similarity() - 1f) > 1e-4f) {
                            failures.add("probe S" + who + " got " + top);
                        }
                        checks++;
                    }
                } catch (RuntimeException e) {
                    failures.add(e.toString());
                } finally {
                    readersDone.countDown();
                }
            }));
        }
        for (int round = 0; round < 4; round++) {
            for (int i = 0; i < churn.size(); i++) {
                g.add("C" + i, "Churn " + i, churn.get(i));
            }
            for (int i = 0; i < churn.size(); i += 2) {
                g.remove("C" + i);
            }
            for (int i = 1; i < churn.size(); i += 2) {
                g.remove("C" + i);
            }
        }
        writing.set(false);
        assertTrue(readersDone.await(120, TimeUnit.SECONDS), "readers finished");
        assertEquals(List.of(), List.copyOf(failures));
        assertEquals(50, g.personCount());
        assertEquals(50, g.templateCount());
        for (int i = 0; i < stable.size(); i++) {
            assertEquals("S" + i, g.search(stable.get(i), 1).get(0).personKey());
        }
    }
}
