package com.faceattend.engine.gallery;

import com.faceattend.spi.Embedding;
import com.faceattend.spi.IncompatibleEmbeddingException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.IntStream;

/**
 * The in-memory 1:N gallery: every template of every enrolled person in one contiguous
 * {@code float[]} (row-major, one row per template), searched by SIMD dot products. Several
 * templates per person; a person's score is the best of their templates.
 *
 * <p>Large galleries are searched in two steps: a 4-bit copy of every row ({@link Int4Codes}, an
 * eighth of the memory to stream) ranks all templates, and the best {@value #RESCORED_ROWS} are scored
 * again exactly from the float rows. Scores returned are always exact float cosines; the first pass
 * only decides which rows are rescored, and its error (about 0.005) is far below the score gap
 * between the best template and the {@value #RESCORED_ROWS}th, so the exact best is kept (recall@1
 * against the exact scan is tested in the benchmarks module's {@code GallerySearchRecallTest} and printed by its JMH run).
 * Memory per template: 4 x dimension bytes of floats, dimension/2 bytes of codes and 8 bytes of
 * bookkeeping (2,312 bytes at 512-d).
 *
 * <p>Only embeddings of {@link #modelId()} are accepted, so vectors of different models are never
 * compared. Thread-safe: searches share a read lock, changes take the write lock.
 */
public final class GalleryIndex {
    /** Below this many floats a single thread is faster than forking (measured: 10,000 x 512 is not worth it). */
    private static final long PARALLEL_THRESHOLD = 1L << 23;
    /** From this many templates on, a compact first pass pays for itself (JMH, int8 pass: 0.74 vs 1.97 ms at 10,000; slower at 1,000). */
    static final int COARSE_THRESHOLD = 5_000;
    /** Templates the 4-bit pass hands to exact rescoring. */
    static final int RESCORED_ROWS = 256;
    /** Rows ranked per block of the first pass: 1,024 dots are 4 KB, held in L1 while they are selected. */
    static final int SELECT_BLOCK = 1024;

    private final String modelId;
    private final int dimension;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final int parallelism;

    private final Int4Codes codes;
    private float[] vectors;
    private byte[] coarse;
    private float[] coarseScale;
    private int[] rowPerson;
    private int rows;
    private final List<String> personKeys = new ArrayList<>();
    private final List<String> personNames = new ArrayList<>();
    private final Map<String, Integer> personSlots = new HashMap<>();
    /** Cross-person score statistics, measured on first use after a change (null = stale). */
    private volatile ImpostorScores impostors;

