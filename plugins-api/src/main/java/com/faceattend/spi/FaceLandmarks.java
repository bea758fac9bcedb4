package com.faceattend.spi;

import java.util.Arrays;

/**
 * The five alignment points, in frame pixels, in the order of the ArcFace reference template:
 * eye on the image's left, eye on the image's right, nose tip, mouth corner on the image's left,
 * mouth corner on the image's right.
 *
 * @since 0.1
 */
public record FaceLandmarks(float[] xy) {
    public static final int POINTS = 5;

    public FaceLandmarks {
        if (xy == null || xy.length != POINTS * 2) {
            throw new IllegalArgumentException("five (x, y) landmark pairs expected");
        }
        xy = xy.clone();
    }

    public float x(int point) {
        return xy[point * 2];
    }

    public float y(int point) {
        return xy[point * 2 + 1];
    }

    @Override
    public float[] xy() {
        return xy.clone();
    }

    /** Distance between the eye centres, a robust face-size measure. */
    public float interocularDistance() {
        return (float) Math.hypot(x(1) - x(0), y(1) - y(0));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FaceLandmarks other && Arrays.equals(xy, other.xy);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(xy);
    }

    @Override
    public String toString() {
        return "FaceLandmarks" + Arrays.toString(xy);
    }
}
