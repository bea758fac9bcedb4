package com.faceattend.engine.gallery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The plain-loop kernels (for a JVM without C2, as the desktop runs) give the scores of the Vector
 * API kernels, and a JVM started without C2 chooses them by itself and still finds a planted
 * person in a gallery large enough for the two-step search.
 */
class SearchKernelTest {

    @Test
    void plainFloatKernelsGiveTheVectorScores() {
        Random r = new Random(21);
        int dim = 515; // not a multiple of 4 or of the vector width: both tails
        int rows = 41;
        float[] data = new float[rows * dim];
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) r.nextGaussian();
        }
        float[] q = GalleryIndexTest.unit(r, dim).vector();
        float[] simd = new float[rows];
        float[] plain = new float[rows];
        float[] reference = new float[rows];
        VectorMath.simdDotRows(data, q, dim, 0, rows, simd);
        VectorMath.plainDotRows(data, q, dim, 0, rows, plain);
        VectorMath.dotRowsScalar(data, q, dim, 0, rows, reference);
        for (int i = 0; i < rows; i++) {
            assertEquals(reference[i], plain[i], 1e-4f, "row " + i);
            assertEquals(simd[i], plain[i], 1e-4f, "row " + i);
            assertEquals(simd[i], VectorMath.plainDot(data, i * dim, q, 0, dim), 1e-4f, "row " + i);
        }
    }

    @Test
    void plainInt4KernelGivesExactlyTheVectorSums() {
        Random r = new Random(22);
        for (int dim : new int[] {512, 100}) {
            Int4Codes codes = new Int4Codes(dim, VectorMath.int4MinimumPadded());
            int rows = 9;
            byte[] packed = new byte[rows * codes.rowBytes()];
            for (int i = 0; i < rows; i++) {
                codes.encodeRow(GalleryIndexTest.unit(r, dim).vector(), packed, i * codes.rowBytes());
            }
            short[] q = new short[codes.paddedDimension()];
            codes.queryCodes(GalleryIndexTest.unit(r, dim).vector(), q);
            int[] simd = new int[rows];
            int[] plain = new int[rows + 3];
            VectorMath.simdDotRowsInt4(packed, q, codes.paddedDimension(), 0, rows, simd, 0);
            VectorMath.plainDotRowsInt4(packed, q, codes.paddedDimension(), 2, rows, plain, -1); // row r into r + 1
            for (int i = 2; i < rows; i++) {
                assertEquals(simd[i], plain[i + 1], "row " + i + " at " + dim + "-d");
            }
        }
    }

    @Test
    void aJvmWithoutC2UsesThePlainLoopsAndFindsThePlantedPerson() throws Exception {
        String c1Only = probe("-XX:TieredStopAtLevel=1");
        assertTrue(c1Only.contains("simd=false"), c1Only);
        assertFoundPlanted(c1Only);
        String full = probe();
        assertTrue(full.contains("simd=true"), full);
        assertFoundPlanted(full);
    }

    private static void assertFoundPlanted(String out) {
        Matcher m = Pattern.compile("found=(\\S+) expected=(\\S+) similarity=(\\S+)").matcher(out);
        assertTrue(m.find(), out);
        assertEquals(m.group(2), m.group(1), out);
        assertTrue(Float.parseFloat(m.group(3)) > 0.95f, out);
    }

    /** Runs {@link SearchKernelProbe} in a JVM with these options and returns what it printed. */
    private static String probe(String... jvmOptions) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(List.of(jvmOptions));
        cmd.addAll(List.of("--add-modules", "jdk.incubator.vector", "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                SearchKernelProbe.class.getName()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "probe did not finish: " + out);
        assertEquals(0, p.exitValue(), out);
        return out;
    }
}
