package com.faceattend.opencv;

import static org.junit.jupiter.api.Assertions.fail;

import com.faceattend.spi.ImageDecoder;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the shared real test data lives (never copied into the repository). */
final class TestData {
    /** The production decoder, as the registry finds it. */
    static final ImageDecoder DECODER = new OpenCvImageDecoder();

    private TestData() {
    }

    /**
     * The data folder: system property {@code faceattend.data} (set by surefire), else
     * {@code ../../../shared/data} from the module folder. Fails loudly when it is missing: tests
     * that silently skip would hide a broken setup.
     */
    static Path root() {
        String property = System.getProperty("faceattend.data");
        Path root = property != null && !property.isBlank() ? Path.of(property) : Path.of("../../../shared/data");
        if (!Files.isDirectory(root)) {
            fail("FaceAttend test data not found at " + root.toAbsolutePath().normalize()
                    + ": set -Dfaceattend.data=/path/to/shared/data (it holds lfw-dev/, faces94/, att/, ...)");
        }
        return root;
    }

    static Path file(String relative) {
        Path p = root().resolve(relative);
        if (!Files.exists(p)) {
            fail("test data file missing: " + p.toAbsolutePath().normalize());
        }
        return p;
    }
}
