package com.faceattend.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18: a corpus of bad inputs, generated here (no binaries in the repository), through
 * {@code identify}, {@code verify} and {@code enroll}. Every case must end within 10 s with a named
 * problem and a fix, an exit code from the documented list, no stack trace, no OpenCV build path,
 * and nothing enrolled. Reports the case count and the peak heap.
 */
class BadInputCorpusTest {
    private static final Set<Integer> BAD_INPUT_CODES = Set.of(ExitCode.PARTIAL, ExitCode.USAGE, ExitCode.BAD_INPUT);
    private static final long LIMIT_SECONDS = 10;

    @TempDir
    static Path data;
    @TempDir
    static Path corpus;
    static Path good;

    @BeforeAll
    static void enrolOneAndBuildTheCorpus() throws Exception {
        good = Cli.data().resolve("video-and-small/video/ref_alex_lacamoire.png");
        Cli.Result r = Cli.run(data, "enroll", "--code", "ALEX", "--name", "Alex Lacamoire", "--consent", "--quiet", good.toString());
        assertEquals(ExitCode.OK, r.exitCode(), r.toString());
        build(corpus);
    }

    /** The corpus: every decoder OpenCV ships, with impossible sizes; truncations; special files; odd names. */
    static void build(Path dir) throws Exception {
        byte[] jpeg = Files.readAllBytes(Cli.data().resolve("faces94/unknown_not_enrolled/single_m/m.jpg"));
        byte[] png = Files.readAllBytes(good);
        Files.write(dir.resolve("empty.jpg"), new byte[0]);
        for (int len : new int[] {3, 40, 600, jpeg.length / 2}) {
            Files.write(dir.resolve("truncated-" + len + ".jpg"), Arrays.copyOf(jpeg, len));
        }
        Files.write(dir.resolve("truncated.png"), Arrays.copyOf(png, png.length / 3));
        byte[] flipped = png.clone();
        for (int i = 200; i < flipped.length; i += 97) {
            flipped[i] ^= 0x5A;
        }
        Files.write(dir.resolve("bitflips.png"), flipped);
        byte[] noise = new byte[4096];
        new Random(18).nextBytes(noise);
        Files.write(dir.resolve("noise.jpg"), noise);
        Files.writeString(dir.resolve("text.png"), "this is not a picture\n");
        // impossible dimensions in the header, for every decoder this OpenCV has
        Files.write(dir.resolve("huge.png"), concat(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13},
                ascii("IHDR"), be32(60000), be32(60000), new byte[] {8, 2, 0, 0, 0}, new byte[64]));
        Files.write(dir.resolve("huge.gif"), concat(ascii("GIF89a"), le16(65535), le16(65535), new byte[64]));
        Files.write(dir.resolve("huge.bmp"), concat(ascii("BM"), new byte[16], le32(100000), le32(100000), new byte[64]));
        Files.write(dir.resolve("huge.jpg"), concat(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xC0, 0, 17, 8},
                be16(65000), be16(65000), new byte[64]));
        Files.write(dir.resolve("huge.tif"), concat(new byte[] {'I', 'I', 42, 0, 8, 0, 0, 0, 2, 0},
                le16(256), le16(4), le32(1), le32(90000), le16(257), le16(4), le32(1), le32(90000), new byte[64]));
        Files.write(dir.resolve("huge.webp"), concat(ascii("RIFF"), le32(100), ascii("WEBPVP8X"), le32(10), new byte[4],
                new byte[] {(byte) 0xFF, (byte) 0xFF, 0, (byte) 0xFF, (byte) 0xFF, 0}, new byte[64]));
        Files.write(dir.resolve("huge.ppm"), concat(ascii("P6\n90000 90000\n255\n"), new byte[64]));
        Files.write(dir.resolve("huge.pfm"), concat(ascii("PF\n9000 9000\n-1.0\n"), new byte[4096]));
        Files.write(dir.resolve("huge.pam"), concat(ascii("P7\nWIDTH 9000\nHEIGHT 9000\nDEPTH 3\nMAXVAL 255\nTUPLTYPE RGB\nENDHDR\n"), new byte[4096]));
        Files.write(dir.resolve("huge.ras"), concat(new byte[] {0x59, (byte) 0xA6, 0x6A, (byte) 0x95}, be32(9000), be32(9000),
                be32(24), be32(0), be32(1), be32(0), be32(0), new byte[4096]));
        Files.write(dir.resolve("huge.hdr"), concat(ascii("#?RADIANCE\nFORMAT=32-bit_rle_rgbe\n\n-Y 9000 +X 9000\n"), new byte[4096]));
        Files.write(dir.resolve("huge.j2k"), concat(new byte[] {(byte) 0xFF, 0x4F, (byte) 0xFF, 0x51, 0, 41, 0, 0},
                be32(9000), be32(9000), be32(0), be32(0), new byte[64]));
        Files.write(dir.resolve("noheader.hdr"), concat(ascii("#?RADIANCE\nFORMAT=32-bit_rle_rgbe\n"), new byte[64]));
        Files.write(dir.resolve("image.exr"), concat(new byte[] {0x76, 0x2F, 0x31, 0x01, 2, 0, 0, 0}, new byte[256]));
        Files.write(dir.resolve("photo.heic"), concat(be32(24), ascii("ftypheic"), new byte[64]));
        Files.write(dir.resolve("clip.jpg"), concat(be32(24), ascii("ftypisom"), new byte[64]));
        Files.write(dir.resolve("doc.jpg"), concat(ascii("%PDF-1.7\n"), new byte[64]));
        Files.writeString(dir.resolve("vector.png"), "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
        // special files and names
        Files.createDirectories(dir.resolve("folder.jpg"));
        mkfifo(dir.resolve("fifo.jpg"));
        Files.createSymbolicLink(dir.resolve("zero.jpg"), Path.of("/dev/zero"));
        Files.createSymbolicLink(dir.resolve("dangling.jpg"), dir.resolve("nowhere.jpg"));
        Files.createSymbolicLink(dir.resolve("loop-a.jpg"), dir.resolve("loop-b.jpg"));
        Files.createSymbolicLink(dir.resolve("loop-b.jpg"), dir.resolve("loop-a.jpg"));
        Files.write(dir.resolve("ünïcødé ✓ name with spaces.jpg"), Arrays.copyOf(jpeg, 50));
        Files.write(dir.resolve("new\nline.jpg"), noise);
        Files.write(dir.resolve("no-extension"), noise);
    }

    private static void mkfifo(Path p) throws Exception {
        Process mk = new ProcessBuilder("mkfifo", p.toString()).inheritIO().start();
        assertEquals(0, mk.waitFor(), "mkfifo");
    }

    @Test
    void everyBadInputEndsQuicklyWithANamedProblemAndAFix() throws Exception {
        List<Path> cases = new ArrayList<>();
        try (var files = Files.list(corpus)) {
            files.sorted().forEach(cases::add);
        }
        cases.add(corpus.resolve("missing.jpg"));
        resetPeaks();
        Map<String, String> failures = new LinkedHashMap<>();
        int runs = 0;
        ExecutorService pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "corpus-case");
            t.setDaemon(true); // a hung case must not keep the test JVM alive
            return t;
        });
        try {
            for (Path c : cases) {
                for (String[] args : List.of(
                        new String[] {"identify", c.toString()},
                        new String[] {"verify", c.toString(), good.toString()},
                        new String[] {"enroll", "--code", "BAD", "--name", "Bad Input", "--consent", "--quiet", c.toString()})) {
                    runs++;
                    String label = args[0] + " " + c.getFileName();
                    Future<Cli.Result> f = pool.submit(() -> Cli.run(data, args));
                    Cli.Result r;
                    try {
                        r = f.get(LIMIT_SECONDS, TimeUnit.SECONDS);
                    } catch (TimeoutException e) {
                        f.cancel(true);
                        failures.put(label, "did not end within " + LIMIT_SECONDS + " s");
                        continue;
                    }
                    String problem = judge(r);
                    if (problem != null) {
                        failures.put(label, problem + "\n" + r);
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertFalse(Cli.run(data, "employees", "list").out().contains("BAD"), "nothing was enrolled from bad input");
        System.out.printf("BadInputCorpusTest: %d cases x 3 commands = %d runs, %d failures, peak heap %d MiB%n",
                cases.size(), runs, failures.size(), peakHeapMiB());
        int total = runs;
        assertTrue(failures.isEmpty(), () -> failures.size() + " of " + total + " runs misbehaved:\n" + String.join("\n\n",
                failures.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toList()));
    }

    /** Null when the run behaved; else what was wrong. */
    private static String judge(Cli.Result r) {
        String all = r.out() + r.err();
        if (!BAD_INPUT_CODES.contains(r.exitCode())) {
            return "exit " + r.exitCode() + " is not a bad-input code (1, 2 or 3)";
        }
        if (all.contains("\tat ") || all.contains("Exception")) {
            return "a stack trace or exception name reached the user";
        }
        if (all.contains("/home/runner") || all.contains(".cpp:") || all.contains("OpenCV(")) {
            return "OpenCV's internal error text reached the user";
        }
        boolean cliError = r.err().contains("error: ") && r.err().contains("fix: ");
        boolean photoRejected = r.exitCode() != ExitCode.USAGE && !r.out().isBlank(); // per-photo problem and fix on stdout
        if (!cliError && !photoRejected) {
            return "no named problem with a fix";
        }
        return null;
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    private static long peakHeapMiB() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak >> 20;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] be32(int v) {
        return ByteBuffer.allocate(4).order(ByteOrder.BIG_ENDIAN).putInt(v).array();
    }

    private static byte[] be16(int v) {
        return ByteBuffer.allocate(2).order(ByteOrder.BIG_ENDIAN).putShort((short) v).array();
    }

    private static byte[] le32(int v) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array();
    }

    private static byte[] le16(int v) {
        return ByteBuffer.allocate(2).order(ByteOrder.LITTLE_ENDIAN).putShort((short) v).array();
    }

    private static byte[] concat(byte[]... parts) throws IOException {
        var out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.write(p);
        }
        return out.toByteArray();
    }
}
