package com.faceattend.cli;

import com.faceattend.engine.providers.ProviderRegistry;
import com.faceattend.spi.DetectedFace;
import com.faceattend.spi.FrameImage;
import com.faceattend.spi.ImageDecoder;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Reading photos and picking the face a command is about. */
final class Photos {
    private static final ImageDecoder DECODER = new ProviderRegistry().imageDecoder();

    private Photos() {
    }

    static FrameImage read(Path file) {
        return DECODER.decode(file);
    }

    /** The largest face (the person the photo is of, in portrait-style photos). */
    static Optional<DetectedFace> largest(List<DetectedFace> faces) {
        return faces.stream().max(Comparator.comparingDouble(f -> f.box().area()));
    }
}
