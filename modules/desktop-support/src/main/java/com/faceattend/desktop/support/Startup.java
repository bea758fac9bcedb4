package com.faceattend.desktop.support;

import com.faceattend.store.DerbyAttendanceStore;
import java.lang.management.ManagementFactory;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Handler;
import java.util.logging.Logger;
import org.openide.modules.OnStart;
import org.openide.windows.OnShowing;

/**
 * Start-up, measured from the JVM's start: "main window usable" when the window system shows, then
 * "ready" when the first working window (Today, the window the suite opens on) has painted with
 * today's numbers. The database opens while the window system starts; the other windows' loading
 * and the models' warm-up wait until ready, so they never compete with the first window for the
 * two cores ({@code application/startup/measure-startup} reports the median of several starts).
 */
public final class Startup {
    private static final Logger LOG = Logger.getLogger(Startup.class.getName());
    /**
     * Start-up ends at the latest this long after the main window showed, when no working window
     * reports ready (the signed-in role sees no Today window).
     */
    private static final int START_UP_AT_MOST_MS = 30_000;
    private static final AtomicBoolean READY = new AtomicBoolean();
    private static final AtomicBoolean DONE = new AtomicBoolean();
    /** The database opened during start-up, or null when it did not open then (sign-in needed, locked). */
    private static final CompletableFuture<DerbyAttendanceStore> OPENED_EARLY = new CompletableFuture<>();

    private Startup() {
    }

    /** Milliseconds since this JVM started. */
    static long sinceJvmStart() {
        return System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    }

    /**
     * Called on the Swing thread by the first working window once it has painted with its content
     * (or has read it while behind another window); the first call logs "FaceAttend ready after
     * N ms" and lets the held work and the models' warm-up go.
     *
     * @param window what happened, for the log ("Today window painted with the numbers")
     */
    public static void ready(String window) {
        if (READY.compareAndSet(false, true)) {
            long ms = sinceJvmStart();
            LOG.info(() -> "FaceAttend ready after " + ms + " ms (" + window + ")");
            writeLogNow();
            startUpDone();
        }
    }

    /**
     * The other windows' loading (held by {@link Background#run}) goes ahead, then the configured
     * models and the decoder's native code load once (the first station start or enrolment is then
     * quick). After the first window, never before: on two cores they would delay it by seconds.
     */
    private static void startUpDone() {
        if (DONE.compareAndSet(false, true)) {
            Background.startUpDone();
            Background.workers().post(() -> Suite.services().warmUp());
        }
    }

    /**
     * The database as opened during start-up, on the worker that opened it; null when it did not open
     * then (the sign-in reports why). For the first window's first read, which can then be done while
     * the window system is still starting instead of after the window shows.
     */
    public static CompletionStage<DerbyAttendanceStore> databaseOpenedEarly() {
        return OPENED_EARLY;
    }

    /**
     * Opens the database while the window system is still starting (Derby's boot and its checks take
     * seconds), so that the Today window finds it open. Problems are left to the sign-in once the
     * window shows, which reports them (a database that wants an account, or one that another
     * program holds); a database that wants an account stays closed until someone signs in.
     */
    @OnStart
    public static final class OpenDatabaseEarly implements Runnable {
        @Override
        public void run() {
            Background.workers().post(() -> {
                long t0 = System.nanoTime();
                DerbyAttendanceStore store = null;
                try {
                    store = Suite.services().store();
                    LOG.info(() -> "database opened during start-up in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
                } catch (RuntimeException e) {
                    LOG.fine(() -> "database not opened early: " + e.getMessage());
                }
                OPENED_EARLY.complete(store);
            });
        }
    }

    /**
     * Puts the start-up lines into messages.log now, on a worker thread: the platform writes that file
     * 5 s after the last record and keeps postponing while records come, so an administrator (or
     * {@code measure-startup}) reading it could wait minutes for them.
     */
    private static void writeLogNow() {
        Background.workers().post(() -> {
            for (Handler h : Logger.getLogger("").getHandlers()) {
                h.flush();
            }
        });
    }

    /** Runs on the Swing thread once the main window is visible. */
    @OnShowing
    public static final class WindowShown implements Runnable {
        @Override
        public void run() {
            long ms = sinceJvmStart();
            LOG.info("FaceAttend main window usable after " + ms + " ms");
            writeLogNow();
            // Opening the database early also finds "locked by another instance" before the user acts.
            Background.runAtOnce("open the attendance database", SignIn::openStore, store -> { });
            Background.workers().post(Startup::startUpDone, START_UP_AT_MOST_MS);
            StartupQueue.windowShown();
        }
    }
}
