package com.faceattend.opencv;

import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;

import com.faceattend.opencv.ImageFormats.Format;
import com.faceattend.spi.FrameImage;
import com.faceattend.spi.ImageDecodeException;
import com.faceattend.spi.ImageDecoder;
import com.faceattend.spi.ProviderInfo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Decodes image files (JPEG, PNG, BMP, WebP, TIFF, GIF, PGM/PPM, JPEG 2000…) into 8-bit BGR
 * {@link FrameImage}s with OpenCV.
 *
 * <p>What comes out is always the picture as a person sees it: the EXIF orientation is applied,
 * grey images get three equal channels, 16-bit images are scaled to 8 bits, the alpha channel is
 * dropped (not blended) and CMYK JPEGs are converted. Frames carry timestamp 0.
 *
 * <p>Never returns null: every failure is an {@link ImageDecodeException} naming the file, the
 * problem and a fix. Registered as the {@link ImageDecoder} service; stateless and thread-safe.
 */
public final class OpenCvImageDecoder implements ImageDecoder {
    /** Images above this many pixels are refused (a 50 MP BGR frame is already 150 MB). */
    public static final long MAX_PIXELS = 50_000_000L;

    /**
     * The most bytes read from one file: above any real photo of at most {@link #MAX_PIXELS} (an
     * uncompressed 50 MP BMP is 150 MB), far below a heap-filling read.
     */
    public static final long MAX_FILE_BYTES = 192L << 20;

    private static final String SUPPORTED = "JPEG, PNG, BMP, WebP, TIFF, GIF or PGM/PPM";

    private static final ProviderInfo INFO = new ProviderInfo("opencv-imgcodecs", "1.0.0",
            "Image files (OpenCV decoders)", "none (no model)", "FaceAttend, with OpenCV (Apache-2.0)");

    /** For the service registration; callers find the decoder through the provider registry. */
    public OpenCvImageDecoder() {
    }

    @Override
    public ProviderInfo info() {
        return INFO;
    }

    /**
     * Reads and decodes an image file. Only regular files are read (a FIFO would block forever, a
     * link to a device such as /dev/zero would never end), and never more than
     * {@link #MAX_FILE_BYTES}, whatever size the file system reports.
     */
    @Override
    public FrameImage decode(Path file) {
        Objects.requireNonNull(file, "file");
        if (Files.isDirectory(file)) {
            throw new ImageDecodeException(file + " is a folder, not an image file",
                    "choose an image file inside it, or use the folder as an image-folder source");
        }
        if (!Files.exists(file)) {
            throw new ImageDecodeException("image file " + file + " not found",
                    "check the path: the file may have been moved, renamed or deleted");
        }
        if (!Files.isRegularFile(file)) { // follows links: a link to a photo is fine, one to a device is not
            throw new ImageDecodeException(file + " is not a regular file (a pipe, device or socket), not an image file",
                    "choose a photo file saved on disk");
        }
        return decode(readLimited(file), file.toString());
    }

