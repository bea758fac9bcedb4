package com.faceattend.opencv;

import static org.bytedeco.opencv.global.opencv_core.CV_16UC3;
import static org.bytedeco.opencv.global.opencv_core.ROTATE_180;
import static org.bytedeco.opencv.global.opencv_core.ROTATE_90_CLOCKWISE;
import static org.bytedeco.opencv.global.opencv_core.ROTATE_90_COUNTERCLOCKWISE;
import static org.bytedeco.opencv.global.opencv_core.rotate;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_IGNORE_ORIENTATION;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_UNCHANGED;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.faceattend.spi.FrameImage;
import com.faceattend.spi.ImageDecodeException;
import com.faceattend.spi.ImageDecoder;
import com.faceattend.spi.ProviderException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.javacpp.indexer.UShortIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImageDecoderTest {

    @Test
    void isFoundAsTheImageDecoderService() {
        List<ImageDecoder> installed = ServiceLoader.load(ImageDecoder.class).stream().map(ServiceLoader.Provider::get).toList();
        assertEquals(List.of(OpenCvImageDecoder.class), installed.stream().map(Object::getClass).toList());
        assertEquals("opencv-imgcodecs", installed.getFirst().info().id());
    }

    @Test
    void exifOrientationIsApplied() throws IOException {
        List<Path> photos;
        try (Stream<Path> s = Files.walk(TestData.file("liveness-samples"))) {
            photos = s.filter(p -> p.toString().endsWith(".jpg")).sorted().toList();
        }
        assertEquals(4, photos.size(), "liveness-samples should hold 4 photos");
        int rotated = 0;
        for (Path photo : photos) {
            byte[] bytes = Files.readAllBytes(photo);
            int orientation = JpegTestFiles.exifOrientation(bytes);
            int[] stored = JpegTestFiles.storedSize(bytes);
            boolean swaps = orientation >= 5 && orientation <= 8; // 5..8 turn the picture by 90 degrees
            FrameImage image = TestData.DECODER.decode(photo);
            int[] expected = swaps ? new int[] {stored[1], stored[0]} : stored;
            assertArrayEquals(expected, new int[] {image.width(), image.height()},
                    photo + " has EXIF orientation " + orientation + " and stored size " + Arrays.toString(stored));
            if (orientation > 1) {
                rotated++;
                assertEquals(rotatedRaw(bytes, orientation), Arrays.hashCode(image.bgr()),
                        photo + ": pixels must equal the stored image turned as EXIF " + orientation + " says");
            }
        }
        assertEquals(3, rotated, "3 of the 4 liveness photos carry an EXIF orientation other than 1");
    }

    /** Hash of the stored pixels (orientation ignored), turned as EXIF orientation 3, 6 or 8 says. */
    private static int rotatedRaw(byte[] jpeg, int orientation) {
        try (PointerScope scope = new PointerScope()) {
            Mat raw = imdecode(Mats.wrapEncoded(jpeg), IMREAD_COLOR | IMREAD_IGNORE_ORIENTATION);
            Mat turned = new Mat();
            switch (orientation) {
                case 3 -> rotate(raw, turned, ROTATE_180);
                case 6 -> rotate(raw, turned, ROTATE_90_CLOCKWISE);
                case 8 -> rotate(raw, turned, ROTATE_90_COUNTERCLOCKWISE);
                default -> throw new IllegalArgumentException("test handles orientations 3, 6, 8; got " + orientation);
            }
            return Arrays.hashCode(Mats.toFrame(turned, 0).bgr());
        }
    }

    @Test
    void greyPgmBecomesThreeEqualChannels() {
        FrameImage image = TestData.DECODER.decode(TestData.file("att/s1/1.pgm"));
        assertEquals(92, image.width());
        assertEquals(112, image.height());
        int max = 0;
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < image.width(); x++) {
                int b = image.sample(x, y, 0);
                assertEquals(b, image.sample(x, y, 1));
                assertEquals(b, image.sample(x, y, 2));
                max = Math.max(max, b);
            }
        }
        assertTrue(max > 100, "grey photo should not be black");
    }

    @ParameterizedTest
    @ValueSource(strings = {".png", ".tiff"})
    void sixteenBitImagesAreScaledToEightBits(String extension) {
        byte[] encoded;
        try (PointerScope scope = new PointerScope()) {
            Mat deep = new Mat(16, 256, CV_16UC3);
            UShortIndexer px = deep.createIndexer();
            for (int y = 0; y < 16; y++) {
                for (int x = 0; x < 256; x++) {
                    px.put(y, x, 0, x * 257);        // B: 0..65535 across the row
                    px.put(y, x, 1, 40000);          // G
                    px.put(y, x, 2, 65535 - x * 257); // R
                }
            }
            BytePointer out = new BytePointer();
            assertTrue(imencode(extension, deep, out));
            encoded = new byte[(int) out.limit()];
            out.get(encoded);
        }
        FrameImage image = TestData.DECODER.decode(encoded, "deep" + extension);
        assertEquals(256, image.width());
        assertEquals(16, image.height());
        for (int x = 0; x < 256; x++) {
            assertEquals(x, image.sample(x, 7, 0), 1, "B at x=" + x);
            assertEquals(40000 / 256, image.sample(x, 7, 1), 1, "G at x=" + x);
            assertEquals(255 - x, image.sample(x, 7, 2), 1, "R at x=" + x);
        }
    }

    @Test
    void alphaIsDropped() throws IOException {
        Path png = TestData.file("video-and-small/misc/32bit.png");
        byte[] bytes = Files.readAllBytes(png);
        assertEquals(6, bytes[25], "the sample is an RGBA PNG (IHDR colour type 6)");
        try (PointerScope scope = new PointerScope()) {
            assertEquals(4, imdecode(Mats.wrapEncoded(bytes), IMREAD_UNCHANGED).channels());
        }
        FrameImage image = TestData.DECODER.decode(png);
        assertEquals(626, image.width());
        assertEquals(1200, image.height());
        assertEquals(626 * 1200 * 3, image.bgr().length);
        assertTrue(distinctValues(image.bgr()) > 50, "decoded picture should have real content");
    }

    @Test
    void cmykJpegIsConvertedToBgr() {
        // Left half pure magenta+yellow ink (red), right half cyan+magenta ink (blue), a black bottom stripe.
        byte[] jpeg = JpegTestFiles.cmyk(64, 48, (bx, by) -> by == 5 ? new int[] {0, 0, 0, 255}
                : bx < 4 ? new int[] {0, 255, 255, 0} : new int[] {255, 255, 0, 0});
        FrameImage image = TestData.DECODER.decode(jpeg, "cmyk.jpg");
        assertEquals(64, image.width());
        assertEquals(48, image.height());
        int[] red = {image.sample(10, 10, 0), image.sample(10, 10, 1), image.sample(10, 10, 2)};
        int[] blue = {image.sample(50, 10, 0), image.sample(50, 10, 1), image.sample(50, 10, 2)};
        int[] black = {image.sample(30, 44, 0), image.sample(30, 44, 1), image.sample(30, 44, 2)};
        assertTrue(red[2] > 200 && red[1] < 50 && red[0] < 50, "red area decoded as BGR " + Arrays.toString(red));
        assertTrue(blue[0] > 200 && blue[1] < 50 && blue[2] < 50, "blue area decoded as BGR " + Arrays.toString(blue));
        assertTrue(black[0] < 30 && black[1] < 30 && black[2] < 30, "black area decoded as BGR " + Arrays.toString(black));
    }

    @Test
    void ordinaryJpegFromMemory() throws IOException {
        byte[] bytes = Files.readAllBytes(TestData.file("video-and-small/misc/obama-240p.jpg"));
        FrameImage image = TestData.DECODER.decode(bytes, "obama-240p.jpg");
        assertEquals(240, image.height());
        assertEquals(0L, image.timestampMillis());
        assertTrue(distinctValues(image.bgr()) > 50);
    }

    @Test
    void truncatedJpegIsReportedAsCorrupt(@TempDir Path dir) throws IOException {
        byte[] whole = Files.readAllBytes(TestData.file("video-and-small/misc/obama3.jpg"));
        for (int percent : new int[] {10, 50, 90, 99}) {
            Path cut = dir.resolve("cut-" + percent + ".jpg");
            Files.write(cut, Arrays.copyOf(whole, whole.length * percent / 100));
            ImageDecodeException e = assertThrows(ImageDecodeException.class, () -> TestData.DECODER.decode(cut));
            assertTrue(e.getMessage().contains(cut.toString()), e.getMessage());
            assertTrue(e.getMessage().contains("corrupt or truncated"), e.getMessage());
            assertTrue(e.getMessage().contains("JPEG"), e.getMessage());
            assertTrue(e.fix() != null && !e.fix().isBlank());
        }
    }

    @Test
    void randomBytesAreNotAnImage(@TempDir Path dir) throws IOException {
        byte[] noise = new byte[4096];
        new Random(42).nextBytes(noise);
        noise[0] = 0x11; // make sure no magic number matches by chance
        Path file = dir.resolve("holiday.jpg");
        Files.write(file, noise);
        ImageDecodeException e = assertThrows(ImageDecodeException.class, () -> TestData.DECODER.decode(file));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("not an image"), e.getMessage());
    }

    @Test
    void jpegHeaderFollowedByGarbageIsCorrupt(@TempDir Path dir) throws IOException {
        byte[] bytes = new byte[2048];
        new Random(7).nextBytes(bytes);
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xD8;
        bytes[2] = (byte) 0xFF;
        Path file = dir.resolve("garbage.jpg");
        Files.write(file, bytes);
        ImageDecodeException e = assertThrows(ImageDecodeException.class, () -> TestData.DECODER.decode(file));
        assertTrue(e.getMessage().contains("garbage.jpg") && e.getMessage().contains("corrupt"), e.getMessage());
    }

    @Test
    void emptyFile(@TempDir Path dir) throws IOException {
        Path file = Files.createFile(dir.resolve("empty.png"));
        ImageDecodeException e = assertThrows(ImageDecodeException.class, () -> TestData.DECODER.decode(file));
        assertTrue(e.getMessage().contains("empty.png") && e.getMessage().contains("empty"), e.getMessage());
    }

    @Test
    void missingFileAndFolder(@TempDir Path dir) {
        Path missing = dir.resolve("nobody.jpg");
        ImageDecodeException e = assertThrows(ImageDecodeException.class, () -> TestData.DECODER.decode(missing));
        assertTrue(e.getMessage().contains("nobody.jpg") && e.getMessage().contains("not found"), e.getMessage());
        ImageDecodeException folder = assertThrows(ImageDecodeException.class, () -> TestData.DECODER.decode(dir));
        assertTrue(folder.getMessage().contains("is a folder"), folder.getMessage());
        assertTrue(ProviderException.class.isAssignableFrom(ImageDecodeException.class));
    }

    @Test
    void hugeImageIsRefusedFromItsHeader() {
        // A PNG signature and IHDR claiming 10000x10000 and nothing else: refused before decoding.
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R',
            0, 0, 0x27, 0x10, 0, 0, 0x27, 0x10, 8, 2, 0, 0, 0, 0, 0, 0, 0};
        ImageDecodeException e = assertThrows(ImageDecodeException.class, () -> TestData.DECODER.decode(png, "poster.png"));
        assertTrue(e.getMessage().contains("poster.png") && e.getMessage().contains("10000x10000")
                && e.getMessage().contains("too large"), e.getMessage());
        byte[] pgm = "P5\n# big scan\n9000 6000\n255\n".getBytes(StandardCharsets.US_ASCII);
        ImageDecodeException e2 = assertThrows(ImageDecodeException.class, () -> TestData.DECODER.decode(pgm, "scan.pgm"));
        assertTrue(e2.getMessage().contains("9000x6000"), e2.getMessage());
    }

    @Test
    void unsupportedFormatsAreNamed() {
        byte[] heic = {0, 0, 0, 24, 'f', 't', 'y', 'p', 'h', 'e', 'i', 'c', 0, 0, 0, 0, 'm', 'i', 'f', '1', 'h', 'e', 'i', 'c'};
        ImageDecodeException e = assertThrows(ImageDecodeException.class, () -> TestData.DECODER.decode(heic, "IMG_0001.HEIC"));
        assertTrue(e.getMessage().contains("IMG_0001.HEIC") && e.getMessage().contains("HEIC"), e.getMessage());
        assertTrue(e.fix().contains("JPEG"), e.fix());
    }

    @Test
    void headerSizesMatchDecodedSizes() throws IOException {
        for (String f : new String[] {"att/s1/1.pgm", "video-and-small/misc/32bit.png", "video-and-small/misc/obama-720p.jpg"}) {
            byte[] bytes = Files.readAllBytes(TestData.file(f));
            long[] header = ImageFormats.size(bytes, ImageFormats.sniff(bytes));
            FrameImage image = TestData.DECODER.decode(bytes, f);
            assertArrayEquals(new long[] {image.width(), image.height()}, header, f);
        }
    }

    static int distinctValues(byte[] data) {
        boolean[] seen = new boolean[256];
        int n = 0;
        for (byte b : data) {
            if (!seen[b & 0xFF]) {
                seen[b & 0xFF] = true;
                n++;
            }
        }
        return n;
    }
}
