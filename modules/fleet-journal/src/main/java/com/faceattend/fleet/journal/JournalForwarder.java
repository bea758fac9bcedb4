package com.faceattend.fleet.journal;

import com.faceattend.spi.Problem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The thread that empties a station's journal into the central store, in journal order. Each entry
 * is delivered in its own central transaction (idempotent, see {@link Delivery}), except runs of
 * entries the delivery can take together (a station's passes: one commit for up to 64, which is
 * what makes a backlog drain fast over the network); the journal marks
 * arrived entries in batches: a crash before the mark only means a harmless replay. While the
 * central store is unreachable it waits {@link #FIRST_BACKOFF} doubling to {@link #MAX_BACKOFF}
 * between attempts and reports "offline, N events waiting" to the status consumer (the station's
 * status line and log); when the store is back it drains the backlog and says so.
 *
 * <p>An event the central store refuses for good (NOT_FOUND, BAD_VALUE, BAD_INPUT: an employee
 * deleted while the event waited) is set aside as rejected with its reason and logged, so it
 * cannot hold up the events behind it.
 */
public final class JournalForwarder implements Backlog, AutoCloseable {
    /** First wait after a failed delivery: a restarted server is usually back within a second. */
    static final Duration FIRST_BACKOFF = Duration.ofMillis(250);
    /**
     * Longest wait between attempts: a station notices a returned server within 4 s, and an
     * unreachable server costs one refused connection per 4 s.
     */
    static final Duration MAX_BACKOFF = Duration.ofSeconds(4);
    /** Entries read from the journal at a time (and marked delivered in one journal commit). */
    private static final int BATCH = 64;
    /** While offline, the status is repeated at most this often unless the count changed. */
    private static final long OFFLINE_REPORT_NANOS = Duration.ofSeconds(10).toNanos();
    private static final Logger LOG = Logger.getLogger(JournalForwarder.class.getName());

    private final EventJournal journal;
    private final Delivery delivery;
    private final Consumer<String> status;
    private final Object signal = new Object();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong replayed = new AtomicLong();
    private final Thread thread;
    private boolean nudged;
    /** Back online after an outage, until the backlog is empty. */
    private boolean draining;
    private volatile boolean online = true;
    private volatile boolean stopping;
    private long lastOfflineReport;
    private long lastOfflineCount = -1;

    /**
     * @param status told of every change between online and offline (on the forwarder thread; one
     *               that fails is logged and ignored)
     */
    public JournalForwarder(EventJournal journal, Delivery delivery, Consumer<String> status) {
        this.journal = Objects.requireNonNull(journal, "journal");
        this.delivery = Objects.requireNonNull(delivery, "delivery");
        this.status = Objects.requireNonNull(status, "status");
        this.thread = new Thread(this::run, "faceattend-journal-forwarder");
        this.thread.setDaemon(true);
    }

    /** Starts delivering; waiting entries from an earlier run go first. */
    public JournalForwarder start() {
        thread.start();
        return this;
    }

    /** Says that a new entry was journalled: delivery starts at once rather than at the next poll. */
    public void nudge() {
        synchronized (signal) {
            nudged = true;
            signal.notifyAll();
        }
    }

    @Override
    public long waitingEvents() {
        return journal.waitingCount();
    }

    @Override
    public boolean online() {
        return online;
    }

    /** Events stored centrally by this forwarder since it started. */
    public long deliveredCount() {
        return delivered.get();
    }

    /** Deliveries the central store already had (replays after a crash before the journal's mark). */
    public long replayedCount() {
        return replayed.get();
    }

    /**
     * Waits up to {@code timeout} for the journal to empty (a station stopping gives the forwarder a
     * moment to deliver what is left; what still waits is delivered at the next start).
     *
     * @return true when nothing waits
     */
    public boolean awaitDrained(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (journal.waitingCount() > 0) {
            if (System.nanoTime() >= deadline || !thread.isAlive()) {
                return journal.waitingCount() == 0;
            }
            nudge();
            Thread.sleep(20);
        }
        return true;
    }

    /** Stops the thread after the delivery in progress; waiting entries stay in the journal. */
    @Override
    public void close() {
        stopping = true;
        nudge();
        try {
            thread.join(Duration.ofSeconds(30).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        long backoffMillis = FIRST_BACKOFF.toMillis();
        while (!stopping) {
            try {
                if (deliverBatch()) {
                    backoffMillis = FIRST_BACKOFF.toMillis();
                    continue;
                }
                idle(1000, true);
            } catch (RuntimeException failure) {
                wentOffline(failure);
                idle(backoffMillis, false); // new events must not hurry a retry against a store that is down
                backoffMillis = Math.min(backoffMillis * 2, MAX_BACKOFF.toMillis());
            }
        }
    }

    /**
     * Delivers up to one batch; returns false when nothing waited.
     *
     * @throws RuntimeException when the central store failed (the entries before the failure are
     *                          marked delivered first)
     */
    private boolean deliverBatch() {
        List<JournalEntry> batch = journal.waiting(BATCH);
        if (batch.isEmpty()) {
            return false; // says nothing about the central store: online stays as the last delivery left it
        }
        List<JournalEntry> done = new ArrayList<>(batch.size());
        try {
            int i = 0;
            while (i < batch.size() && !stopping) {
                int end = i;
                while (end < batch.size() && delivery.batchable(batch.get(end))) {
                    end++;
                }
                if (end - i >= 2 && deliveredTogether(batch.subList(i, end), done)) {
                    i = end;
                    continue;
                }
                for (int k = i; k < Math.max(end, i + 1) && !stopping; k++) {
                    deliverOne(batch.get(k), done);
                }
                i = Math.max(end, i + 1);
            }
        } finally {
            journal.markDelivered(done);
        }
        if (draining && journal.waitingCount() == 0) {
            draining = false;
            report("online, all waiting events delivered");
        }
        return true;
    }

    /**
     * One central transaction for a run of entries; false when the store refused one of them for
     * good (then they go one by one, so only that one is set aside).
     */
    private boolean deliveredTogether(List<JournalEntry> run, List<JournalEntry> done) {
        try {
            int stored = delivery.deliverTogether(run);
            delivered.addAndGet(stored);
            replayed.addAndGet(run.size() - stored);
            done.addAll(run);
            backOnline();
            return true;
        } catch (RuntimeException refused) {
            if (!EventJournal.isFinal(refused)) {
                throw refused;
            }
            return false;
        }
    }

    private void deliverOne(JournalEntry entry, List<JournalEntry> done) {
        try {
            if (delivery.deliver(entry)) {
                delivered.incrementAndGet();
            } else {
                replayed.incrementAndGet();
            }
            done.add(entry);
            backOnline();
        } catch (RuntimeException refused) {
            if (!EventJournal.isFinal(refused)) {
                throw refused;
            }
            journal.markDelivered(done); // keep the journal's order of marks
            done.clear();
            String reason = Problem.of(refused).sentence();
            journal.markRejected(entry, reason);
            LOG.warning(() -> "the central store refused event " + entry.eventId() + " (" + EventCodec.kind(entry.event())
                    + " at " + entry.event().time() + ") for good; kept in " + journal + " as rejected: " + reason);
        }
    }

    private void backOnline() {
        if (!online) {
            online = true;
            draining = true;
            lastOfflineCount = -1;
            long n = journal.waitingCount();
            report("online again, delivering " + n + " waiting event" + (n == 1 ? "" : "s"));
        }
    }

    private void wentOffline(RuntimeException failure) {
        long n = journal.waitingCount();
        long now = System.nanoTime();
        boolean first = online;
        online = false;
        if (first || n != lastOfflineCount && now - lastOfflineReport >= OFFLINE_REPORT_NANOS / 10
                || now - lastOfflineReport >= OFFLINE_REPORT_NANOS) {
            lastOfflineReport = now;
            lastOfflineCount = n;
            report("offline, " + n + " event" + (n == 1 ? "" : "s") + " waiting (" + Problem.of(failure).problem() + ")");
        }
        if (first) {
            LOG.log(Level.FINE, "central store unreachable", failure);
        }
    }

    private void report(String text) {
        LOG.info(() -> "station journal: " + text);
        try {
            status.accept(text);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "a status listener failed", e);
        }
    }

    private void idle(long millis, boolean wakeOnNudge) {
        long deadline = System.nanoTime() + millis * 1_000_000L;
        synchronized (signal) {
            try {
                long left;
                while (!stopping && !(wakeOnNudge && nudged) && (left = deadline - System.nanoTime()) > 0) {
                    signal.wait(Math.max(1, left / 1_000_000L));
                }
            } catch (InterruptedException e) {
                stopping = true;
                Thread.currentThread().interrupt();
            }
            nudged = false;
        }
    }
}
