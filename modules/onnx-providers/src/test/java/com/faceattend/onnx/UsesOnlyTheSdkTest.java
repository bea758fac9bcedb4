package com.faceattend.onnx;

import com.faceattend.spi.contract.SdkOnlyContract;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The built-in ONNX providers are plugins like any other: they use nothing of FaceAttend but the SDK. */
class UsesOnlyTheSdkTest {
    @Test
    void compiledProvidersReferOnlyToTheSdkAndThemselves() {
        SdkOnlyContract.verify(Path.of("target/classes"), "com.faceattend.onnx");
    }
}
