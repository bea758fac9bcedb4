package com.faceattend.spi.contract;

import com.faceattend.spi.AlignedFace;
import com.faceattend.spi.FaceLandmarks;
import com.faceattend.spi.FrameImage;
import com.faceattend.spi.support.FaceAligner;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;

/**
 * The photos the contract checks run on, shipped in this jar (public-domain and CC0 photos, credits
 * in {@code photos/CREDITS.txt}), and aligned faces made from them with the SDK's own
 * {@link FaceAligner}, so an embedder is checked without any part of the FaceAttend engine.
 *
 * <pre>{@code
 * DetectorContract.verify(new MyDetectorProvider(), TestPhotos.oneFace(), TestPhotos.noFace());
 * AlignedFace crop = TestPhotos.alignedFace();   // 112 x 112, ArcFace template
 * }</pre>
 *
 * @since 1.0.0
 */
public final class TestPhotos {
    /**
     * Left eye, right eye, nose tip, left and right mouth corner of the face in {@link #oneFace()},
     * measured once with FaceAttend's built-in UltraFace detector (MTCNN agrees within 1.3 px).
     */
    private static final float[] ONE_FACE_LANDMARKS = {
        102.1f, 50.3f, 123.7f, 51.4f, 112.4f, 63.5f, 101.8f, 69.9f, 122.0f, 70.8f
    };

    private TestPhotos() {
    }

    /** A 256x256 colour photo of one person facing the camera (Eileen Collins, NASA, public domain). */
    public static FrameImage oneFace() {
        return read("one-face.ppm.gz");
    }

    /** A 300x200 colour photo with no face in it (a coffee cup, CC0). */
    public static FrameImage noFace() {
        return read("no-face.ppm.gz");
    }

    /** The five landmarks of the face in {@link #oneFace()}, in its pixel coordinates. */
    public static FaceLandmarks oneFaceLandmarks() {
        return new FaceLandmarks(ONE_FACE_LANDMARKS.clone());
    }

    /** The face of {@link #oneFace()} aligned to the 112x112 ArcFace template. */
    public static AlignedFace alignedFace() {
        return new FaceAligner().align(oneFace(), oneFaceLandmarks());
    }

    /**
     * The same person in a second, different crop: the photo mirrored and 30% darker, aligned
     * through the mirrored landmarks (an embedder must still find it the same person).
     */
    public static AlignedFace alignedFaceAgain() {
        FrameImage photo = oneFace();
        int w = photo.width(), h = photo.height();
        byte[] src = photo.bgr();
        byte[] out = new byte[src.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int from = (y * w + (w - 1 - x)) * 3, to = (y * w + x) * 3;
                for (int c = 0; c < 3; c++) {
                    out[to + c] = (byte) Math.round((src[from + c] & 0xFF) * 0.7f);
                }
            }
        }
        float[] p = ONE_FACE_LANDMARKS;
        // mirroring swaps left and right: eyes and mouth corners trade places, the nose stays
        int[] order = {1, 0, 2, 4, 3};
        float[] mirrored = new float[10];
        for (int i = 0; i < 5; i++) {
            mirrored[2 * i] = w - 1 - p[2 * order[i]];
            mirrored[2 * i + 1] = p[2 * order[i] + 1];
        }
        return new FaceAligner().align(new FrameImage(w, h, out, 0), new FaceLandmarks(mirrored));
    }

    /**
     * A crop that is not that person: the no-face photo aligned through the same landmarks (the kit
     * ships no second person; a test of your own with two people's photos checks more).
     */
    public static AlignedFace alignedSomeoneElse() {
        return new FaceAligner().align(noFace(), oneFaceLandmarks());
    }

    /** Reads a gzipped binary PPM (P6, 8 bits) shipped beside this class into a BGR frame. */
    static FrameImage read(String name) {
        try (InputStream raw = TestPhotos.class.getResourceAsStream("photos/" + name)) {
            if (raw == null) {
                throw new IllegalStateException("the test kit jar lacks photos/" + name + "; rebuild it");
            }
            byte[] all;
            try (InputStream in = new GZIPInputStream(raw); ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
                in.transferTo(bytes);
                all = bytes.toByteArray();
            }
            int[] header = new int[3];
            int pos = 2; // after "P6"
            for (int i = 0; i < 3; i++) {
                while (Character.isWhitespace(all[pos])) {
                    pos++;
                }
                int v = 0;
                while (Character.isDigit(all[pos])) {
                    v = v * 10 + (all[pos++] - '0');
                }
                header[i] = v;
            }
            pos++; // the single whitespace before the pixels
            int w = header[0], h = header[1];
            byte[] bgr = new byte[w * h * 3];
            for (int i = 0; i < w * h; i++) {
                bgr[i * 3] = all[pos + i * 3 + 2];
                bgr[i * 3 + 1] = all[pos + i * 3 + 1];
                bgr[i * 3 + 2] = all[pos + i * 3];
            }
            return new FrameImage(w, h, bgr, 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the test kit's photo " + name, e);
        }
    }
}
