package com.faceattend.opencv;

import com.faceattend.spi.contract.SdkOnlyContract;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The built-in OpenCV providers and frame sources are plugins like any other: they use nothing of FaceAttend but the SDK. */
class UsesOnlyTheSdkTest {
    @Test
    void compiledProvidersReferOnlyToTheSdkAndThemselves() {
        SdkOnlyContract.verify(Path.of("target/classes"), "com.faceattend.opencv");
    }
}
