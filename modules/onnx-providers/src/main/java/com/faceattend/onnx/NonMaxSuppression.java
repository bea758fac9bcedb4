package com.faceattend.onnx;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Greedy hard non-maximum suppression. */
final class NonMaxSuppression {
    private NonMaxSuppression() {
    }

    static List<UltraFaceDetector.ScoredBox> apply(List<UltraFaceDetector.ScoredBox> boxes, float iouThreshold) {
        List<UltraFaceDetector.ScoredBox> sorted = new ArrayList<>(boxes);
        sorted.sort(Comparator.comparing(UltraFaceDetector.ScoredBox::score).reversed());
        List<UltraFaceDetector.ScoredBox> kept = new ArrayList<>();
        for (UltraFaceDetector.ScoredBox b : sorted) {
            boolean overlaps = false;
            for (UltraFaceDetector.ScoredBox k : kept) {
                if (k.box().iou(b.box()) > iouThreshold) {
                    overlaps = true;
                    break;
                }
            }
            if (!overlaps) {
                kept.add(b);
            }
        }
        return kept;
    }
}
