package com.faceattend.cli;

import com.faceattend.comparison.DecisionLatency;
import com.faceattend.engine.pipeline.FacePipeline;
import com.faceattend.engine.providers.ProviderRegistry;
import com.faceattend.spi.SourceSpec;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** {@code bench}'s decision-latency lines: first frame a face is in to its attendance event. */
final class BenchDecisionLatency {
    /** A fresh start every 25 frames of the clip (about 0.8 s at its 30 fps); a play lasts at most 100 frames. */
    private static final int START_EVERY = 25;
    private static final int MAX_FRAMES = 100;

    private BenchDecisionLatency() {
    }

    static void print(PrintWriter out, FacePipeline pipeline, List<Path> enrol, ProviderRegistry providers, Path video) {
        SourceSpec source = SourceSpec.parse(video.toString());
        List<DecisionLatency.Result> results = DecisionLatency.measure(pipeline, enrol, Photos::read,
                () -> providers.frameSourceFor(source).open(source), START_EVERY, MAX_FRAMES);
        out.printf(Locale.ROOT, "%nDecision latency on %s (first frame a face is in -> attendance event; frames arrive at"
                + " their media time, processed in turn, queueing counted; a fresh station every %d frames, %d plays;"
                + " both ways alternate per play):%n", video, START_EVERY, results.get(0).plays());
        for (DecisionLatency.Result r : results) {
            String label = r.playback() == DecisionLatency.Playback.RUNNER
                    ? "as stations run (recognition on a 2nd thread, in real time)"
                    : "recognition on the frame's thread";
            if (r.count() == 0) {
                out.printf(Locale.ROOT, "  %-60s no attendance decision: enrol the people in the video with --enroll%n", label);
                continue;
            }
            double[] rest = r.processingAndQueueing();
            out.printf(Locale.ROOT, "  %-60s %d decisions: median %.0f ms, p95 %.0f ms, max %.0f ms%n", label, r.count(),
                    r.percentile(0.5), r.percentile(0.95), r.percentile(1.0));
            out.printf(Locale.ROOT, "  %-60s   of which waiting for frames (evidence): median %.0f, max %.0f ms;"
                    + " processing and queueing: median %.0f, max %.0f ms%n", "",
                    DecisionLatency.Result.percentile(r.waitedForFrames(), 0.5), DecisionLatency.Result.percentile(r.waitedForFrames(), 1.0),
                    DecisionLatency.Result.percentile(rest, 0.5), DecisionLatency.Result.percentile(rest, 1.0));
        }
    }
}
