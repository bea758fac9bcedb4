package com.faceattend.onnx;

import static org.junit.jupiter.api.Assertions.fail;

import com.faceattend.opencv.ImageDecoder;
import com.faceattend.spi.FrameImage;
import java.nio.file.Files;
import java.nio.file.Path;

/** The shared real face data (never copied into the repository). */
public final class TestData {
    private TestData() {
    }

    public static Path root() {
        String prop = System.getProperty("faceattend.data");
        Path dir = prop != null ? Path.of(prop) : Path.of("../../../shared/data");
        if (!Files.isDirectory(dir)) {
            fail("shared face data not found at " + dir.toAbsolutePath()
                    + ": these tests need ../shared/data beside the repository (set -Dfaceattend.data=DIR)");
        }
        return dir;
    }

    public static FrameImage image(String relative) {
        return ImageDecoder.decode(root().resolve(relative));
    }
}