    /** The file's bytes, refusing it once it proves larger than {@link #MAX_FILE_BYTES}. */
    private static byte[] readLimited(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes((int) MAX_FILE_BYTES + 1);
            if (bytes.length > MAX_FILE_BYTES) {
                throw new ImageDecodeException("image file " + file + " is too large (over " + MAX_FILE_BYTES / (1 << 20) + " MB)",
                        "scale the image down below " + MAX_PIXELS / 1_000_000 + " megapixels and save it as JPEG or PNG");
            }
            return bytes;
        } catch (NoSuchFileException e) {
            throw new ImageDecodeException("image file " + file + " not found", "check the path: the file may have been moved, renamed or deleted", e);
        } catch (AccessDeniedException e) {
            throw new ImageDecodeException("image file " + file + " cannot be read: permission denied",
                    "give the FaceAttend user read permission on the file", e);
        } catch (IOException e) {
            throw new ImageDecodeException("image file " + file + " cannot be read: " + e.getMessage(),
                    "check the disk or network share the file is on and try again", e);
        }
    }

    /**
     * Decodes an encoded image held in memory.
     *
     * @param nameForMessages what to call the image in error messages (a file name or URL)
     */
    @Override
    public FrameImage decode(byte[] encoded, String nameForMessages) {
        Objects.requireNonNull(encoded, "encoded");
        String name = nameForMessages == null ? "image" : nameForMessages;
        if (encoded.length == 0) {
            throw new ImageDecodeException("image " + name + " is empty (0 bytes)",
                    "the copy or download was probably interrupted: copy the image again");
        }
        Format format = ImageFormats.sniff(encoded);
        if (!format.supported) {
            throw unsupported(name, format);
        }
        long[] header = ImageFormats.size(encoded, format);
        if (header != null) {
            checkPixels(name, header[0], header[1]);
        } else if (ImageFormats.needsHeaderSize(format)) {
            throw new ImageDecodeException("image " + name + " is corrupt: its " + format.label
                    + " header does not say how large the picture is",
                    "open it in an image viewer to check it, or save it again as JPEG or PNG");
        }
        // PointerScope frees the encoded copy and the decoded Mat whatever happens below.
        try (PointerScope scope = new PointerScope()) {
            Mat buffer = Mats.wrapEncoded(encoded);
            Mat mat;
            try {
                // IMREAD_COLOR = 8-bit BGR out, EXIF orientation applied, grey/16-bit/alpha/CMYK converted.
                mat = imdecode(buffer, IMREAD_COLOR);
            } catch (RuntimeException e) { // cv::Exception from a decoder
                throw corrupt(name, format, e);
            }
            if (mat == null || mat.empty()) {
                throw corrupt(name, format, null);
            }
            checkPixels(name, mat.cols(), mat.rows());
            return Mats.toFrame(mat, 0L);
        }
    }

    private static void checkPixels(String name, long width, long height) {
        if (width <= 0 || height <= 0) {
            throw new ImageDecodeException("image " + name + " says it is " + width + "x" + height + " pixels, which is impossible: the file is corrupt",
                    "open it in an image viewer to check it; copy or export it again");
        }
        if (width * height > MAX_PIXELS) {
            throw new ImageDecodeException(String.format(Locale.ROOT,
                    "image %s is too large: %dx%d = %.1f megapixels, the limit is %d", name, width, height,
                    width * height / 1e6, MAX_PIXELS / 1_000_000),
                    "scale it down (for example to 4000x3000) and try again");
        }
    }

    private static ImageDecodeException unsupported(String name, Format format) {
        return switch (format) {
            case UNKNOWN -> new ImageDecodeException(name + " is not an image: its content is no known image format",
                    "choose a " + SUPPORTED + " file");
            case HEIF, AVIF -> new ImageDecodeException("image " + name + " is in " + format.label + " format, which FaceAttend cannot read",
                    "convert it to JPEG (on an iPhone: Settings > Camera > Formats > Most Compatible)");
            case VIDEO -> new ImageDecodeException(name + " is a video, not an image",
                    "use it as a video-file source, or choose a " + SUPPORTED + " file");
            default -> new ImageDecodeException("image " + name + " is in " + format.label + " format, which FaceAttend cannot read",
                    "convert it to " + SUPPORTED);
        };
    }

    private static ImageDecodeException corrupt(String name, Format format, Throwable cause) {
        String detail = cause == null ? "" : " (" + openCvReason(cause.getMessage()) + ")";
        return new ImageDecodeException("image " + name + " is corrupt or truncated: its " + format.label
                + " data could not be decoded" + detail,
                "open it in an image viewer to check it; copy or export it again", cause);
    }

    /** "OpenCV(4.x) /build/path/file.cpp:88: error: (-2:Unspecified error) RGBE read error in function 'f'" -> "RGBE read error". */
    private static final java.util.regex.Pattern OPENCV_ERROR =
            java.util.regex.Pattern.compile("error: \\(-?\\d+:[^)]*\\) (.*?)(?: in function '[^']*')?\\s*$");

    /** The decoder's reason without OpenCV's build paths and source lines, which mean nothing to a user. */
    static String openCvReason(String message) {
        String line = firstLine(message);
        java.util.regex.Matcher m = OPENCV_ERROR.matcher(line);
        if (m.find()) {
            return m.group(1).trim();
        }
        return line.contains("/") || line.contains("\\") ? "decoder error" : line;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "decoder error";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).trim();
    }
}
