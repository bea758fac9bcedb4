package com.faceattend.opencv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.faceattend.spi.FrameImage;
import com.faceattend.spi.FrameSource;
import com.faceattend.spi.ProviderException;
import com.faceattend.spi.SourceSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFolderFrameSourceTest {
    private final ImageFolderFrameSourceProvider provider = new ImageFolderFrameSourceProvider();

    @Test
    void playsPgmFolderInNameOrder() {
        Path folder = TestData.file("att/s1");
        SourceSpec spec = SourceSpec.parse(folder.toString());
        assertEquals(SourceSpec.Kind.FOLDER, spec.kind());
        assertTrue(provider.supports(spec));
        try (FrameSource source = provider.open(spec)) {
            List<String> names = ((ImageFolderFrameSource) source).files().stream().map(p -> p.getFileName().toString()).toList();
            assertEquals(List.of("1.pgm", "10.pgm", "2.pgm", "3.pgm", "4.pgm", "5.pgm", "6.pgm", "7.pgm", "8.pgm", "9.pgm"), names);
            int n = 0;
            FrameImage f;
            while ((f = source.next()) != null) {
                assertEquals(92, f.width());
                assertEquals(112, f.height());
                assertEquals(n * 1000L, f.timestampMillis());
                n++;
            }
            assertEquals(10, n);
            assertNull(source.next());
            assertEquals(0.0, source.frameRate());
        }
    }

    @Test
    void corruptFileIsSkippedWithAWarning(@TempDir Path dir) throws IOException {
        Files.copy(TestData.file("att/s2/1.pgm"), dir.resolve("a.pgm"));
        byte[] jpeg = Files.readAllBytes(TestData.file("video-and-small/misc/obama-240p.jpg"));
        Files.write(dir.resolve("b-broken.jpg"), Arrays.copyOf(jpeg, jpeg.length / 3));
        Files.copy(TestData.file("video-and-small/misc/obama-240p.jpg"), dir.resolve("c.JPG"));
        Files.writeString(dir.resolve("readme.txt"), "not an image, and not even looked at");
        Files.createDirectory(dir.resolve("d-sub.png")); // a folder named like an image is no image
        List<LogRecord> warnings = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord r) {
                warnings.add(r);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(ImageFolderFrameSource.class.getName());
        logger.addHandler(handler);
        try (FrameSource source = provider.open(SourceSpec.parse(dir.toString()))) {
            FrameImage first = source.next();
            FrameImage second = source.next();
            assertNull(source.next());
            assertEquals(92, first.width());
            assertEquals(240, second.height());
            assertEquals(2000L, second.timestampMillis(), "timestamps count every listed file, skipped ones too");
        } finally {
            logger.removeHandler(handler);
        }
        assertEquals(1, warnings.size());
        assertEquals(Level.WARNING, warnings.get(0).getLevel());
        assertTrue(warnings.get(0).getMessage().contains("b-broken.jpg"), warnings.get(0).getMessage());
    }

    @Test
    void emptyFolder(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("notes.txt"), "no images here");
        ProviderException e = assertThrows(ProviderException.class, () -> provider.open(SourceSpec.parse(dir.toString())));
        assertEquals("folder " + dir + " has no images", e.getMessage());
    }

    @Test
    void folderOfOnlyBrokenImages(@TempDir Path dir) throws IOException {
        Files.write(dir.resolve("x.png"), new byte[] {1, 2, 3});
        try (FrameSource source = provider.open(SourceSpec.parse(dir.toString()))) {
            ProviderException e = assertThrows(ProviderException.class, source::next);
            assertTrue(e.getMessage().contains("has no readable images"), e.getMessage());
        }
    }

    @Test
    void missingFolder(@TempDir Path dir) {
        Path gone = dir.resolve("gone");
        ProviderException e = assertThrows(ProviderException.class,
                () -> provider.open(new SourceSpec(SourceSpec.Kind.FOLDER, gone.toString())));
        assertEquals("folder " + gone + " not found", e.getMessage());
    }
}
