package com.faceattend.onnx.bench;

import com.faceattend.engine.providers.ProviderRegistry;
import com.faceattend.spi.AlignedFace;
import com.faceattend.spi.DetectedFace;
import com.faceattend.spi.Embedding;
import com.faceattend.spi.FaceDetector;
import com.faceattend.spi.FaceEmbedder;
import com.faceattend.spi.FrameImage;
import com.faceattend.spi.ImageDecoder;
import com.faceattend.spi.ProviderSettings;
import com.faceattend.spi.support.FaceAligner;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Detectors and embedders side by side on the same real 640x480 station-like photo
 * (liveness-samples/real/image_T1.jpg, one face), default settings, 2 intra-op threads.
 * Data folder: -Dfaceattend.data (default ../../../shared/data, i.e. ../shared/data beside the repository when
 * run from modules/benchmarks as exec:exec does).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class ProviderBenchmark {
    private static final ImageDecoder DECODER = new ProviderRegistry().imageDecoder();

    @State(Scope.Benchmark)
    public static class Detection {
        @Param({"ultraface-rfb320", "mtcnn", "blazeface-front"})
        String detectorId;
        FaceDetector detector;
        FrameImage frame;

        @Setup(Level.Trial)
        public void setUp() {
            frame = photo();
            detector = new ProviderRegistry().detector(detectorId).create(ProviderSettings.defaults());
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            detector.close();
        }
    }

    @State(Scope.Benchmark)
    public static class Embedding112 {
        @Param({"arcface-512", "arcface-512-int8", "mobilefacenet-192", "mobilefacenet-192-int8"})
        String embedderId;
        FaceEmbedder embedder;
        AlignedFace face;

        @Setup(Level.Trial)
        public void setUp() {
            FrameImage frame = photo();
            try (FaceDetector detector = new ProviderRegistry().detector("mtcnn").create(ProviderSettings.defaults())) {
                face = new FaceAligner().align(frame, detector.detect(frame).get(0).landmarks());
            }
            embedder = new ProviderRegistry().embedder(embedderId).create(ProviderSettings.defaults());
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            embedder.close();
        }
    }

    static FrameImage photo() {
        return DECODER.decode(Path.of(System.getProperty("faceattend.data", "../../../shared/data"), "liveness-samples/real/image_T1.jpg"));
    }

    @Benchmark
    public List<DetectedFace> detect(Detection d) {
        return d.detector.detect(d.frame);
    }

    @Benchmark
    public Embedding embed(Embedding112 e) {
        return e.embedder.embed(e.face);
    }
}
