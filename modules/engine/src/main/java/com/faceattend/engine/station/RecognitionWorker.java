package com.faceattend.engine.station;

import com.faceattend.engine.pipeline.FacePipeline;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The station's second thread: runs at most one recognition job at a time. The thread ends by itself
 * a few seconds after the last job, so a station that is dropped without closing leaks nothing.
 */
final class RecognitionWorker {
    private final FacePipeline pipeline;
    private final ThreadPoolExecutor executor;
    private Future<List<Recognition.Observation>> inFlight;

    RecognitionWorker(FacePipeline pipeline, String stationName) {
        this.pipeline = pipeline;
        this.executor = new ThreadPoolExecutor(1, 1, 5, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "faceattend-recognition-" + stationName);
            t.setDaemon(true);
            return t;
        });
        executor.allowCoreThreadTimeOut(true);
    }

    boolean busy() {
        return inFlight != null && !inFlight.isDone();
    }

    /** Starts a job; the previous one must have been taken. */
    void submit(Recognition.Job job) {
        if (inFlight != null) {
            throw new IllegalStateException("a recognition job is still to be taken");
        }
        inFlight = executor.submit(() -> job.run(pipeline));
    }

    /**
     * The finished job's observations (waiting for it when {@code wait}); empty when none is in flight,
     * or it is still running and {@code wait} is false.
     *
     * @throws RuntimeException what the job threw (a provider failure), on the station's thread
     */
    List<Recognition.Observation> take(boolean wait) {
        if (inFlight == null || (!wait && !inFlight.isDone())) {
            return List.of();
        }
        Future<List<Recognition.Observation>> job = inFlight;
        inFlight = null;
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return job.get();
                } catch (InterruptedException e) {
                    interrupted = true; // finish the job: the models are not to be left mid-run
                }
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } catch (CancellationException e) {
            return List.of();
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
