package com.faceattend.suite;

import com.faceattend.spi.Problem;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The start-up work a journalled station does in its central store (register the station, purge
 * what expired): at once when the store answers; when it is unreachable (a station starting while
 * the server is down, issue 13) the station says "offline, N events waiting" and runs on from its
 * journal and its local copy of the gallery, and the work is retried on a background thread until
 * the store is back. Any other failure at start (a refused sign-in) stops the station as before.
 */
final class CentralStartup implements AutoCloseable {
    /** How often an unreachable central store is asked again: about as often as the journal's forwarder at its slowest. */
    static final Duration RETRY = Duration.ofSeconds(4);
    private static final Logger LOG = Logger.getLogger(CentralStartup.class.getName());

    private final ScheduledExecutorService retries;
    private volatile boolean done;

    private CentralStartup(ScheduledExecutorService retries, boolean done) {
        this.retries = retries;
        this.done = done;
    }

    /**
     * Runs {@code work} now, or, when the central store is unreachable, every {@code retry} until it succeeds.
     *
     * @param status  the station's status line: "offline, N events waiting" now, and a line when the work is done later
     * @param waiting the events waiting in the station's journal
     * @throws RuntimeException what {@code work} threw now, unless it says the central store is unreachable
     */
    static CentralStartup start(Runnable work, Duration retry, Consumer<String> status, LongSupplier waiting) {
        Objects.requireNonNull(work, "work");
        Objects.requireNonNull(status, "status");
        try {
            work.run();
            return new CentralStartup(null, true);
        } catch (RuntimeException e) {
            Problem p = Problem.of(e);
            if (p.kind() != Problem.Kind.STORE_UNAVAILABLE) {
                throw e;
            }
            long n = waiting.getAsLong();
            status.accept("offline, " + n + " event" + (n == 1 ? "" : "s") + " waiting (" + p.problem()
                    + "); the station registers with the central store when it is back");
            LOG.log(Level.FINE, "central store unreachable at start", e);
        }
        ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "faceattend-central-startup");
            t.setDaemon(true);
            return t;
        });
        CentralStartup startup = new CentralStartup(retries, false);
        retries.scheduleWithFixedDelay(() -> startup.retry(work, status), retry.toMillis(), retry.toMillis(), TimeUnit.MILLISECONDS);
        return startup;
    }

    private void retry(Runnable work, Consumer<String> status) {
        if (done) {
            return;
        }
        try {
            work.run();
            done = true;
            retries.shutdown();
            LOG.info("central store reachable: the station's start-up work there is done");
            status.accept("central store reachable: station registered, expired entries purged");
        } catch (RuntimeException e) {
            // unreachable still (or refusing: the forwarder and the heartbeat say so too); the next retry tries again
            LOG.log(Problem.of(e).kind() == Problem.Kind.STORE_UNAVAILABLE ? Level.FINE : Level.WARNING,
                    "the station's start-up work in the central store failed; tried again in a moment", e);
        }
    }

    /** Whether the start-up work in the central store is done. */
    boolean done() {
        return done;
    }

    /** Stops retrying (a station stopping before the store came back does the work at its next start). */
    @Override
    public void close() {
        if (retries != null) {
            retries.shutdownNow();
            try {
                retries.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
