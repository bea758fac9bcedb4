package com.faceattend.desktop.support;

import java.awt.EventQueue;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.netbeans.api.progress.ProgressHandle;
import org.openide.util.RequestProcessor;

/**
 * Runs slow work (model loading, database, files) off the Swing thread with a progress indicator,
 * then hands the result or the problem back on the Swing thread.
 * <p>
 * During start-up, work given to {@link #run} waits until the first working window is ready
 * ({@link Startup#ready}): the windows behind it (employees with their template counts, settings
 * with every provider, alerts) would otherwise take both cores and the database while the Today
 * window waits its turn. Only what that window needs goes first ({@link #runAtOnce}).
 */
public final class Background {
    private static final RequestProcessor WORKERS = new RequestProcessor("FaceAttend work", 2, true);
    private static final List<Runnable> HELD = new ArrayList<>();
    private static boolean started;

    private Background() {
    }

    /**
     * @param doing     what it does, lower case ("load the employee list"), for progress and problems
     * @param work      runs on a worker thread (during start-up: once the first window is ready)
     * @param onSuccess runs on the Swing thread with the result
     */
    public static <T> void run(String doing, Callable<T> work, Consumer<T> onSuccess) {
        submit(task(doing, work, onSuccess));
    }

    /** As {@link #run}, but at once even during start-up: for what the first window itself waits on. */
    public static <T> void runAtOnce(String doing, Callable<T> work, Consumer<T> onSuccess) {
        WORKERS.post(task(doing, work, onSuccess));
    }

    private static <T> Runnable task(String doing, Callable<T> work, Consumer<T> onSuccess) {
        return () -> {
            ProgressHandle handle = ProgressHandle.createHandle(Problems.sentence(doing).replaceAll("\\.$", "") + "…");
            handle.start();
            try {
                T result = work.call();
                EventQueue.invokeLater(() -> onSuccess.accept(result));
            } catch (Exception | Error e) {
                Problems.show(doing, e);
            } finally {
                handle.finish();
            }
        };
    }

    private static synchronized void submit(Runnable task) {
        if (started) {
            WORKERS.post(task);
        } else {
            HELD.add(task);
        }
    }

    /** Start-up is over: held work runs now, in the order it was given, and later work at once. */
    static void startUpDone() {
        List<Runnable> held;
        synchronized (Background.class) {
            if (started) {
                return;
            }
            started = true;
            held = new ArrayList<>(HELD);
            HELD.clear();
        }
        held.forEach(WORKERS::post);
    }

    /** The shared worker pool, for work that reports its own progress; never held back. */
    public static RequestProcessor workers() {
        return WORKERS;
    }
}
