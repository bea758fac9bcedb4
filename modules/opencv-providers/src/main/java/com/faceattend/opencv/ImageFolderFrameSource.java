package com.faceattend.opencv;

import com.faceattend.spi.FrameImage;
import com.faceattend.spi.FrameSource;
import com.faceattend.spi.ImageDecodeException;
import com.faceattend.spi.ImageDecoder;
import com.faceattend.spi.Problem;
import com.faceattend.spi.ProviderException;
import com.faceattend.spi.SourceSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The images of one folder (not its sub-folders), in file-name order, decoded with
 * {@link OpenCvImageDecoder}. A file that does not decode is skipped with a warning. The folder is listed
 * once, when the source opens.
 *
 * <p>Frame {@code i} (counting from 0 over the files listed) carries timestamp {@code i * 1000}:
 * a position, not a capture time; {@link #frameRate()} is 0 (unknown).
 */
public final class ImageFolderFrameSource implements FrameSource {
    /** File extensions (lower case) taken as images. */
    public static final Set<String> EXTENSIONS =
            Set.of("jpg", "jpeg", "png", "bmp", "pgm", "ppm", "webp", "tif", "tiff");

    private static final Logger LOG = Logger.getLogger(ImageFolderFrameSource.class.getName());
    private static final ImageDecoder DECODER = new OpenCvImageDecoder();

    private final SourceSpec spec;
    private final Path folder;
    private final List<Path> files;
    private int nextIndex;
    private int delivered;
    private boolean closed;

    private ImageFolderFrameSource(SourceSpec spec, Path folder, List<Path> files) {
        this.spec = spec;
        this.folder = folder;
        this.files = files;
    }

    static ImageFolderFrameSource open(SourceSpec spec) {
        Path folder = Path.of(spec.location());
        if (!Files.exists(folder)) {
            throw new ProviderException(Problem.Kind.SOURCE_UNAVAILABLE, "folder " + folder + " not found", "check the path: the folder may have been moved or renamed");
        }
        if (!Files.isDirectory(folder)) {
            throw new ProviderException(Problem.Kind.SOURCE_UNAVAILABLE, folder + " is not a folder", "choose a folder of images, or open the file as a video source");
        }
        List<Path> images;
        try (Stream<Path> entries = Files.list(folder)) {
            images = entries.filter(ImageFolderFrameSource::isImageFile)
                    .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                    .toList();
        } catch (IOException | SecurityException e) {
            throw new ProviderException(Problem.Kind.SOURCE_UNAVAILABLE, "folder " + folder + " cannot be read: " + e.getMessage(),
                    "give the FaceAttend user read permission on the folder", e);
        }
        if (images.isEmpty()) {
            throw new ProviderException(Problem.Kind.SOURCE_UNAVAILABLE, "folder " + folder + " has no images",
                    "put " + String.join(", ", EXTENSIONS.stream().sorted().toList()) + " files in it, or choose another folder");
        }
        return new ImageFolderFrameSource(spec, folder, images);
    }

    static boolean isImageFile(Path p) {
        String name = p.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return !name.startsWith(".") && dot > 0
                && EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT))
                && Files.isRegularFile(p);
    }

    @Override
    public FrameImage next() {
        if (closed) {
            throw new IllegalStateException("image folder " + folder + " is closed");
        }
        while (nextIndex < files.size()) {
            int index = nextIndex++;
            Path file = files.get(index);
            try {
                FrameImage image = DECODER.decode(file);
                delivered++;
                return new FrameImage(image.width(), image.height(), image.bgr(), index * 1000L);
            } catch (ImageDecodeException e) {
                // One bad file must not stop a batch: say which, and go on.
                LOG.warning(() -> "skipping " + file + ": " + e.getMessage() + " (" + e.fix() + ")");
            }
        }
        if (delivered == 0) {
            throw new ProviderException(Problem.Kind.SOURCE_UNAVAILABLE, "folder " + folder + " has no readable images: all " + files.size() + " failed to decode",
                    "see the log for each file's problem; replace the files with JPEG or PNG copies");
        }
        return null;
    }

    /** The image files found when the folder was opened, in the order they are played. */
    public List<Path> files() {
        return files;
    }

    @Override
    public SourceSpec spec() {
        return spec;
    }

    @Override
    public double frameRate() {
        return 0;
    }

    @Override
    public void close() {
        closed = true;
    }
}
