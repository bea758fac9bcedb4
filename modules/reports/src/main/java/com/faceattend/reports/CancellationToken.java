package com.faceattend.reports;

import com.faceattend.spi.Problem;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Lets another thread (a Cancel button) stop a running report or export. The work checks it
 * between rows and stops with a {@link ReportException} of kind {@link ReportException.Kind#CANCELLED},
 * leaving no output file behind.
 */
public final class CancellationToken {
    private final AtomicBoolean cancelled = new AtomicBoolean();

    /** A token nobody cancels. */
    public static CancellationToken none() {
        return new CancellationToken();
    }

    public void cancel() {
        cancelled.set(true);
    }

    public boolean isCancelled() {
        return cancelled.get();
    }

    /** @throws ReportException of kind CANCELLED once {@link #cancel()} was called */
    public void throwIfCancelled() {
        if (cancelled.get()) {
            throw new ReportException(Problem.Kind.CANCELLED, "the report was cancelled; nothing was written",
                    "Start it again when needed.");
        }
    }
}
