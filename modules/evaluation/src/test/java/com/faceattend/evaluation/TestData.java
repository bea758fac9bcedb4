package com.faceattend.evaluation;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the shared real data (never copied into the repository). */
final class TestData {
    private TestData() {
    }

    /**
     * The data folder: system property {@code faceattend.data} (set by surefire from the parent POM),
     * else {@code ../../../shared/data} relative to the module. Fails the test when neither exists.
     */
    static Path dir() {
        String prop = System.getProperty("faceattend.data");
        if (prop != null && !prop.isBlank() && Files.isDirectory(Path.of(prop))) {
            return Path.of(prop).toAbsolutePath().normalize();
        }
        Path fallback = Path.of("../../../shared/data");
        if (Files.isDirectory(fallback)) {
            return fallback.toAbsolutePath().normalize();
        }
        return fail("shared test data not found: system property faceattend.data=" + prop + " and "
                + fallback.toAbsolutePath().normalize() + " are not folders; these tests need the real data set");
    }

    /** A sub-folder or file of the data folder that must exist. */
    static Path require(String relative) {
        Path p = dir().resolve(relative);
        if (!Files.exists(p)) {
            fail("missing test data " + p);
        }
        return p;
    }
}
