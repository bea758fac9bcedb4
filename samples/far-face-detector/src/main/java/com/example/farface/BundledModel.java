package com.example.farface;

import com.faceattend.spi.ProviderException;
import com.faceattend.spi.support.Checksums;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The model this plugin carries in its own jar (put there by the build, never committed), checked
 * against the SHA-256 the build recorded beside it before every use: a damaged or swapped file is
 * refused rather than run.
 */
final class BundledModel {
    private BundledModel() {
    }

    static byte[] read() {
        Properties expected = new Properties();
        byte[] model;
        try (InputStream props = BundledModel.class.getResourceAsStream("model.properties");
             InputStream onnx = BundledModel.class.getResourceAsStream("model.onnx")) {
            if (props == null || onnx == null) {
                throw new ProviderException("the far-face detector's jar holds no model",
                        "build the plugin with mvn package (its build fetches the model) and install that jar");
            }
            expected.load(props);
            model = onnx.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the model from the plugin jar", e);
        }
        String have = Checksums.sha256Hex(model);
        if (!have.equals(expected.getProperty("sha256"))) {
            throw new ProviderException("the far-face detector's model has SHA-256 " + have + ", but "
                    + expected.getProperty("sha256") + " was built in",
                    "rebuild the plugin jar (mvn clean package) and install it again");
        }
        return model;
    }
}
