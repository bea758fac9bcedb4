package com.faceattend.spi.support;

/**
 * A 2-D similarity transform (uniform scale, rotation, translation) fitted by least squares
 * (Umeyama, 1991) from source points to destination points. Face alignment uses it rather than an
 * affine fit of three points: all five landmarks vote, and the face is never sheared.
 *
 * <p>Maps (x, y) to (a*x - b*y + tx, b*x + a*y + ty).
 *
 * <pre>{@code
 * SimilarityTransform t = SimilarityTransform.fit(landmarks.xy(), template);
 * double roll = t.rotationDegrees();            // head tilt
 * double x = t.inverse().mapX(56, 56);          // template centre back in the frame
 * }</pre>
 *
 * @since 0.3 (before: {@code com.faceattend.engine.image.SimilarityTransform}, not part of the SDK)
 */
public record SimilarityTransform(double a, double b, double tx, double ty) {

    /** Least-squares fit; {@code src} and {@code dst} are (x, y) pairs of the same length. */
    public static SimilarityTransform fit(float[] src, float[] dst) {
        int n = src.length / 2;
        if (n < 2 || src.length != dst.length) {
            throw new IllegalArgumentException("need at least two matching point pairs");
        }
        double msx = 0, msy = 0, mdx = 0, mdy = 0;
        for (int i = 0; i < n; i++) {
            msx += src[2 * i];
            msy += src[2 * i + 1];
            mdx += dst[2 * i];
            mdy += dst[2 * i + 1];
        }
        msx /= n;
        msy /= n;
        mdx /= n;
        mdy /= n;
        // For 2-D similarity the Umeyama solution reduces to closed forms of these sums.
        double sxx = 0, sxy = 0, varSrc = 0;
        for (int i = 0; i < n; i++) {
            double px = src[2 * i] - msx, py = src[2 * i + 1] - msy;
            double qx = dst[2 * i] - mdx, qy = dst[2 * i + 1] - mdy;
            sxx += px * qx + py * qy;
            sxy += px * qy - py * qx;
            varSrc += px * px + py * py;
        }
        if (varSrc < 1e-9) {
            throw new IllegalArgumentException("source points coincide; cannot fit a transform");
        }
        double a = sxx / varSrc;
        double b = sxy / varSrc;
        double tx = mdx - (a * msx - b * msy);
        double ty = mdy - (b * msx + a * msy);
        return new SimilarityTransform(a, b, tx, ty);
    }

    public double scale() {
        return Math.hypot(a, b);
    }

    /** Rotation in degrees. */
    public double rotationDegrees() {
        return Math.toDegrees(Math.atan2(b, a));
    }

    public SimilarityTransform inverse() {
        double d = a * a + b * b;
        double ia = a / d, ib = -b / d;
        return new SimilarityTransform(ia, ib, -(ia * tx - ib * ty), -(ib * tx + ia * ty));
    }

    public double mapX(double x, double y) {
        return a * x - b * y + tx;
    }

    public double mapY(double x, double y) {
        return b * x + a * y + ty;
    }
}
