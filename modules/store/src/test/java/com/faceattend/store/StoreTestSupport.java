package com.faceattend.store;

import com.faceattend.spi.Embedding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/** Helpers shared by the store tests. */
final class StoreTestSupport {
    static final String MODEL = "arcface-r100@1";
    static final Instant CONSENT = Instant.parse("2025-01-15T09:00:00Z");

    private StoreTestSupport() {
    }

    /** A vector of {@code dim} floats no other test data will contain by accident. */
    static float[] distinctive(int dim, float seed) {
        float[] v = new float[dim];
        for (int i = 0; i < dim; i++) {
            v[i] = seed + i * 0.0123f + (float) Math.sin(i) * 7.77f;
        }
        return v;
    }

    static TemplateToSave template(String model, float[] v, float quality) {
        return new TemplateToSave(new Embedding(model, v), quality);
    }

    static Employee addConsented(DerbyAttendanceStore store, String code) {
        return store.addEmployee(code, "Name of " + code, "R&D", CONSENT);
    }

    /** The files (relative to {@code root}) that contain {@code needle} anywhere. */
    static List<String> filesContaining(Path root, byte[] needle) throws IOException {
        List<String> hits = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                if (indexOf(Files.readAllBytes(p), needle) >= 0) {
                    hits.add(root.relativize(p).toString());
                }
            }
        }
        return hits;
    }

    /**
     * The files (relative to {@code root}) holding any run of {@code run} consecutive bytes of
     * {@code secret}, at any offset: proves that not even a fragment of a template is in clear.
     */
    static List<String> filesContainingAnyRun(Path root, byte[] secret, int run) throws IOException {
        java.util.Set<String> windows = new java.util.HashSet<>();
        for (int i = 0; i + run <= secret.length; i++) {
            windows.add(java.util.HexFormat.of().formatHex(secret, i, i + run));
        }
        // cheap pre-filter on the first 4 bytes of each window before building strings
        java.util.Set<Integer> heads = new java.util.HashSet<>();
        for (int i = 0; i + run <= secret.length; i++) {
            heads.add(headAt(secret, i));
        }
        List<String> hits = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                byte[] bytes = Files.readAllBytes(p);
                for (int i = 0; i + run <= bytes.length; i++) {
                    if (heads.contains(headAt(bytes, i))
                            && windows.contains(java.util.HexFormat.of().formatHex(bytes, i, i + run))) {
                        hits.add(root.relativize(p).toString());
                        break;
                    }
                }
            }
        }
        return hits;
    }

    private static int headAt(byte[] b, int i) {
        return (b[i] & 0xff) << 24 | (b[i + 1] & 0xff) << 16 | (b[i + 2] & 0xff) << 8 | (b[i + 3] & 0xff);
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** 64 bytes from the middle of the encoded vector: long enough to never occur by chance. */
    static byte[] needleOf(float[] v) {
        byte[] all = VectorCodec.encode(v);
        int from = all.length / 2;
        return Arrays.copyOfRange(all, from, from + 64);
    }
}
