package com.faceattend.comparison;

import com.faceattend.spi.FaceBox;
import com.faceattend.spi.FrameImage;
import java.util.List;

/**
 * One row of the comparison: something that finds faces in a photo and turns a face into a template that
 * can be compared with another. A detector x embedder combination of installed providers, or an outside
 * reference (OpenCV LBPH, face-api.js). Not thread-safe; close it.
 */
interface Contender extends AutoCloseable {
    /** Which faces {@link #analyse} should turn into templates. */
    enum Describe {
        /** Boxes only. */
        NONE,
        /** The face nearest the image centre (evaluation photos centre the labelled person). */
        CENTRAL,
        /** Every face. */
        ALL
    }

    /** A found face; {@code template} is null when it was not asked for or the face was too small. */
    record Face(FaceBox box, float[] template) {
    }

    /** Column values that say what this row is. */
    String detector();

    String embedder();

    /** Whether this is one of the installed provider combinations (the product could run it). */
    boolean installed();

    /** How templates are compared, for the table notes. */
    String scoring();

    /** Faces in the image; with {@link Describe#CENTRAL} at most one face is returned. */
    List<Face> analyse(FrameImage image, Describe describe);

    /** Higher means more alike (a negated distance for distance-based methods). */
    double similarity(float[] a, float[] b);

    /** Milliseconds spent per stage so far. */
    StageTimes times();

    @Override
    void close();
}
