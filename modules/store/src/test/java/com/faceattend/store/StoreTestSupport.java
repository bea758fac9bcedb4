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
