package com.faceattend.onnx.mtcnn;

/** One MTCNN box in frame pixels (corners inclusive, as MTCNN computes them), with its score and stage outputs. */
final class Candidate {
    float x1, y1, x2, y2;
    final float score;
    final float[] regression;
    float[] landmarks;

    Candidate(float x1, float y1, float x2, float y2, float score, float[] regression) {
        this.x1 = x1;
        this.y1 = y1;
        this.x2 = x2;
        this.y2 = y2;
        this.score = score;
        this.regression = regression;
    }

    float width() {
        return x2 - x1 + 1;
    }

    float height() {
        return y2 - y1 + 1;
    }

    float area() {
        return width() * height();
    }

    /** Overlap with {@code o} divided by the union ({@code min == false}) or by the smaller area. */
    float overlap(Candidate o, boolean min) {
        float w = Math.min(x2, o.x2) - Math.max(x1, o.x1) + 1;
        float h = Math.min(y2, o.y2) - Math.max(y1, o.y1) + 1;
        if (w <= 0 || h <= 0) {
            return 0;
        }
        float inter = w * h;
        return inter / (min ? Math.min(area(), o.area()) : area() + o.area() - inter);
    }

    /** Moves the corners by the stage's regression offsets, given in units of the box size. */
    void applyRegression(float[] r, float w, float h) {
        x1 += r[0] * w;
        y1 += r[1] * h;
        x2 += r[2] * w;
        y2 += r[3] * h;
    }

    /** Makes the box a square of its longer side around the same centre (the next stage's input is square). */
    void square() {
        float w = x2 - x1, h = y2 - y1;
        float side = Math.max(w, h);
        x1 = x1 + w * 0.5f - side * 0.5f;
        y1 = y1 + h * 0.5f - side * 0.5f;
        x2 = x1 + side;
        y2 = y1 + side;
    }

    /** Rounds the corners to whole pixels, as the reference implementation crops on integers. */
    void roundCorners() {
        x1 = (float) Math.floor(x1);
        y1 = (float) Math.floor(y1);
        x2 = (float) Math.floor(x2);
        y2 = (float) Math.floor(y2);
    }
}
