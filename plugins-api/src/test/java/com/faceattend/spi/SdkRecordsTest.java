package com.faceattend.spi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The SDK's value types validate themselves: a plugin cannot build a malformed one. */
class SdkRecordsTest {

    @Test
    void providerInfoRequiresALicenceAndAMachineId() {
        ProviderInfo ok = new ProviderInfo("my-detector_2.0", "1.0.0", "My detector", "MIT", "Me");
        assertEquals("my-detector_2.0", ok.id());
        IllegalArgumentException noLicence = assertThrows(IllegalArgumentException.class,
                () -> new ProviderInfo("my-detector", "1.0.0", "My detector", " ", "Me"));
        assertEquals("provider my-detector must state its model licence", noLicence.getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new ProviderInfo("My Detector", "1", "d", "MIT", "v"))
                .getMessage().contains("lower-case"));
        assertThrows(IllegalArgumentException.class, () -> new ProviderInfo("-leading-dash", "1", "d", "MIT", "v"));
        assertThrows(NullPointerException.class, () -> new ProviderInfo("x", null, "d", "MIT", "v"));
    }

    @Test
    void embeddingsNormaliseAndRefuseToCompareAcrossModels() {
        Embedding a = Embedding.normalised("arc", new float[] {3, 4});
        assertArrayEquals(new float[] {0.6f, 0.8f}, a.vector(), 1e-6f);
        assertEquals(1f, a.cosine(a), 1e-6f);
        assertEquals(0f, a.cosine(Embedding.normalised("arc", new float[] {-4, 3})), 1e-6f);

        IncompatibleEmbeddingException otherModel = assertThrows(IncompatibleEmbeddingException.class,
                () -> a.cosine(Embedding.normalised("mobile", new float[] {3, 4})));
        assertTrue(otherModel.getMessage().contains("arc") && otherModel.getMessage().contains("mobile"), otherModel.getMessage());
        assertThrows(IncompatibleEmbeddingException.class, () -> a.cosine(Embedding.normalised("arc", new float[] {1, 2, 3})),
                "same id, other length: a different model whatever its name");

        assertTrue(assertThrows(IllegalArgumentException.class, () -> Embedding.normalised("arc", new float[] {0, 0}))
                .getMessage().contains("no direction"));
        assertThrows(IllegalArgumentException.class, () -> Embedding.normalised("arc", new float[] {Float.NaN, 1}));
        assertThrows(IllegalArgumentException.class, () -> Embedding.normalised("arc", new float[] {Float.POSITIVE_INFINITY, 1}));
        assertThrows(IllegalArgumentException.class, () -> new Embedding("arc", new float[0]));

        float[] raw = {1, 2};
        Embedding copy = Embedding.normalised("arc", raw);
        raw[0] = 100;
        assertEquals(Embedding.normalised("arc", new float[] {1, 2}), copy, "normalised copies its input");
        assertNotEquals(copy, Embedding.normalised("other", new float[] {1, 2}), "equality includes the model");
    }

    @Test
    void imagesAndBoxesCheckTheirShape() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new FrameImage(2, 2, new byte[11], 0))
                .getMessage().contains("expected 12 bytes"));
        assertThrows(IllegalArgumentException.class, () -> new FrameImage(0, 2, new byte[0], 0));
        FrameImage f = new FrameImage(2, 1, new byte[] {1, 2, 3, (byte) 250, 5, 6}, 7);
        assertEquals(250, f.sample(1, 0, 0), "samples are unsigned");

        assertThrows(IllegalArgumentException.class, () -> new AlignedFace(112, new byte[10]));
        AlignedFace face = new AlignedFace(2, new byte[] {1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4});
        assertArrayEquals(new byte[] {2, 2, 2, 1, 1, 1, 4, 4, 4, 3, 3, 3}, face.mirrored().bgr());
        assertArrayEquals(face.bgr(), face.mirrored().mirrored().bgr());

        assertThrows(IllegalArgumentException.class, () -> new FaceBox(0, 0, -1, 5));
        assertThrows(IllegalArgumentException.class, () -> new FaceBox(0, 0, Float.NaN, 5));
        FaceBox box = new FaceBox(0, 0, 10, 10);
        assertEquals(1f, box.iou(box), 1e-6f);
        assertEquals(0f, box.iou(new FaceBox(20, 20, 5, 5)));
        assertEquals(25f / 175f, box.iou(new FaceBox(5, 5, 10, 10)), 1e-6f);
        assertEquals(new FaceBox(-5, -5, 20, 20), box.scaled(2));

        assertThrows(IllegalArgumentException.class, () -> new FaceLandmarks(new float[8]));
        float[] xy = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        FaceLandmarks lm = new FaceLandmarks(xy);
        xy[0] = 99;
        assertEquals(1f, lm.x(0), "landmarks copy their array");
    }

    @Test
    void settingsAndSourcesValidate() {
        assertThrows(IllegalArgumentException.class, () -> new ProviderSettings(0, Map.of()));
        ProviderSettings s = new ProviderSettings(1, Map.of("minFaceSize", " 40 ", "bad", "x"));
        assertEquals(40f, s.floatOption("minFaceSize", 20f));
        assertEquals(20f, s.floatOption("absent", 20f));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> s.floatOption("bad", 1f)).getMessage()
                .contains("option bad must be a number"));

        assertEquals(SourceSpec.Kind.CAMERA, SourceSpec.parse(" 0 ").kind());
        assertEquals(0, SourceSpec.parse("0").cameraIndex());
        assertEquals(SourceSpec.Kind.STREAM, SourceSpec.parse("RTSP://cam/1").kind());
        assertTrue(SourceSpec.parse("rtsp://cam/1").isLive());
        assertEquals(SourceSpec.Kind.FILE, SourceSpec.parse("clip.mp4").kind());
        assertFalse(SourceSpec.parse("clip.mp4").isLive());
        assertThrows(IllegalStateException.class, () -> SourceSpec.parse("clip.mp4").cameraIndex());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SourceSpec.parse("  ")).getMessage().startsWith("no video source given"));
    }
}
