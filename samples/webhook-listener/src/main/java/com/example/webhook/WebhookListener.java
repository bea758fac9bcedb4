package com.example.webhook;

import com.faceattend.spi.AttendanceEvent;
import com.faceattend.spi.AttendanceListener;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Queues each event on disk at once (the station's thread only writes one small file) and posts
 * the queue, oldest first, from a thread of its own: an event is removed only after the endpoint
 * answered 2xx; otherwise it is tried again, waiting twice as long each time up to the configured
 * maximum. Each post carries an {@code Idempotency-Key} header (also in the JSON) that is the same
 * for every retry of one event, so the receiver keeps each event exactly once.
 */
final class WebhookListener implements AttendanceListener, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(WebhookListener.class.getName());
    private static final Duration FIRST_RETRY = Duration.ofMillis(250);

    private final URI endpoint;
    private final Journal journal;
    private final Duration timeout;
    private final Duration maxRetry;
    /** Made on the sender thread: building an HTTP client loads the TLS setup, seconds on a cold, busy machine. */
    private volatile HttpClient http;
    private final Semaphore work = new Semaphore(0);
    private final Thread sender;
    private volatile boolean closing;

    WebhookListener(URI endpoint, Journal journal, Duration timeout, Duration maxRetry) {
        this.endpoint = endpoint;
        this.journal = journal;
        this.timeout = timeout;
        this.maxRetry = maxRetry;
        this.sender = new Thread(this::sendLoop, "webhook-sender");
        sender.setDaemon(true);
        sender.start();
        work.release(); // deliver what an earlier run left queued
    }

    @Override
    public void onEvent(AttendanceEvent event) {
        journal.append(EventJson.key(event), EventJson.of(event));
        work.release();
    }

    private void sendLoop() {
        http = HttpClient.newBuilder().connectTimeout(timeout).build();
        Duration wait = FIRST_RETRY;
        while (true) {
            try {
                List<Journal.Entry> batch = journal.pending();
                if (batch.isEmpty()) {
                    if (closing) {
                        return;
                    }
                    work.acquire(); // onEvent queues on disk first, then wakes this thread: no event is missed
                    work.drainPermits();
                    continue;
                }
                for (Journal.Entry entry : batch) {
                    boolean sent;
                    while (!(sent = post(entry)) && !closing) {
                        // the endpoint is away: wait (new events only add to the queue) and try again
                        work.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
                        wait = wait.multipliedBy(2).compareTo(maxRetry) > 0 ? maxRetry : wait.multipliedBy(2);
                    }
                    if (!sent) {
                        return; // closing, and the endpoint is away: the rest stays queued for the next start
                    }
                    journal.delivered(entry);
                    wait = FIRST_RETRY;
                }
                // and read the queue again: events that came while this batch was posted are on disk
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (closing) {
                    return; // its folder may be gone already
                }
                LOG.log(Level.WARNING, "webhook: the queue could not be read; trying again", e);
                try {
                    Thread.sleep(wait.toMillis()); // never a busy loop on a broken disk
                } catch (InterruptedException stop) {
                    return;
                }
            }
        }
    }

    /** @return true when the endpoint took the event */
    private boolean post(Journal.Entry entry) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", entry.key())
                .POST(HttpRequest.BodyPublishers.ofString(entry.json())).build();
        try {
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status / 100 == 2) {
                return true;
            }
            LOG.log(Level.INFO, "webhook: {0} answered {1}; will retry", new Object[] {endpoint, status});
        } catch (IOException e) {
            LOG.log(Level.FINE, "webhook: cannot reach " + endpoint + "; will retry", e);
        }
        return false;
    }

    /**
     * Posts what is still queued once more (the station's last events), up to the timeout, then
     * stops; events not delivered stay queued on disk for the next start.
     */
    @Override
    public void close() throws InterruptedException {
        closing = true;
        work.release();
        sender.join(timeout.toMillis() + 1000);
        if (sender.isAlive()) {
            sender.interrupt();
            sender.join(1000);
        }
        HttpClient client = http;
        if (client != null) {
            client.close();
        }
    }
}
