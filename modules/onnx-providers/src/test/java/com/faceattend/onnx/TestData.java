package com.faceattend.onnx;

import static org.junit.jupiter.api.Assertions.fail;

import com.faceattend.spi.FrameImage;
import com.faceattend.spi.ImageDecoder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ServiceLoader;

/** The shared real face data (never copied into the repository). */
public final class TestData {
    private static final ImageDecoder DECODER = ServiceLoader.load(ImageDecoder.class).findFirst().orElseThrow();

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
        return decode(root().resolve(relative));
    }

    /** Decodes a photo with the installed decoder (the OpenCV one, a test dependency), as the application does. */
    public static FrameImage decode(Path photo) {
        return DECODER.decode(photo);
    }
}
