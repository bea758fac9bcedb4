package com.faceattend.engine.station;

import com.faceattend.spi.FrameImage;
import com.faceattend.spi.FrameSource;
import com.faceattend.spi.ProviderException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Drives a station from a frame source until the source ends or {@link #stop()} is called. A live
 * source (camera, stream) that fails is reopened with growing pauses (1 s doubling to 30 s), so an
 * unplugged camera or a dropped stream resumes by itself; a file simply ends. A detector-paced station
 * recognises on a second thread while this one reads and detects the next frame.
 */
public final class StationRunner {
    private static final Logger LOG = Logger.getLogger(StationRunner.class.getName());
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final AttendanceStation station;
    private final Supplier<FrameSource> opener;
    private final AtomicBoolean stopRequested = new AtomicBoolean();
    private Consumer<String> status = s -> LOG.info(s);
    private Consumer<FrameAnalysisWithFrame> frameListener = f -> { };
    private int maxReconnects = Integer.MAX_VALUE;
    private Consumer<Duration> pause = this::sleep;
    private boolean newestFrameWins;

    /** A frame and what the station made of it (for live display). */
    public record FrameAnalysisWithFrame(FrameImage frame, FrameAnalysis analysis) { }

    /** Totals of a run. */
    public record RunStats(long frames, long analysedFrames, long events, double seconds, int reconnects) {
        public double framesPerSecond() {
            return seconds <= 0 ? 0 : frames / seconds;
        }
    }

    public StationRunner(AttendanceStation station, Supplier<FrameSource> opener) {
        this.station = Objects.requireNonNull(station);
        this.opener = Objects.requireNonNull(opener);
    }

    /** Where human-readable status lines go (reconnecting…, source ended). */
    public StationRunner onStatus(Consumer<String> sink) {
        this.status = Objects.requireNonNull(sink);
        return this;
    }

    /** Called with every frame after analysis, on the runner's thread. */
    public StationRunner onFrame(Consumer<FrameAnalysisWithFrame> sink) {
        this.frameListener = Objects.requireNonNull(sink);
        return this;
    }

    /** Give up on a live source after this many failed reopen attempts in a row (default: never). */
    public StationRunner maxReconnects(int attempts) {
        this.maxReconnects = attempts;
        return this;
    }

    /**
     * On a live source, let frames that meet a busy recognition pass tracked but unrecognised, instead
     * of waiting for it (default: wait, so every frame is recognised as it would be inline and the
     * decisions do not depend on the machine's load). Either way the next frame is read and detected
     * while the previous one is recognised, and at most one recognition is pending.
     */
    public StationRunner newestFrameWins(boolean enabled) {
        this.newestFrameWins = enabled;
        return this;
    }

    /** How the runner waits between reconnect attempts (tests record the back-off instead of sleeping). */
    StationRunner pauseWith(Consumer<Duration> pauser) {
        this.pause = Objects.requireNonNull(pauser);
        return this;
    }

    public void stop() {
        stopRequested.set(true);
    }

    /**
     * Runs on the calling thread until the source ends or {@link #stop()}.
     *
     * @throws ProviderException when the source cannot be opened at all, or a live source stayed
     *                           away for {@link #maxReconnects(int)} attempts
     */
    public RunStats run() {
        long started = System.nanoTime();
        long frames = 0, analysed = 0, events = 0;
        int reconnects = 0, failuresInRow = 0;
        FrameSource source = opener.get();
        if (station.pacing() == StationPacing.DETECTOR_PACED) {
            station.overlapRecognition(newestFrameWins && source.spec().isLive()
                    ? RecognitionOverlap.NEWEST_FRAME_WINS : RecognitionOverlap.IN_STEP);
        }
        try {
            while (!stopRequested.get()) {
                FrameImage frame;
                try {
                    frame = source.next();
                    failuresInRow = 0;
                } catch (ProviderException e) {
                    if (!source.spec().isLive()) {
                        throw e;
                    }
                    source.close();
                    source = null;
                    while (source == null && !stopRequested.get()) {
                        if (++failuresInRow > maxReconnects) {
                            throw e;
                        }
                        Duration wait = backoff(failuresInRow);
                        status.accept(e.getMessage() + " — reconnecting in " + wait.toSeconds() + " s");
                        pause.accept(wait);
                        try {
                            source = opener.get();
                            reconnects++;
                            status.accept("source reconnected");
                        } catch (ProviderException again) {
                            e = again;
                        }
                    }
                    continue;
                }
                if (frame == null) {
                    status.accept("source ended");
                    break;
                }
                frames++;
                FrameAnalysis analysis = station.process(frame);
                if (analysis.analysed()) {
                    analysed++;
                }
                events += analysis.events().size();
                frameListener.accept(new FrameAnalysisWithFrame(frame, analysis));
            }
            events += station.finish().size();
        } finally {
            if (source != null) {
                source.close();
            }
        }
        return new RunStats(frames, analysed, events, (System.nanoTime() - started) / 1e9, reconnects);
    }

    static Duration backoff(int attempt) {
        long seconds = 1L << Math.min(attempt - 1, 5);
        return Duration.ofSeconds(Math.min(seconds, MAX_BACKOFF.toSeconds()));
    }

    private void sleep(Duration d) {
        long end = System.nanoTime() + d.toNanos();
        // Sleep in short steps so stop() is honoured promptly.
        while (!stopRequested.get() && System.nanoTime() < end) {
            try {
                Thread.sleep(Math.min(200, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                stopRequested.set(true);
            }
        }
    }
}
