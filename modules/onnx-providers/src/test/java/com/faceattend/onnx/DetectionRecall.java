package com.faceattend.onnx;

import com.faceattend.spi.DetectedFace;
import com.faceattend.spi.FaceBox;
import com.faceattend.spi.FaceDetector;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Recall at IoU 0.5 on the hand-labelled boxes of detection/dlib (ignore-flagged boxes left out). */
public final class DetectionRecall {
    private DetectionRecall() {
    }

    /** found, total, detections. */
    public record Result(int found, int total, int detections) {
        public double recall() {
            return found / (double) total;
        }
    }

    /**
     * The fewest faces a test accepts where the README states {@code readmeFound} of {@code total}: the
     * README figure less one binomial standard error, sqrt(n p (1 - p)) faces at p = readmeFound / total,
     * and never less than one face. Detection on these fixed photos is deterministic; what moves between
     * machines is floating point (ONNX Runtime picks kernels by CPU), which can push a borderline box
     * across IoU 0.5. A loss beyond one standard error is a regression, not noise.
     */
    public static int pinnedMinimum(int readmeFound, int total) {
        double p = readmeFound / (double) total;
        double se = Math.sqrt(total * p * (1 - p));
        return (int) Math.ceil(readmeFound - Math.max(1.0, se));
    }

    public static Map<String, List<FaceBox>> truth() {
        Map<String, List<FaceBox>> truth = new TreeMap<>();
        try {
            for (String line : Files.readAllLines(TestData.root().resolve("detection/dlib/boxes.csv")).stream().skip(1).toList()) {
                String[] c = line.split(",");
                if (c[6].trim().equals("0")) {
                    truth.computeIfAbsent(c[1], k -> new ArrayList<>()).add(new FaceBox(
                            Float.parseFloat(c[2]), Float.parseFloat(c[3]), Float.parseFloat(c[4]), Float.parseFloat(c[5])));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return truth;
    }

    public static Result measure(FaceDetector detector) {
        int found = 0, total = 0, detections = 0;
        for (var e : truth().entrySet()) {
            List<DetectedFace> faces = detector.detect(TestData.image("detection/dlib/" + e.getKey()));
            detections += faces.size();
            for (FaceBox t : e.getValue()) {
                total++;
                if (faces.stream().anyMatch(f -> f.box().iou(t) >= 0.5f)) {
                    found++;
                }
            }
        }
        return new Result(found, total, detections);
    }
}
