package com.faceattend.onnx.mtcnn;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Greedy non-maximum suppression over MTCNN candidates, by IoU or by overlap of the smaller box. */
final class Nms {
    private Nms() {
    }

    static List<Candidate> apply(List<Candidate> boxes, float threshold, boolean overlapOfSmaller) {
        List<Candidate> sorted = new ArrayList<>(boxes);
        sorted.sort(Comparator.comparingDouble((Candidate c) -> c.score).reversed());
        List<Candidate> kept = new ArrayList<>();
        for (Candidate c : sorted) {
            boolean suppressed = false;
            for (Candidate k : kept) {
                if (k.overlap(c, overlapOfSmaller) > threshold) {
                    suppressed = true;
                    break;
                }
            }
            if (!suppressed) {
                kept.add(c);
            }
        }
        return kept;
    }
}
