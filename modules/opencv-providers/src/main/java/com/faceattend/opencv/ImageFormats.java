package com.faceattend.opencv;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Recognises image formats by their first bytes and reads the pixel size from the header without
 * decoding, so that a huge image is refused before OpenCV allocates memory for it, and so that a
 * failed decode can be told apart as "corrupt" (a known format) or "not an image" (unknown bytes).
 * All reads are bounds-checked: a truncated header just gives no size.
 */
final class ImageFormats {

    /** What the first bytes say. {@code supported}: OpenCV here has a decoder for it. */
    enum Format {
        JPEG("JPEG", true), PNG("PNG", true), GIF("GIF", true), BMP("BMP", true), TIFF("TIFF", true),
        WEBP("WebP", true), PNM("PGM/PPM/PBM", true), PAM("PAM", true), PFM("PFM", true),
        // OpenEXR: this OpenCV build ships the codec disabled (OPENCV_IO_ENABLE_OPENEXR), for its security record
        JPEG2000("JPEG 2000", true), EXR("OpenEXR", false), HDR("Radiance HDR", true),
        SUN_RASTER("Sun raster", true),
        HEIF("HEIC/HEIF", false), AVIF("AVIF", false), JPEG_XL("JPEG XL", false), PSD("Photoshop PSD", false),
        ICO("Windows icon", false), PDF("PDF", false), SVG("SVG", false), VIDEO("video", false),
        UNKNOWN("unknown", false);

        final String label;
        final boolean supported;

        Format(String label, boolean supported) {
            this.label = label;
            this.supported = supported;
        }
    }

    private ImageFormats() {
    }

