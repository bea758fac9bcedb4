package com.faceattend.spi.contract;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Runs one call of a provider on a daemon thread and gives up after a time limit: a hang is a broken contract, not a hung check. */
final class Bounded {
    private Bounded() {
    }

    static <T> T call(String provider, String what, Duration limit, Callable<T> call) {
        ExecutorService one = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "contract-" + provider);
            t.setDaemon(true);
            return t;
        });
        try {
            Future<T> result = one.submit(call);
            try {
                return result.get(limit.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                result.cancel(true);
                throw new AssertionError(provider + " breaks the contract: " + what + " did not return within " + limit.toMillis() + " ms");
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException r) {
                    throw r;
                }
                if (cause instanceof Error err) {
                    throw err;
                }
                throw new AssertionError(provider + " breaks the contract: " + what + " threw " + cause, cause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while checking " + provider, e);
            }
        } finally {
            one.shutdownNow();
        }
    }
}
