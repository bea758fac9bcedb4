package com.faceattend.desktop.support;

import java.awt.EventQueue;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.netbeans.api.progress.ProgressHandle;
import org.openide.util.RequestProcessor;

/**
 * Runs slow work (model loading, database, files) off the Swing thread with a progress indicator,
 * then hands the result or the problem back on the Swing thread.
 */
public final class Background {
    private static final RequestProcessor WORKERS = new RequestProcessor("FaceAttend work", 2, true);

    private Background() {
    }

    /**
     * @param doing     what it does, lower case ("load the employee list"), for progress and problems
     * @param work      runs on a worker thread
     * @param onSuccess runs on the Swing thread with the result
     */
    public static <T> void run(String doing, Callable<T> work, Consumer<T> onSuccess) {
        WORKERS.post(() -> {
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
        });
    }

    /** The shared worker pool, for work that reports its own progress. */
    public static RequestProcessor workers() {
        return WORKERS;
    }
}
