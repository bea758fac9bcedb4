package com.faceattend.engine.gallery;

import com.faceattend.spi.Embedding;
import java.util.SplittableRandom;

/**
 * Synthetic 512-d embeddings shaped like ArcFace's, for measuring search recall and speed at
 * gallery sizes no photo set here reaches. Isotropic random vectors would flatter a compressed
 * first pass (all impostors near 0, sd 0.044); real embeddings are not like that. Here:
 *
 * <ul>
 *   <li>variance falls off with the coordinate (power 1.5 from the 15th on: about 80 effective
 *       dimensions), then a random orthogonal mix (random signs + Walsh-Hadamard, a seed of its own)
 *       spreads it so no axis is special;</li>
 *   <li>a shared direction gives every face a common component;</li>
 *   <li>a person is a centre; each photo adds within-person noise of random strength.</li>
 * </ul>
 *
 * Measured on these vectors: impostor cosine mean 0.056, sd 0.117 (ArcFace prior in
 * {@link ImpostorScores#PRIOR}: 0.08, 0.11); genuine mean 0.56, sd 0.11, a spread like LFW pairs.
 */
final class FaceLikeVectors {
    static final int DIM = 512;
    private static final double COMMON = 0.35;
    private static final double MIN_NOISE = 0.5;
    private static final double MAX_NOISE = 1.3;

    private final SplittableRandom random;
    private final double[] sd = new double[DIM];
    private final double[] mixSigns = new double[DIM];

    FaceLikeVectors(long seed) {
        random = new SplittableRandom(seed);
        double total = 0;
        for (int i = 0; i < DIM; i++) {
            sd[i] = Math.pow(1 + i / 15.0, -1.5);
            total += sd[i];
        }
        for (int i = 0; i < DIM; i++) {
            sd[i] = Math.sqrt(sd[i] / total);
        }
        SplittableRandom mix = new SplittableRandom(0xFACEL);
        for (int i = 0; i < DIM; i++) {
            mixSigns[i] = mix.nextBoolean() ? 1 : -1;
        }
    }

    /** A new person's centre (not a photo). */
    double[] person() {
        double[] c = anisotropicUnit();
        c[0] += COMMON; // the shared direction, before mixing
        return unit(c);
    }

    /** One photo of the person with centre {@code centre}, as an embedding of {@code modelId}. */
    Embedding photo(double[] centre, String modelId) {
        double[] noise = anisotropicUnit();
        double strength = MIN_NOISE + (MAX_NOISE - MIN_NOISE) * random.nextDouble();
        double[] v = new double[DIM];
        for (int i = 0; i < DIM; i++) {
            v[i] = centre[i] + strength * noise[i];
        }
        double[] mixed = mix(v);
        float[] f = new float[DIM];
        for (int i = 0; i < DIM; i++) {
            f[i] = (float) mixed[i];
        }
        return Embedding.normalised(modelId, f);
    }

    private double[] anisotropicUnit() {
        double[] v = new double[DIM];
        for (int i = 0; i < DIM; i++) {
            v[i] = random.nextGaussian() * sd[i];
        }
        return unit(v);
    }

    private double[] mix(double[] v) {
        double[] x = new double[DIM];
        for (int i = 0; i < DIM; i++) {
            x[i] = v[i] * mixSigns[i];
        }
        for (int len = 1; len < DIM; len <<= 1) {
            for (int i = 0; i < DIM; i += len << 1) {
                for (int j = i; j < i + len; j++) {
                    double a = x[j], b = x[j + len];
                    x[j] = a + b;
                    x[j + len] = a - b;
                }
            }
        }
        return x; // normalised by the caller
    }

    private static double[] unit(double[] v) {
        double n = 0;
        for (double x : v) {
            n += x * x;
        }
        n = Math.sqrt(n);
        for (int i = 0; i < v.length; i++) {
            v[i] /= n;
        }
        return v;
    }
}