    static Format sniff(byte[] b) {
        if (startsWith(b, 0, 0xFF, 0xD8, 0xFF)) {
            return Format.JPEG;
        }
        if (startsWith(b, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Format.PNG;
        }
        if (ascii(b, 0, "GIF87a") || ascii(b, 0, "GIF89a")) {
            return Format.GIF;
        }
        if (ascii(b, 0, "BM") && b.length >= 26) {
            return Format.BMP;
        }
        if (startsWith(b, 0, 'I', 'I', 42, 0) || startsWith(b, 0, 'M', 'M', 0, 42)) {
            return Format.TIFF;
        }
        if (ascii(b, 0, "RIFF") && ascii(b, 8, "WEBP")) {
            return Format.WEBP;
        }
        if (b.length >= 3 && b[0] == 'P' && b[1] >= '1' && b[1] <= '6' && isSpace(b[2])) {
            return Format.PNM;
        }
        if (ascii(b, 0, "P7") && b.length >= 3 && isSpace(b[2])) {
            return Format.PAM;
        }
        if ((ascii(b, 0, "PF") || ascii(b, 0, "Pf")) && b.length >= 3 && isSpace(b[2])) {
            return Format.PFM;
        }
        if (startsWith(b, 0, 0, 0, 0, 0x0C, 'j', 'P', ' ', ' ') || startsWith(b, 0, 0xFF, 0x4F, 0xFF, 0x51)) {
            return Format.JPEG2000;
        }
        if (startsWith(b, 0, 0x76, 0x2F, 0x31, 0x01)) {
            return Format.EXR;
        }
        if (ascii(b, 0, "#?RADIANCE") || ascii(b, 0, "#?RGBE")) {
            return Format.HDR;
        }
        if (startsWith(b, 0, 0x59, 0xA6, 0x6A, 0x95)) {
            return Format.SUN_RASTER;
        }
        return sniffUnsupported(b);
    }

    /** Formats people try to open that OpenCV here cannot read: worth a specific message. */
    private static Format sniffUnsupported(byte[] b) {
        if (ascii(b, 4, "ftyp") && b.length >= 12) {
            String brand = new String(b, 8, 4, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
            return switch (brand) {
                case "heic", "heix", "hevc", "heim", "heis", "mif1", "msf1" -> Format.HEIF;
                case "avif", "avis" -> Format.AVIF;
                default -> Format.VIDEO; // mp4, mov, 3gp…
            };
        }
        if (startsWith(b, 0, 0xFF, 0x0A) || startsWith(b, 0, 0, 0, 0, 0x0C, 'J', 'X', 'L', ' ')) {
            return Format.JPEG_XL;
        }
        if (ascii(b, 0, "8BPS")) {
            return Format.PSD;
        }
        if (startsWith(b, 0, 0, 0, 1, 0) && b.length >= 6 && b[4] != 0) {
            return Format.ICO;
        }
        if (ascii(b, 0, "%PDF")) {
            return Format.PDF;
        }
        String head = new String(b, 0, Math.min(b.length, 256), StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        if (head.contains("<svg")) {
            return Format.SVG;
        }
        if (startsWith(b, 0, 0x1A, 0x45, 0xDF, 0xA3) || (ascii(b, 0, "RIFF") && ascii(b, 8, "AVI "))) {
            return Format.VIDEO; // Matroska/WebM, AVI
        }
        return Format.UNKNOWN;
    }

    /**
     * Width and height from the header, or {@code null} when the format has no cheap header
     * reader here (then the size is checked after decoding).
     */
    static long[] size(byte[] b, Format format) {
        try {
            return switch (format) {
                case JPEG -> jpegSize(b);
                case PNG -> ascii(b, 12, "IHDR") ? dims(u32be(b, 16), u32be(b, 20)) : null;
                case GIF -> dims(u16le(b, 6), u16le(b, 8));
                case BMP -> bmpSize(b);
                case WEBP -> webpSize(b);
                case PNM -> pnmSize(b);
                case TIFF -> tiffSize(b);
                case PFM -> pnmSize(b);
                case PAM -> pamSize(b);
                case SUN_RASTER -> dims(u32be(b, 4), u32be(b, 8));
                case HDR -> hdrSize(b);
                case JPEG2000 -> jpeg2000Size(b);
                default -> null;
            };
        } catch (ArrayIndexOutOfBoundsException truncated) {
            return null;
        }
    }

    /**
     * Formats whose OpenCV decoder allocates the whole image before we could check its size, and
     * that no face photo needs to arrive in without a readable header: without a size from the
     * header they are refused, not decoded (issue 18: 81 MP from a 5 MB HDR file).
     */
    static boolean needsHeaderSize(Format format) {
        return switch (format) {
            case PFM, PAM, SUN_RASTER, HDR, JPEG2000 -> true;
            default -> false;
        };
    }

    /** PAM: "P7", then "WIDTH w" / "HEIGHT h" lines up to ENDHDR. */
    private static long[] pamSize(byte[] b) {
        String head = new String(b, 0, Math.min(b.length, 4096), StandardCharsets.US_ASCII);
        int end = head.indexOf("ENDHDR");
        if (end < 0) {
            return null;
        }
        long w = -1, h = -1;
        for (String line : head.substring(0, end).split("\\R")) {
            String[] t = line.trim().split("\\s+");
            if (t.length == 2 && t[1].matches("\\d{1,10}")) {
                if (t[0].equals("WIDTH")) {
                    w = Long.parseLong(t[1]);
                } else if (t[0].equals("HEIGHT")) {
                    h = Long.parseLong(t[1]);
                }
            }
        }
        return w < 0 || h < 0 ? null : dims(w, h);
    }

    /** Radiance: header lines, an empty line, then e.g. "-Y 480 +X 640" (either axis first, any sign). */
    private static long[] hdrSize(byte[] b) {
        String head = new String(b, 0, Math.min(b.length, 65536), StandardCharsets.US_ASCII);
        int blank = head.indexOf("\n\n");
        if (blank < 0) {
            return null;
        }
        int eol = head.indexOf('\n', blank + 2);
        String[] t = head.substring(blank + 2, eol < 0 ? head.length() : eol).trim().split("\\s+");
        if (t.length != 4 || !t[1].matches("\\d{1,10}") || !t[3].matches("\\d{1,10}")) {
            return null;
        }
        long first = Long.parseLong(t[1]);
        long second = Long.parseLong(t[3]);
        return t[0].endsWith("Y") ? dims(second, first) : dims(first, second);
    }

    /** JPEG 2000: the codestream's SIZ marker (FF51), directly or inside a JP2 box; size = Xsiz-XOsiz by Ysiz-YOsiz. */
    private static long[] jpeg2000Size(byte[] b) {
        int limit = Math.min(b.length - 20, 65536);
        for (int i = 0; i < limit; i++) {
            if ((b[i] & 0xFF) == 0xFF && (b[i + 1] & 0xFF) == 0x51 && (i < 2 || (b[i - 2] & 0xFF) == 0xFF)) {
                long xsiz = u32be(b, i + 6), ysiz = u32be(b, i + 10), xo = u32be(b, i + 14), yo = u32be(b, i + 18);
                return dims(xsiz - xo, ysiz - yo);
            }
        }
        return null;
    }

    private static long[] jpegSize(byte[] b) {
        int i = 2;
        while (i + 9 < b.length) {
            if ((b[i] & 0xFF) != 0xFF) {
                return null;
            }
            int marker = b[i + 1] & 0xFF;
            if (marker == 0xFF) { // fill byte
                i++;
                continue;
            }
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD9)) { // markers without a length
                i += 2;
                continue;
            }
            boolean sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
            if (sof) {
                return dims(u16be(b, i + 7), u16be(b, i + 5));
            }
            if (marker == 0xDA) { // start of scan before any frame header: give up
                return null;
            }
            i += 2 + u16be(b, i + 2);
        }
        return null;
    }

    private static long[] bmpSize(byte[] b) {
        long headerSize = u32le(b, 14);
        if (headerSize == 12) { // OS/2 BITMAPCOREHEADER
            return dims(u16le(b, 18), u16le(b, 20));
        }
        int h = (int) u32le(b, 22); // negative height = top-down rows
        return dims((int) u32le(b, 18), Math.abs((long) h));
    }

    private static long[] webpSize(byte[] b) {
        if (ascii(b, 12, "VP8 ")) {
            return dims(u16le(b, 26) & 0x3FFF, u16le(b, 28) & 0x3FFF);
        }
        if (ascii(b, 12, "VP8L")) {
            int b0 = b[21] & 0xFF, b1 = b[22] & 0xFF, b2 = b[23] & 0xFF, b3 = b[24] & 0xFF;
            long w = 1 + (((b1 & 0x3F) << 8) | b0);
            long h = 1 + (((b3 & 0x0F) << 10) | (b2 << 2) | ((b1 & 0xC0) >> 6));
            return dims(w, h);
        }
        if (ascii(b, 12, "VP8X")) {
            return dims(1 + u24le(b, 24), 1 + u24le(b, 27));
        }
        return null;
    }

    /** P1..P6: magic, then width and height as text, with '#' comments allowed between tokens. */
    private static long[] pnmSize(byte[] b) {
        long[] values = new long[2];
        int i = 2;
        for (int k = 0; k < 2; k++) {
            while (i < b.length && (isSpace(b[i]) || b[i] == '#')) {
                if (b[i] == '#') {
                    while (i < b.length && b[i] != '\n' && b[i] != '\r') {
                        i++;
                    }
                } else {
                    i++;
                }
            }
            long v = 0;
            int digits = 0;
            while (i < b.length && b[i] >= '0' && b[i] <= '9' && digits < 10) {
                v = v * 10 + (b[i++] - '0');
                digits++;
            }
            if (digits == 0) {
                return null;
            }
            values[k] = v;
        }
        return dims(values[0], values[1]);
    }

    /** First IFD's ImageWidth (256) and ImageLength (257), SHORT or LONG. */
    private static long[] tiffSize(byte[] b) {
        boolean le = b[0] == 'I';
        long ifd = le ? u32le(b, 4) : u32be(b, 4);
        if (ifd < 8 || ifd > b.length - 2) {
            return null;
        }
        int p = (int) ifd;
        int count = le ? u16le(b, p) : u16be(b, p);
        long w = -1, h = -1;
        for (int e = 0; e < count; e++) {
            int q = p + 2 + e * 12;
            int tag = le ? u16le(b, q) : u16be(b, q);
            int type = le ? u16le(b, q + 2) : u16be(b, q + 2);
            long value = type == 3 ? (le ? u16le(b, q + 8) : u16be(b, q + 8))
                    : type == 4 ? (le ? u32le(b, q + 8) : u32be(b, q + 8)) : -1;
            if (tag == 256) {
                w = value;
            } else if (tag == 257) {
                h = value;
            }
        }
        return w > 0 && h > 0 ? dims(w, h) : null;
    }

    private static long[] dims(long w, long h) {
        return new long[] {w, h};
    }

    private static boolean isSpace(byte c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B;
    }

    private static boolean startsWith(byte[] b, int off, int... sig) {
        if (b.length < off + sig.length) {
            return false;
        }
        for (int i = 0; i < sig.length; i++) {
            if ((b[off + i] & 0xFF) != (sig[i] & 0xFF)) {
                return false;
            }
        }
        return true;
    }

    private static boolean ascii(byte[] b, int off, String s) {
        if (b.length < off + s.length()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (b[off + i] != (byte) s.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static int u16be(byte[] b, int i) {
        return ((b[i] & 0xFF) << 8) | (b[i + 1] & 0xFF);
    }

    private static int u16le(byte[] b, int i) {
        return (b[i] & 0xFF) | ((b[i + 1] & 0xFF) << 8);
    }

    private static long u24le(byte[] b, int i) {
        return (b[i] & 0xFF) | ((b[i + 1] & 0xFF) << 8) | ((long) (b[i + 2] & 0xFF) << 16);
    }

    private static long u32be(byte[] b, int i) {
        return ((long) u16be(b, i) << 16) | u16be(b, i + 2);
    }

    private static long u32le(byte[] b, int i) {
        return u16le(b, i) | ((long) u16le(b, i + 2) << 16);
    }
}
