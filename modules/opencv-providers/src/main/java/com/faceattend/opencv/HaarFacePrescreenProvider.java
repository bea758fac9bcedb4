package com.faceattend.opencv;

import com.faceattend.spi.FacePrescreen;
import com.faceattend.spi.FacePrescreenProvider;
import com.faceattend.spi.ProviderException;
import com.faceattend.spi.ProviderInfo;
import com.faceattend.spi.ProviderSettings;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.opencv.global.opencv_objdetect;

/**
 * Builds {@link HaarFacePrescreen}s from a cascade that ships inside Bytedeco's OpenCV jar.
 *
 * <p>Options: {@code maxWidth} (default 320: frames are scaled down to this width first),
 * {@code minNeighbors} (default 3: low, because a pre-screen must not miss faces),
 * {@code scaleFactor} (default 1.1), {@code cascade} (file name under OpenCV's
 * {@code haarcascades/} or {@code lbpcascades/}, default {@value #DEFAULT_CASCADE}).
 */
public final class HaarFacePrescreenProvider implements FacePrescreenProvider {
    public static final String DEFAULT_CASCADE = "haarcascade_frontalface_default.xml";
    public static final int DEFAULT_MAX_WIDTH = 320;
    public static final int DEFAULT_MIN_NEIGHBORS = 3;
    public static final double DEFAULT_SCALE_FACTOR = 1.1;

    private static final ProviderInfo INFO = new ProviderInfo("opencv-haar", "1.0.0",
            "OpenCV Haar cascade face pre-screen",
            "Intel License Agreement for OpenCV (BSD-3-Clause style), haarcascade_frontalface_default.xml",
            "FaceAttend, with OpenCV (Apache-2.0)");

    @Override
    public ProviderInfo info() {
        return INFO;
    }

    @Override
    public FacePrescreen create(ProviderSettings settings) {
        int maxWidth = (int) settings.floatOption("maxWidth", DEFAULT_MAX_WIDTH);
        int minNeighbors = (int) settings.floatOption("minNeighbors", DEFAULT_MIN_NEIGHBORS);
        double scaleFactor = settings.floatOption("scaleFactor", (float) DEFAULT_SCALE_FACTOR);
        String cascade = settings.options().getOrDefault("cascade", DEFAULT_CASCADE).trim();
        if (maxWidth < 48) {
            throw new ProviderException("pre-screen option maxWidth must be at least 48, was " + maxWidth,
                    "set maxWidth to 320 (the default) or more");
        }
        if (minNeighbors < 0) {
            throw new ProviderException("pre-screen option minNeighbors must not be negative, was " + minNeighbors,
                    "set minNeighbors between 1 and 6 (default 3)");
        }
        if (!(scaleFactor > 1.0) || scaleFactor > 2.0) {
            throw new ProviderException("pre-screen option scaleFactor must be above 1 and at most 2, was " + scaleFactor,
                    "set scaleFactor between 1.05 and 1.3 (default 1.1)");
        }
        return new HaarFacePrescreen(cascadeFile(cascade), maxWidth, minNeighbors, scaleFactor);
    }

    /**
     * CascadeClassifier reads only from a file path, so the XML is extracted from the jar once, into
     * JavaCPP's cache (next to the native libraries), and reused by later runs.
     */
    static Path cascadeFile(String name) {
        if (!name.matches("[A-Za-z0-9_.-]+\\.xml")) {
            throw new ProviderException("pre-screen option cascade must be a cascade file name, was '" + name + "'",
                    "leave it empty for " + DEFAULT_CASCADE);
        }
        String folder = name.toLowerCase(Locale.ROOT).startsWith("lbp") ? "lbpcascades" : "haarcascades";
        String resource = "/org/bytedeco/opencv/" + Loader.getPlatform() + "/share/opencv4/" + folder + "/" + name;
        try {
            File file = Loader.cacheResource(opencv_objdetect.class, resource);
            if (file == null) {
                throw new ProviderException("face cascade " + name + " is not in the OpenCV library on the class path (" + resource + ")",
                        "add org.bytedeco:opencv with classifier " + Loader.getPlatform() + ", or choose another cascade");
            }
            return file.toPath();
        } catch (IOException e) {
            throw new ProviderException("face cascade " + name + " could not be extracted: " + e.getMessage(),
                    "check that the home folder is writable (JavaCPP caches files in ~/.javacpp/cache)", e);
        }
    }
}
