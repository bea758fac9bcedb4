package com.faceattend.comparison;

import com.faceattend.engine.providers.ProviderRegistry;
import com.faceattend.spi.FrameImage;
import com.faceattend.spi.FrameSource;
import com.faceattend.spi.SourceSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * End-to-end frames per second on the sample clip: read a frame, find every face, make each face's template
 * and match it against a gallery of the reference stills ({@code ref_*} next to the clip). The same loop for
 * every row, so the ratio is fair; the product station adds tracking and liveness on top. The first frame is
 * a warm-up and not timed.
 */
final class VideoBenchmark {
    record Score(int frames, double framesPerSecond) {
    }

    private final ProviderRegistry registry;
    private final Path video;
    private final List<Path> stills;
    private double sink;

    VideoBenchmark(ProviderRegistry registry, Path video) {
        this.registry = registry;
        this.video = video;
        try (Stream<Path> s = Files.list(video.getParent())) {
            stills = s.filter(p -> p.getFileName().toString().startsWith("ref_")).sorted().toList();
        } catch (IOException e) {
            throw new ComparisonException("cannot list " + video.getParent() + ": " + e.getMessage(), "check the video folder");
        }
    }

    Score run(Contender contender, int maxFrames) {
        List<float[]> gallery = new ArrayList<>();
        stills.forEach(p -> VerificationBenchmark.describeCentral(contender, p).ifPresent(gallery::add));
        SourceSpec spec = SourceSpec.parse(video.toString());
        int timed = 0;
        long nanos = 0;
        try (FrameSource source = registry.frameSourceFor(spec).open(spec)) {
            for (int i = 0; maxFrames == 0 || i < maxFrames + 1; i++) {
                long start = System.nanoTime();
                FrameImage frame = source.next();
                if (frame == null) {
                    break;
                }
                for (Contender.Face face : contender.analyse(frame, Contender.Describe.ALL)) {
                    if (face.template() != null) {
                        double best = Double.NEGATIVE_INFINITY;
                        for (float[] g : gallery) {
                            best = Math.max(best, contender.similarity(face.template(), g));
                        }
                        sink += best; // keeps the match from being optimised away
                    }
                }
                if (i > 0) {
                    nanos += System.nanoTime() - start;
                    timed++;
                }
            }
        }
        return new Score(timed, timed == 0 ? Double.NaN : timed / (nanos / 1e9));
    }
}
