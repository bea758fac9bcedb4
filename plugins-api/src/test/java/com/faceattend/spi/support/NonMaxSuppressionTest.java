package com.faceattend.spi.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.faceattend.spi.FaceBox;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NonMaxSuppressionTest {
    private record Scored(String name, FaceBox box, float score) { }

    private static final NonMaxSuppression.Overlap<Scored> IOU = (a, b) -> a.box().iou(b.box());

    @Test
    void keepsTheBestOfEachFaceAndEveryFaceThatOverlapsNone() {
        Scored a = new Scored("a", new FaceBox(0, 0, 100, 100), 0.9f);
        Scored a2 = new Scored("a2", new FaceBox(5, 5, 100, 100), 0.95f); // IoU with a ~0.82
        Scored b = new Scored("b", new FaceBox(300, 0, 100, 100), 0.6f);
        Scored edge = new Scored("edge", new FaceBox(60, 0, 100, 100), 0.8f); // IoU with a2 ~0.26: kept at 0.4
        List<Scored> kept = NonMaxSuppression.greedy(List.of(a, b, a2, edge), Scored::score, IOU, 0.4f);
        assertEquals(List.of("a2", "edge", "b"), kept.stream().map(Scored::name).toList());
        assertEquals(List.of("a2", "b"), NonMaxSuppression.greedy(List.of(a, b, a2, edge), Scored::score, IOU, 0.2f)
                .stream().map(Scored::name).toList());
    }

    @Test
    void equalScoresKeepTheirInputOrder() {
        Scored first = new Scored("first", new FaceBox(0, 0, 10, 10), 0.5f);
        Scored second = new Scored("second", new FaceBox(0, 0, 10, 10), 0.5f);
        assertEquals(List.of(first), NonMaxSuppression.greedy(List.of(first, second), Scored::score, IOU, 0.5f));
        assertEquals(List.of(second), NonMaxSuppression.greedy(List.of(second, first), Scored::score, IOU, 0.5f));
    }

    @Test
    void clustersHoldWhatEachWinnerSuppressedBestFirst() {
        Scored a = new Scored("a", new FaceBox(0, 0, 100, 100), 0.9f);
        Scored a2 = new Scored("a2", new FaceBox(2, 2, 100, 100), 0.7f);
        Scored a3 = new Scored("a3", new FaceBox(4, 0, 100, 100), 0.8f);
        Scored b = new Scored("b", new FaceBox(500, 500, 50, 50), 0.1f);
        List<List<Scored>> clusters = NonMaxSuppression.clusters(List.of(a2, b, a, a3), Scored::score, IOU, 0.5f);
        assertEquals(List.of(List.of(a, a3, a2), List.of(b)), clusters);
    }

    /** The winners of the clusters are exactly what the classic loop (compare with every kept box) keeps. */
    @Test
    void greedyAgreesWithTheClassicLoopOnRandomBoxes() {
        Random random = new Random(12);
        for (int round = 0; round < 200; round++) {
            List<Scored> boxes = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                boxes.add(new Scored("" + i, new FaceBox(random.nextInt(200), random.nextInt(200), 20 + random.nextInt(60),
                        20 + random.nextInt(60)), random.nextInt(10) / 10f));
            }
            List<Scored> sorted = new ArrayList<>(boxes);
            sorted.sort(Comparator.comparingDouble(Scored::score).reversed());
            List<Scored> classic = new ArrayList<>();
            for (Scored s : sorted) {
                if (classic.stream().noneMatch(k -> k.box().iou(s.box()) > 0.3f)) {
                    classic.add(s);
                }
            }
            assertEquals(classic, NonMaxSuppression.greedy(boxes, Scored::score, IOU, 0.3f), "round " + round);
        }
    }
}
