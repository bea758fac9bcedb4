package com.faceattend.comparison;

import com.faceattend.spi.FaceBox;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The face an evaluation photo is about: datasets such as LFW centre the labelled person and other faces
 * may appear at the edges, so the one nearest the image centre is taken (as {@code faceattend eval} does).
 */
final class CentralFace {
    private CentralFace() {
    }

    static <T> Optional<T> pick(List<T> faces, Function<T, FaceBox> box, int width, int height) {
        double cx = width / 2.0, cy = height / 2.0;
        return faces.stream().min(Comparator.comparingDouble(f -> Math.hypot(box.apply(f).centerX() - cx, box.apply(f).centerY() - cy)));
    }
}
