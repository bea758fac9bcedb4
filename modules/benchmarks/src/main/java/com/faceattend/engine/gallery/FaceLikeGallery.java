package com.faceattend.engine.gallery;

import com.faceattend.spi.Embedding;
import java.util.ArrayList;
import java.util.List;

/**
 * A gallery of {@link FaceLikeVectors} (five photos per person, as a station enrols them) with
 * probes of enrolled people and of strangers, and the measure the search must hold: recall@1,
 * the share of probes whose best person from {@link GalleryIndex#search} is the exact scan's.
 */
final class FaceLikeGallery {
    static final String MODEL = "face-like";
    static final int PHOTOS_PER_PERSON = 5;

    final GalleryIndex index;
    private final FaceLikeVectors faces;
    private final List<double[]> centres = new ArrayList<>();

    FaceLikeGallery(int templates, int threads, long seed) {
        faces = new FaceLikeVectors(seed);
        index = new GalleryIndex(MODEL, FaceLikeVectors.DIM, threads);
        for (int t = 0; t < templates; t++) {
            if (t % PHOTOS_PER_PERSON == 0) {
                centres.add(faces.person());
            }
            int person = t / PHOTOS_PER_PERSON;
            index.add("P" + person, "P" + person, faces.photo(centres.get(person), MODEL));
        }
    }

    /** New photos of enrolled people, spread over the gallery. */
    List<Embedding> enrolledProbes(int count) {
        List<Embedding> probes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            probes.add(faces.photo(centres.get((int) ((long) i * centres.size() / count)), MODEL));
        }
        return probes;
    }

    /** Photos of people never enrolled. */
    List<Embedding> strangerProbes(int count) {
        List<Embedding> probes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            probes.add(faces.photo(faces.person(), MODEL));
        }
        return probes;
    }

    /** Share of {@code probes} whose searched best person and score (to float rounding) are the exact scan's. */
    double recallAtOne(List<Embedding> probes) {
        int same = 0;
        for (Embedding p : probes) {
            PersonMatch fast = index.search(p, 1).get(0);
            PersonMatch exact = index.searchExact(p, 1).get(0);
            if (fast.personKey().equals(exact.personKey()) && Math.abs(fast.similarity() - exact.similarity()) <= 1e-6f) {
                same++;
            }
        }
        return (double) same / probes.size();
    }
}
