package com.faceattend.opencv;

import com.faceattend.spi.FaceBox;
import com.faceattend.spi.FacePrescreen;
import com.faceattend.spi.FrameImage;
import com.faceattend.spi.FrameSource;
import com.faceattend.spi.ProviderSettings;
import com.faceattend.spi.SourceSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Benchmark main (not a test, so CI does not spend a minute or two on it): measures nine cascade
 * configurations on real data and prints a table (the numbers behind the pre-screen's defaults).
 * The default configuration's recall is pinned by {@link HaarFacePrescreenTest#recallOnRealPhotos}, which CI runs.
 * Run it after {@code mvn -pl modules/opencv-providers -am test-compile}:
 * {@code mvn -pl modules/opencv-providers exec:java -Dexec.classpathScope=test -Dexec.mainClass=com.faceattend.opencv.HaarMeasurementBench}.
 */
public final class HaarMeasurementBench {
    private HaarMeasurementBench() {
    }

    record Config(String cascade, int maxWidth, int minNeighbors, double scaleFactor) {
        ProviderSettings settings() {
            return new ProviderSettings(2, Map.of("cascade", cascade, "maxWidth", Integer.toString(maxWidth),
                    "minNeighbors", Integer.toString(minNeighbors), "scaleFactor", Double.toString(scaleFactor)));
        }

        @Override
        public String toString() {
            return cascade.replace(".xml", "").replace("cascade_frontalface", "") + " w" + maxWidth + " n" + minNeighbors + " s" + scaleFactor;
        }
    }

    public static void main(String[] args) throws IOException {
        Map<String, List<FaceBox>> truth = HaarFacePrescreenTest.dlibBoxes();
        Map<String, FrameImage> dlibImages = new LinkedHashMap<>();
        for (String name : truth.keySet()) {
            dlibImages.put(name, TestData.DECODER.decode(TestData.file("detection/dlib/" + name)));
        }
        FrameImage dogs = TestData.DECODER.decode(TestData.file("detection/dlib/dogs.jpg"));
        List<FrameImage> faces94 = new ArrayList<>();
        try (Stream<Path> s = Files.walk(TestData.file("faces94/identities"))) {
            for (Path p : s.filter(p -> p.toString().endsWith(".jpg")).sorted().toList()) {
                faces94.add(TestData.DECODER.decode(p));
            }
        }
        List<FrameImage> video = new ArrayList<>();
        Path clip = TestData.file("video-and-small/video/short_hamilton_clip.mp4");
        try (FrameSource source = new FfmpegFrameSourceProvider().open(SourceSpec.parse(clip.toString()))) {
            FrameImage f;
            while ((f = source.next()) != null && video.size() < 120) {
                video.add(f);
            }
        }
        int labelled = truth.values().stream().mapToInt(List::size).sum();
        System.out.printf("%-34s | dlib %d faces: recall@IoU.5 recall@IoU.3 precision@.3 cands | dogs | faces94 %d: hit  extra | ms/640x360 | ms/180x200%n",
                "config", labelled, faces94.size());
        String haar = HaarFacePrescreenProvider.DEFAULT_CASCADE;
        String lbp = "lbpcascade_frontalface_improved.xml";
        List<Config> configs = List.of(new Config(haar, 320, 3, 1.1), new Config(haar, 640, 3, 1.1),
                new Config(haar, 320, 1, 1.1), new Config(haar, 320, 5, 1.1), new Config(haar, 320, 3, 1.2),
                new Config("haarcascade_frontalface_alt2.xml", 320, 3, 1.1), new Config(lbp, 320, 3, 1.1),
                new Config(lbp, 640, 3, 1.1), new Config("lbpcascade_frontalface.xml", 320, 3, 1.1));
        for (Config config : configs) {
            try (FacePrescreen prescreen = new HaarFacePrescreenProvider().create(config.settings())) {
                int hit5 = 0, hit3 = 0, candidates = 0, goodCandidates = 0;
                for (var entry : truth.entrySet()) {
                    List<FaceBox> found = prescreen.candidates(dlibImages.get(entry.getKey()));
                    candidates += found.size();
                    for (FaceBox t : entry.getValue()) {
                        hit5 += found.stream().anyMatch(c -> c.iou(t) >= 0.5f) ? 1 : 0;
                        hit3 += found.stream().anyMatch(c -> c.iou(t) >= 0.3f) ? 1 : 0;
                    }
                    for (FaceBox c : found) {
                        goodCandidates += entry.getValue().stream().anyMatch(t -> c.iou(t) >= 0.3f) ? 1 : 0;
                    }
                }
                int dogCandidates = prescreen.candidates(dogs).size();
                int hits = 0, extra = 0;
                long t0 = System.nanoTime();
                for (FrameImage f : faces94) {
                    List<FaceBox> found = prescreen.candidates(f);
                    boolean hit = found.stream().anyMatch(b -> HaarFacePrescreenTest.coversCentreOf(b, f));
                    hits += hit ? 1 : 0;
                    extra += found.size() - (hit ? 1 : 0);
                }
                double msSmall = (System.nanoTime() - t0) / 1e6 / faces94.size();
                for (int i = 0; i < 20; i++) {
                    prescreen.candidates(video.get(i)); // warm-up
                }
                long t1 = System.nanoTime();
                for (FrameImage f : video) {
                    prescreen.candidates(f);
                }
                double msVideo = (System.nanoTime() - t1) / 1e6 / video.size();
                System.out.printf("%-34s |            %5.3f        %5.3f        %5.3f   %4d | %4d |            %5.3f %4d | %10.2f | %10.2f%n",
                        config, (double) hit5 / labelled, (double) hit3 / labelled,
                        candidates == 0 ? 0 : (double) goodCandidates / candidates, candidates, dogCandidates,
                        (double) hits / faces94.size(), extra, msVideo, msSmall);
            }
        }
    }
}
