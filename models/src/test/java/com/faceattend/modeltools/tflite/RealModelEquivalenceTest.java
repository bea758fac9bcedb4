package com.faceattend.modeltools.tflite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.faceattend.models.ModelRepository;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The original TFLite files, run by the real TFLite runtime, against the ONNX models the build
 * converted from them (run by ONNX Runtime), on real face photos from ../shared/data.
 * Tolerance: 1e-4 of the output's magnitude (float32 summation order differs between runtimes).
 */
class RealModelEquivalenceTest {

    private static Path data() {
        String prop = System.getProperty("faceattend.data");
        Path dir = prop != null ? Path.of(prop) : Path.of("../../shared/data");
        if (!Files.isDirectory(dir)) {
            fail("shared face data not found at " + dir.toAbsolutePath() + " (set -Dfaceattend.data=DIR)");
        }
        return dir;
    }

    private static byte[] tflite(String name) throws IOException {
        String dir = System.getProperty("faceattend.tflite.dir", "target/tflite");
        Path file = Path.of(dir, name + ".tflite");
        if (!Files.isRegularFile(file)) {
            fail(file + " is missing: build the models module first (fetch-models.sh puts the .tflite sources there)");
        }
        return Files.readAllBytes(file);
    }

    /** The centre square of a photo (the face in LFW / faces94), resized to size x size, RGB (p - 127.5) / 128, NHWC. */
    private static float[] face(String relative, int size, int width, int height) throws IOException {
        BufferedImage src = ImageIO.read(data().resolve(relative).toFile());
        int side = Math.min(src.getWidth(), src.getHeight()) * 3 / 5;
        BufferedImage crop = src.getSubimage((src.getWidth() - side) / 2, (src.getHeight() - side) / 2, side, side);
        return pixels(crop, width > 0 ? width : size, height > 0 ? height : size);
    }

    private static float[] pixels(BufferedImage src, int w, int h) {
        BufferedImage dst = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = dst.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(src, 0, 0, w, h, null);
        g.dispose();
        float[] out = new float[w * h * 3];
        int i = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = dst.getRGB(x, y);
                out[i++] = ((rgb >> 16 & 0xFF) - 127.5f) / 128f;
                out[i++] = ((rgb >> 8 & 0xFF) - 127.5f) / 128f;
                out[i++] = ((rgb & 0xFF) - 127.5f) / 128f;
            }
        }
        return out;
    }

    private static float[] concat(float[] a, float[] b) {
        float[] c = new float[a.length + b.length];
        System.arraycopy(a, 0, c, 0, a.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    private static void assertSame(String name, float[] input, int... shape) throws IOException {
        float[][] expected = TfliteRuntime.run(tflite(name), input, shape);
        long[] longShape = new long[shape.length];
        for (int i = 0; i < shape.length; i++) {
            longShape[i] = shape[i];
        }
        float[][] actual = OrtRunner.run(ModelRepository.bundled().read(name), input, longShape);
        assertEquals(expected.length, actual.length, name + ": number of outputs");
        for (int o = 0; o < expected.length; o++) {
            assertEquals(expected[o].length, actual[o].length, name + " output " + o + " size");
            float scale = 0, worst = 0;
            for (int i = 0; i < expected[o].length; i++) {
                scale = Math.max(scale, Math.abs(expected[o][i]));
                worst = Math.max(worst, Math.abs(expected[o][i] - actual[o][i]));
            }
            System.out.printf("%s output %d: %d values, max |TFLite - ONNX| = %.2g (max |value| %.3g)%n", name, o, expected[o].length, worst, scale);
            assertTrue(worst <= 1e-4f * Math.max(1f, scale), name + " output " + o + " differs by " + worst);
        }
    }

    @Test
    void pnetOnWholePhotosOfTwoSizes() throws IOException {
        // Free input size: an LFW photo squeezed to 180x200 and a group photo at 320x240.
        BufferedImage portrait = ImageIO.read(data().resolve("lfw-dev/images/Abdullah_Gul/Abdullah_Gul_0001.jpg").toFile());
        assertSame("mtcnn_pnet", pixels(portrait, 180, 200), 1, 200, 180, 3);
        BufferedImage group = ImageIO.read(data().resolve("detection/dlib/2008_002079.jpg").toFile());
        assertSame("mtcnn_pnet", pixels(group, 320, 240), 1, 240, 320, 3);
    }

    @Test
    void rnetAndOnetOnFaceCrops() throws IOException {
        assertSame("mtcnn_rnet", face("lfw-dev/images/Abdullah_Gul/Abdullah_Gul_0001.jpg", 24, 0, 0), 1, 24, 24, 3);
        assertSame("mtcnn_onet", face("lfw-dev/images/Abdullah_Gul/Abdullah_Gul_0006.jpg", 48, 0, 0), 1, 48, 48, 3);
    }

    @Test
    void onetConvertedWithAFreeBatchGivesEachCropTheTfliteResult() throws IOException {
        // The build converts R-Net and O-Net with a free batch so MTCNN scores all candidates in one call.
        float[] a = face("lfw-dev/images/Abdullah_Gul/Abdullah_Gul_0001.jpg", 48, 0, 0);
        float[] b = face("lfw-dev/images/Abdullah_Gul/Abdullah_Gul_0006.jpg", 48, 0, 0);
        float[][] both = OrtRunner.run(ModelRepository.bundled().read("mtcnn_onet"), concat(a, b), 2, 48, 48, 3);
        float[][] alone = TfliteRuntime.run(tflite("mtcnn_onet"), a, 1, 48, 48, 3);
        float[][] second = TfliteRuntime.run(tflite("mtcnn_onet"), b, 1, 48, 48, 3);
        for (int o = 0; o < both.length; o++) {
            int n = alone[o].length;
            assertEquals(2 * n, both[o].length, "output " + o + " holds both crops");
            for (int i = 0; i < n; i++) {
                assertEquals(alone[o][i], both[o][i], 1e-5f, "crop 1, output " + o);
                assertEquals(second[o][i], both[o][n + i], 1e-5f, "crop 2, output " + o);
            }
        }
    }

    @Test
    void mobileFaceNetOnTwoFacesAtOnce() throws IOException {
        float[] two = concat(face("lfw-dev/images/Abdullah_Gul/Abdullah_Gul_0001.jpg", 112, 0, 0),
                face("lfw-dev/images/Abdullah_Gul/Abdullah_Gul_0007.jpg", 112, 0, 0));
        assertSame("mobilefacenet", two, 2, 112, 112, 3);
    }

    @Test
    void antiSpoofingOnALivenessSample() throws IOException {
        BufferedImage live = ImageIO.read(data().resolve("liveness-samples/real/image_T1.jpg").toFile());
        assertSame("face_antispoofing", pixels(live, 256, 256), 1, 256, 256, 3);
    }
}
