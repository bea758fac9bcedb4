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
    /** A fresh start every second of a 25 fps clip; a play lasts at most 4 s. */
    private static final int START_EVERY = 25;
    private static final int MAX_FRAMES = 100;

    private BenchDecisionLatency() {
    }

    static void print(PrintWriter out, FacePipeline pipeline, List<Path> enrol, ProviderRegistry providers, Path video) {
        SourceSpec source = SourceSpec.parse(video.toString());
        DecisionLatency.Result r = DecisionLatency.measure(pipeline, enrol, Photos::read,
                () -> providers.frameSourceFor(source).open(source), START_EVERY, MAX_FRAMES);
        out.printf(Locale.ROOT, "%nDecision latency on %s (first frame a face is in -> attendance event; frames arrive at"
                + " their media time, processed in turn, queueing counted; a fresh station every %d frames, %d plays):%n",
                video, START_EVERY, r.plays());
        if (r.count() == 0) {
            out.printf(Locale.ROOT, "  no attendance decision: enrol the people in the video with --enroll%n");
            return;
        }
        out.printf(Locale.ROOT, "  %d decisions: median %.0f ms, p95 %.0f ms, max %.0f ms%n", r.count(), r.percentile(0.5),
                r.percentile(0.95), r.percentile(1.0));
    }
}
