package com.faceattend.spi;

import java.util.List;

/**
 * Finds faces with their five landmarks. Stateful (holds a model session); not thread-safe unless
 * the provider says so; close it to free native memory.
 *
 * @since 0.1
 */
public interface FaceDetector extends AutoCloseable {

    /**
     * @return the faces in {@code frame}, highest score first; empty when there is none
     * @throws ProviderException when inference fails for a reason the user can fix
     */
    List<DetectedFace> detect(FrameImage frame);

    @Override
    void close();
}
