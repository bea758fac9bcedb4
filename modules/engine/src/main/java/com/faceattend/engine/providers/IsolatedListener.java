package com.faceattend.engine.providers;

import com.faceattend.spi.AttendanceEvent;
import com.faceattend.spi.AttendanceListener;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A plugin's listener behind a thread and a bounded queue of its own: a plugin that throws, hangs
 * or crawls never holds up or stops the station, and every failure names the plugin. Events a
 * hung plugin cannot take are dropped once its queue is full (the plugin is named, once per
 * {@value #QUEUE} drops) rather than piling up without bound.
 */
final class IsolatedListener implements AttendanceListener, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(IsolatedListener.class.getName());
    /** Events held for a slow plugin: about an hour of a busy entrance at one event every few seconds. */
    static final int QUEUE = 1000;

    private final String pluginId;
    private final AttendanceListener plugin;
    private final Consumer<String> status;
    private final ThreadPoolExecutor worker;
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();

    IsolatedListener(String pluginId, AttendanceListener plugin, Consumer<String> status) {
        this.pluginId = pluginId;
        this.plugin = plugin;
        this.status = status;
        this.worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(QUEUE), r -> {
            Thread t = new Thread(r, "listener-" + pluginId);
            t.setDaemon(true);
            return t;
        }, (task, pool) -> {
            if (dropped.getAndIncrement() % QUEUE == 0) {
                status.accept("plugin " + pluginId + " is not taking events (hung?); dropping them: " + dropped.get() + " so far");
            }
        });
    }

    @Override
    public void onEvent(AttendanceEvent event) {
        worker.execute(() -> {
            try {
                plugin.onEvent(event);
            } catch (RuntimeException | LinkageError e) {
                long n = failures.incrementAndGet();
                LOG.log(Level.WARNING, "plugin " + pluginId + " failed on " + event.getClass().getSimpleName(), e);
                if (n == 1 || n % 100 == 0) {
                    status.accept("plugin " + pluginId + " failed on an event (" + n + " so far): " + e);
                }
            }
        });
    }

    long failures() {
        return failures.get();
    }

    long dropped() {
        return dropped.get();
    }

    /** Lets queued events through for up to {@code graceMillis}, then closes the plugin's listener. */
    void close(long graceMillis) {
        worker.shutdown();
        try {
            if (!worker.awaitTermination(graceMillis, TimeUnit.MILLISECONDS)) {
                worker.shutdownNow();
                status.accept("plugin " + pluginId + " did not finish its events within " + graceMillis + " ms; left behind");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (plugin instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.log(Level.WARNING, "plugin " + pluginId + " failed to close", e);
                status.accept("plugin " + pluginId + " failed to close: " + e);
            }
        }
    }

    @Override
    public void close() {
        close(5_000);
    }

    @Override
    public String toString() {
        return "plugin " + pluginId;
    }
}
