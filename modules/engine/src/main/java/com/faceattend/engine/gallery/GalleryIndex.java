package com.faceattend.engine.gallery;

import com.faceattend.spi.Embedding;
import com.faceattend.spi.IncompatibleEmbeddingException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.IntStream;

/**
 * The in-memory 1:N gallery: every template of every enrolled person in one contiguous
 * {@code float[]} (row-major, one row per template), searched by SIMD dot products. Several
 * templates per person; a person's score is the best of their templates.
 *
 * <p>Only embeddings of {@link #modelId()} are accepted, so vectors of different models are never
 * compared. Thread-safe: searches share a read lock, changes take the write lock.
 */
public final class GalleryIndex {
    /** Below this many floats a single thread is faster than forking. */
    private static final int PARALLEL_THRESHOLD = 1 << 21;

    private final String modelId;
    private final int dimension;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final int parallelism;

    private float[] vectors;
    private int[] rowPerson;
    private int rows;
    private final List<String> personKeys = new ArrayList<>();
    private final List<String> personNames = new ArrayList<>();
    private final Map<String, Integer> personSlots = new HashMap<>();

    public GalleryIndex(String modelId, int dimension) {
        this(modelId, dimension, Runtime.getRuntime().availableProcessors());
    }

    /** @param parallelism how many threads a large search may use */
    public GalleryIndex(String modelId, int dimension, int parallelism) {
        if (dimension <= 0) {
            throw new IllegalArgumentException("dimension must be positive");
        }
        this.modelId = modelId;
        this.dimension = dimension;
        this.parallelism = Math.max(1, parallelism);
        this.vectors = new float[16 * dimension];
        this.rowPerson = new int[16];
    }

    public String modelId() {
        return modelId;
    }

    public int dimension() {
        return dimension;
    }

    /** Adds one template of {@code personKey}. */
    public void add(String personKey, String displayName, Embedding template) {
        checkCompatible(template);
        lock.writeLock().lock();
        try {
            int slot = personSlots.computeIfAbsent(personKey, k -> {
                personKeys.add(k);
                personNames.add(displayName);
                return personKeys.size() - 1;
            });
            personNames.set(slot, displayName);
            ensureCapacity(rows + 1);
            System.arraycopy(template.vector(), 0, vectors, rows * dimension, dimension);
            rowPerson[rows++] = slot;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Removes every template of {@code personKey}; returns how many were removed. */
    public int remove(String personKey) {
        lock.writeLock().lock();
        try {
            Integer slot = personSlots.get(personKey);
            if (slot == null) {
                return 0;
            }
            int kept = 0;
            for (int r = 0; r < rows; r++) {
                if (rowPerson[r] != slot) {
                    if (kept != r) {
                        System.arraycopy(vectors, r * dimension, vectors, kept * dimension, dimension);
                        rowPerson[kept] = rowPerson[r];
                    }
                    kept++;
                }
            }
            int removed = rows - kept;
            // Overwrite the freed tail so removed biometric vectors do not linger in memory.
            Arrays.fill(vectors, kept * dimension, rows * dimension, 0f);
            rows = kept;
            personSlots.remove(personKey);
            personNames.set(slot, null);
            return removed;
        } finally {
            lock.writeLock().unlock();
        }
    }

    public int templateCount() {
        lock.readLock().lock();
        try {
            return rows;
        } finally {
            lock.readLock().unlock();
        }
    }

    public int personCount() {
        lock.readLock().lock();
        try {
            return personSlots.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * The {@code k} best persons for {@code probe}, best first (fewer when fewer are enrolled).
     */
    public List<PersonMatch> search(Embedding probe, int k) {
        checkCompatible(probe);
        lock.readLock().lock();
        try {
            if (rows == 0) {
                return List.of();
            }
            float[] scores = new float[rows];
            scoreAll(probe.vector(), scores);
            return topPersons(scores, k);
        } finally {
            lock.readLock().unlock();
        }
    }

    private void scoreAll(float[] query, float[] scores) {
        long work = (long) rows * dimension;
        if (parallelism == 1 || work < PARALLEL_THRESHOLD) {
            VectorMath.dotRows(vectors, query, dimension, 0, rows, scores);
            return;
        }
        int chunks = parallelism;
        int per = (rows + chunks - 1) / chunks;
        IntStream.range(0, chunks).parallel().forEach(c -> {
            int from = c * per;
            int to = Math.min(rows, from + per);
            if (from < to) {
                VectorMath.dotRows(vectors, query, dimension, from, to, scores);
            }
        });
    }

    private List<PersonMatch> topPersons(float[] scores, int k) {
        float[] best = new float[personKeys.size()];
        Arrays.fill(best, Float.NEGATIVE_INFINITY);
        for (int r = 0; r < rows; r++) {
            int p = rowPerson[r];
            if (scores[r] > best[p]) {
                best[p] = scores[r];
            }
        }
        // Partial selection: k is tiny (1..5) next to the number of persons.
        List<PersonMatch> top = new ArrayList<>(k);
        boolean[] taken = new boolean[best.length];
        for (int n = 0; n < k; n++) {
            int arg = -1;
            for (int p = 0; p < best.length; p++) {
                if (!taken[p] && best[p] != Float.NEGATIVE_INFINITY && (arg < 0 || best[p] > best[arg])) {
                    arg = p;
                }
            }
            if (arg < 0) {
                break;
            }
            taken[arg] = true;
            top.add(new PersonMatch(personKeys.get(arg), personNames.get(arg), best[arg]));
        }
        return top;
    }

    private void ensureCapacity(int needed) {
        if (needed > rowPerson.length) {
            int capacity = Math.max(needed, rowPerson.length + (rowPerson.length >> 1));
            vectors = Arrays.copyOf(vectors, capacity * dimension);
            rowPerson = Arrays.copyOf(rowPerson, capacity);
        }
    }

    private void checkCompatible(Embedding e) {
        if (!modelId.equals(e.modelId()) || e.dimension() != dimension) {
            throw new IncompatibleEmbeddingException(modelId, e.modelId());
        }
    }
}
