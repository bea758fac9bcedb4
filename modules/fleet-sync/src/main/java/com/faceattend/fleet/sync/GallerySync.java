package com.faceattend.fleet.sync;

import com.faceattend.engine.gallery.GalleryIndex;
import com.faceattend.spi.Embedding;
import com.faceattend.spi.Problem;
import com.faceattend.store.DerbyAttendanceStore;
import com.faceattend.store.GalleryChange;
import com.faceattend.store.GalleryChanges;
import com.faceattend.store.StoreException;
import com.faceattend.store.StoredTemplate;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps a running station's gallery equal to the central store's: at start it loads the central
 * gallery into the station's {@link LocalGalleryCopy} and the {@link GalleryIndex} it matches
 * against (or, with the central store unreachable, starts from the local copy and says so; a copy
 * that was never filled, a new station's, is no gallery: then it does not start); then
 * it follows the store's change sequence ({@link GalleryChanges}), polling every
 * {@link #DEFAULT_POLL}, and for each changed person replaces their templates in the index first
 * (recognition follows at once) and then in the local copy (a deletion wipes the bytes there).
 *
 * <pre>
 * try (LocalGalleryCopy copy = LocalGalleryCopy.open(dataDir);
 *      GallerySync sync = GallerySync.start(suite::store, copy, index, status::println, GallerySync.DEFAULT_POLL)) {
 *     ... the station matches against index ...
 * }
 * </pre>
 */
public final class GallerySync implements AutoCloseable {
    /** How often the change sequence is read: one indexed query, so changes arrive within about a second. */
    public static final Duration DEFAULT_POLL = Duration.ofMillis(500);
    private static final Logger LOG = Logger.getLogger(GallerySync.class.getName());
    private static final int BATCH = 500;
    /**
     * Changes after which the person has no active template, whatever they had: applied without
     * reading the central store. Faster, and it keeps stations off FACE_TEMPLATE while the deleting
     * desk wipes it (a Derby table compression and a concurrent read of that table can deadlock,
     * and Derby only notices after 20 s).
     */
    private static final java.util.Set<GalleryChange.Kind> LEAVES_NONE = java.util.EnumSet.of(GalleryChange.Kind.EMPLOYEE_DELETED,
            GalleryChange.Kind.DEACTIVATED, GalleryChange.Kind.CONSENT_WITHDRAWN);

    private final Supplier<DerbyAttendanceStore> central;
    private final LocalGalleryCopy copy;
    private final GalleryIndex index;
    private final Consumer<String> status;
    private final SyncDelays delays = new SyncDelays();
    private final ScheduledExecutorService poller;
    /**
     * Writes the local copy, in change order, apart from the poller: a deletion's scrub (table
     * compression, log switch) takes a second or more on a small machine, and must not hold up
     * the next change reaching the index.
     */
    private final java.util.concurrent.ExecutorService copyWriter;
    /** Set when a copy write failed: the next poll reloads everything, which rewrites the copy. */
    private volatile boolean copyStale;
    /** The last change applied; -1 until the gallery was loaded from the central store. */
    private volatile long applied = -1;
    private volatile boolean reachable;

    private GallerySync(Supplier<DerbyAttendanceStore> central, LocalGalleryCopy copy, GalleryIndex index, Consumer<String> status) {
        this.central = central;
        this.copy = copy;
        this.index = index;
        this.status = status;
        this.poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "faceattend-gallery-sync");
            t.setDaemon(true);
            return t;
        });
        this.copyWriter = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "faceattend-gallery-copy");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Fills {@code index} (empty, of the station's model) from the central store, or from
     * {@code copy} when the central store cannot be reached, and starts following changes.
     *
     * @param central the central store; may throw while it is unreachable
     * @param status  told, in words, about starting offline, losing or regaining the store, and each change applied
     * @throws StoreException STORE_UNAVAILABLE when the central store is unreachable and {@code copy} was never filled
     */
    public static GallerySync start(Supplier<DerbyAttendanceStore> central, LocalGalleryCopy copy, GalleryIndex index,
                                    Consumer<String> status, Duration poll) {
        Objects.requireNonNull(central, "central");
        Objects.requireNonNull(copy, "copy");
        Objects.requireNonNull(index, "index");
        Objects.requireNonNull(status, "status");
        if (poll.isNegative() || poll.isZero()) {
            throw new IllegalArgumentException("the poll interval must be positive, was " + poll);
        }
        GallerySync sync = new GallerySync(central, copy, index, status);
        try {
            sync.loadFromCentral();
        } catch (RuntimeException e) {
            if (!copy.usableOffline(index.modelId())) {
                sync.close();
                throw noCopyYet(e);
            }
            List<StoredTemplate> local = copy.templates(index.modelId());
            fill(index, local);
            status.accept("central store unreachable (" + Problem.of(e).sentence() + "): recognising from the local copy of the gallery, "
                    + LocalGalleryCopy.byPerson(local).size() + " people; changes made meanwhile arrive once it is back");
            LOG.log(Level.FINE, "central store unreachable at start", e);
        }
        sync.poller.scheduleWithFixedDelay(sync::poll, poll.toMillis(), poll.toMillis(), TimeUnit.MILLISECONDS);
        return sync;
    }

    /**
     * A new station (its copy never filled) that cannot reach the central store has nobody to
     * recognise: it does not start, with this problem. Any other failure (a refused sign-in...) is
     * returned as it is.
     */
    public static RuntimeException noCopyYet(RuntimeException failure) {
        Problem p = Problem.of(failure);
        if (p.kind() != Problem.Kind.STORE_UNAVAILABLE) {
            return failure;
        }
        return new StoreException(Problem.Kind.STORE_UNAVAILABLE, "the central store is unreachable (" + p.problem()
                + ") and this station has no copy of the gallery yet",
                "Start the station once while the central store is reachable: from then on it keeps its own copy of the gallery "
                        + "and starts without the server too.", failure);
    }

    /** The last change of the central sequence applied here (0: none yet; -1: not yet loaded from the central store). */
    public long appliedChange() {
        return applied;
    }

    /** How long changes took from being made to being applied here. */
    public SyncDelays delays() {
        return delays;
    }

    /** Loads the whole gallery from the central store: the sequence position first, so nothing after it is missed. */
    private void loadFromCentral() {
        DerbyAttendanceStore store = central.get();
        long seq = new GalleryChanges(store).latest();
        List<StoredTemplate> templates = store.loadTemplates(index.modelId());
        Map<String, List<StoredTemplate>> byPerson = LocalGalleryCopy.byPerson(templates);
        // index first: recognition is right from here on; then the copy (erasing whoever left while we were away)
        for (String code : LocalGalleryCopy.byPerson(copy.templates(index.modelId())).keySet()) {
            if (!byPerson.containsKey(code)) {
                index.remove(code);
            }
        }
        byPerson.forEach((code, list) -> index.replace(code, list.get(0).employeeName(), embeddings(list)));
        copyStale = false;
        writeCopy("the whole gallery up to change #" + seq, () -> {
            int erased = copy.replaceAll(index.modelId(), templates);
            copy.markLoadedFromCentral();
            if (erased > 0) {
                LOG.info(() -> erased + " people erased from the station's local copy of the gallery");
            }
        });
        applied = seq;
        reachable = true;
        LOG.info(() -> "gallery loaded from the central store: " + byPerson.size() + " people, up to change #" + seq);
    }

    private void writeCopy(String what, Runnable write) {
        copyWriter.execute(() -> {
            try {
                write.run();
            } catch (RuntimeException e) {
                // the index is right; the copy is made right by the next full load
                copyStale = true;
                LOG.log(Level.WARNING, "the station's local copy of the gallery could not take " + what
                        + "; it is rewritten from the central store at the next poll", e);
            }
        });
    }

    private void poll() {
        try {
            if (applied < 0 || copyStale) {
                boolean wasOffline = applied < 0;
                loadFromCentral();
                if (wasOffline) {
                    status.accept("central store reachable again: gallery loaded, up to change #" + applied);
                }
                return;
            }
            DerbyAttendanceStore store = central.get();
            List<GalleryChange> changes = new GalleryChanges(store).since(applied, BATCH);
            if (!reachable) {
                reachable = true;
                status.accept("central store reachable again: following gallery changes from #" + applied);
            }
            if (!changes.isEmpty()) {
                apply(store, changes);
            }
        } catch (RuntimeException e) {
            if (reachable) {
                reachable = false;
                status.accept("central store unreachable (" + Problem.of(e).sentence()
                        + "): recognising from the local copy of the gallery until it is back");
            }
            LOG.log(Level.FINE, "gallery poll failed", e);
        }
    }

    private void apply(DerbyAttendanceStore store, List<GalleryChange> changes) {
        Map<String, GalleryChange> lastPerPerson = new LinkedHashMap<>();
        for (GalleryChange c : changes) {
            lastPerPerson.remove(c.employeeCode());
            lastPerPerson.put(c.employeeCode(), c); // one reload per person, in order of their last change
        }
        for (GalleryChange c : lastPerPerson.values()) {
            List<StoredTemplate> now = LEAVES_NONE.contains(c.kind()) ? List.of() : store.loadTemplates(index.modelId(), c.employeeCode());
            index.replace(c.employeeCode(), now.isEmpty() ? c.employeeCode() : now.get(0).employeeName(), embeddings(now));
            long millis = Math.max(0, Duration.between(c.changedAt(), Instant.now()).toMillis());
            delays.add(millis);
            status.accept(String.format(java.util.Locale.ROOT, "gallery change #%d (%s %s) applied %d ms after it was made",
                    c.seq(), c.kind(), c.employeeCode(), millis));
            writeCopy("change #" + c.seq(), () -> copy.replacePerson(index.modelId(), c.employeeCode(), now));
        }
        applied = changes.get(changes.size() - 1).seq();
    }

    private static void fill(GalleryIndex index, List<StoredTemplate> templates) {
        LocalGalleryCopy.byPerson(templates).forEach((code, list) -> index.replace(code, list.get(0).employeeName(), embeddings(list)));
    }

    private static List<Embedding> embeddings(List<StoredTemplate> templates) {
        return templates.stream().map(StoredTemplate::embedding).toList();
    }

    /** Waits until the local copy holds every change applied so far (tests, and a clean stop). */
    public boolean awaitCopy(Duration timeout) throws InterruptedException {
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        try {
            copyWriter.execute(done::countDown);
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            return false;
        }
        return done.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        poller.shutdownNow();
        copyWriter.shutdown(); // writes already queued finish: a deletion's wipe is not cut short
        try {
            poller.awaitTermination(10, TimeUnit.SECONDS);
            copyWriter.awaitTermination(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
