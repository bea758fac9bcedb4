package com.faceattend.comparison;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the shared real data (never copied into the repository). */
final class TestData {
    private TestData() {
    }

    /** System property {@code faceattend.data} (set by surefire from the parent POM); fails the test when it is not a folder. */
    static Path dir() {
        String prop = System.getProperty("faceattend.data");
        if (prop != null && !prop.isBlank() && Files.isDirectory(Path.of(prop))) {
            return Path.of(prop).toAbsolutePath().normalize();
        }
        return fail("shared test data not found: system property faceattend.data=" + prop
                + " is not a folder; these tests need the real data set (../shared/data)");
    }
}