    /**
     * How this JVM scores templates, for benchmarks and logs: the Vector API where HotSpot's C2
     * compiles it into SIMD instructions, plain loops where it cannot (a JVM without C2).
     */
    public static String searchKernel() {
        return VectorMath.SIMD ? "Vector API (SIMD)" : "plain loops (this JVM has no C2 to compile the Vector API)";
    }

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
        this.codes = new Int4Codes(dimension, VectorMath.int4MinimumPadded());
        this.vectors = new float[16 * dimension];
        this.coarse = new byte[16 * codes.rowBytes()];
        this.coarseScale = new float[16];
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
            coarseScale[rows] = codes.encodeRow(template.vector(), coarse, rows * codes.rowBytes());
            rowPerson[rows++] = slot;
            impostors = null;
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
                        System.arraycopy(coarse, r * codes.rowBytes(), coarse, kept * codes.rowBytes(), codes.rowBytes());
                        coarseScale[kept] = coarseScale[r];
                        rowPerson[kept] = rowPerson[r];
                    }
                    kept++;
                }
            }
            int removed = rows - kept;
            // Overwrite the freed tail so removed biometric vectors do not linger in memory.
            Arrays.fill(vectors, kept * dimension, rows * dimension, 0f);
            Arrays.fill(coarse, kept * codes.rowBytes(), rows * codes.rowBytes(), (byte) 0);
            rows = kept;
            impostors = null;
            personSlots.remove(personKey);
            personNames.set(slot, null);
            return removed;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Replaces every template of {@code personKey} by {@code templates} in one step (none: the person
     * is removed), so a concurrent search sees either the old or the new templates, never a mix.
     * This is how a running station follows enrolments, deletions and deactivations.
     */
    public void replace(String personKey, String displayName, List<Embedding> templates) {
        templates.forEach(this::checkCompatible);
        lock.writeLock().lock();
        try {
            remove(personKey);
            for (Embedding t : templates) {
                add(personKey, displayName, t);
            }
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
     * How templates of different people score against each other here, pooled with
     * {@link ImpostorScores#PRIOR} (see {@link OpenSetDecision}). Every pair when there are at most
     * {@value #IMPOSTOR_PAIRS} of them, else that many pairs drawn with a fixed seed, so the figure is
     * repeatable and costs a few milliseconds even at 1M templates; cached until the gallery changes.
     *
     * @since 1.1
     */
    public ImpostorScores impostorScores() {
        ImpostorScores cached = impostors;
        if (cached != null) {
            return cached;
        }
        lock.readLock().lock();
        try {
            ImpostorScores measured = measureImpostors();
            impostors = measured;
            return measured;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Pairs measured by {@link #impostorScores()} at most. */
    static final int IMPOSTOR_PAIRS = 20_000;

    private ImpostorScores measureImpostors() {
        double sum = 0;
        double sumSq = 0;
        long n = 0;
        long allPairs = (long) rows * (rows - 1) / 2;
        if (allPairs <= IMPOSTOR_PAIRS) {
            for (int i = 0; i < rows; i++) {
                for (int j = i + 1; j < rows; j++) {
                    if (rowPerson[i] != rowPerson[j]) {
                        double s = VectorMath.dot(vectors, i * dimension, vectors, j * dimension, dimension);
                        sum += s;
                        sumSq += s * s;
                        n++;
                    }
                }
            }
        } else {
            SplittableRandom random = new SplittableRandom(0x5EED);
            for (int k = 0; k < IMPOSTOR_PAIRS; k++) {
                int i = random.nextInt(rows);
                int j = random.nextInt(rows);
                if (rowPerson[i] != rowPerson[j]) {
                    double s = VectorMath.dot(vectors, i * dimension, vectors, j * dimension, dimension);
                    sum += s;
                    sumSq += s * s;
                    n++;
                }
            }
        }
        if (n < 2) {
            return ImpostorScores.PRIOR;
        }
        double mean = sum / n;
        double sd = Math.sqrt(Math.max(0, (sumSq - n * mean * mean) / (n - 1)));
        return sd > 0 ? ImpostorScores.pooledWithPrior(mean, sd, n) : ImpostorScores.PRIOR;
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
            if (rows >= COARSE_THRESHOLD) {
                return topPersons(bestRowsScoredExactly(probe.vector()), k);
            }
            return searchExactly(probe.vector(), k);
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * The {@code k} best persons by an exact float scan of every row: the yardstick the two-step
     * search of large galleries is measured against (tests, benchmark).
     */
    List<PersonMatch> searchExact(Embedding probe, int k) {
        checkCompatible(probe);
        lock.readLock().lock();
        try {
            return rows == 0 ? List.of() : searchExactly(probe.vector(), k);
        } finally {
            lock.readLock().unlock();
        }
    }

    private List<PersonMatch> searchExactly(float[] query, int k) {
        float[] scores = new float[rows];
        forChunks((from, to) -> VectorMath.dotRows(vectors, query, dimension, from, to, scores));
        int[] all = new int[rows];
        Arrays.setAll(all, r -> r);
        return topPersons(new ScoredRows(all, scores), k);
    }

    /** Rows and their exact scores. */
    private record ScoredRows(int[] rows, float[] scores) {
    }

    /** Ranks every row with the 4-bit copy, then scores the best {@link #RESCORED_ROWS} exactly. */
    private ScoredRows bestRowsScoredExactly(float[] query) {
        short[] q = new short[codes.paddedDimension()];
        codes.queryCodes(query, q);
        int chunks = parallelism == 1 || (long) rows * dimension < PARALLEL_THRESHOLD ? 1 : parallelism;
        TopRows[] top = new TopRows[chunks];
        forChunks((from, to) -> {
            // each thread ranks its own rows a block at a time: the block's dots stay in L1, the
            // selection runs in parallel too, and no array as long as the gallery is allocated per probe
            TopRows mine = new TopRows(RESCORED_ROWS);
            int[] dots = new int[Math.min(SELECT_BLOCK, to - from)];
            for (int b = from; b < to; b += SELECT_BLOCK) {
                int end = Math.min(to, b + SELECT_BLOCK);
                VectorMath.dotRowsInt4Into(coarse, q, codes.paddedDimension(), b, end, dots);
                mine.offer(dots, coarseScale, b, end - b);
            }
            top[chunks == 1 ? 0 : chunkOf(from, chunks)] = mine;
        });
        int[] best = TopRows.merge(top);
        float[] exact = new float[best.length];
        for (int i = 0; i < best.length; i++) {
            exact[i] = VectorMath.dot(vectors, best[i] * dimension, query, 0, dimension);
        }
        return new ScoredRows(best, exact);
    }

    /** Index of the chunk starting at {@code from} when {@link #forChunks} splits the rows into {@code chunks}. */
    private int chunkOf(int from, int chunks) {
        return from / ((rows + chunks - 1) / chunks);
    }

    private void forChunks(RowRange work) {
        if (parallelism == 1 || (long) rows * dimension < PARALLEL_THRESHOLD) {
            work.run(0, rows);
            return;
        }
        int per = (rows + parallelism - 1) / parallelism;
        IntStream.range(0, parallelism).parallel().forEach(c -> {
            int from = c * per;
            int to = Math.min(rows, from + per);
            if (from < to) {
                work.run(from, to);
            }
        });
    }

    @FunctionalInterface
    private interface RowRange {
        void run(int from, int to);
    }

    private List<PersonMatch> topPersons(ScoredRows scored, int k) {
        float[] best = new float[personKeys.size()];
        Arrays.fill(best, Float.NEGATIVE_INFINITY);
        for (int i = 0; i < scored.rows().length; i++) {
            int p = rowPerson[scored.rows()[i]];
            if (scored.scores()[i] > best[p]) {
                best[p] = scored.scores()[i];
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
            coarse = Arrays.copyOf(coarse, capacity * codes.rowBytes());
            coarseScale = Arrays.copyOf(coarseScale, capacity);
            rowPerson = Arrays.copyOf(rowPerson, capacity);
        }
    }

    private void checkCompatible(Embedding e) {
        if (!modelId.equals(e.modelId()) || e.dimension() != dimension) {
            throw new IncompatibleEmbeddingException(modelId, e.modelId());
        }
    }
}
