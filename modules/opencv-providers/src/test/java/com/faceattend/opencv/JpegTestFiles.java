package com.faceattend.opencv;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Test-side JPEG tools written from the JPEG/EXIF specifications, independent of the code under
 * test: an EXIF orientation reader, a frame-header size reader, and a tiny encoder for 4-channel
 * (Adobe CMYK) JPEGs, which neither OpenCV nor the JDK can write and no tool on the build machines
 * makes.
 */
final class JpegTestFiles {
    private JpegTestFiles() {
    }

    /** EXIF orientation tag (0x0112) value, or -1 when the file has no such tag. */
    static int exifOrientation(byte[] jpeg) {
        int i = 2;
        while (i + 4 < jpeg.length && (jpeg[i] & 0xFF) == 0xFF) {
            int marker = jpeg[i + 1] & 0xFF;
            int length = ((jpeg[i + 2] & 0xFF) << 8) | (jpeg[i + 3] & 0xFF);
            if (marker == 0xDA) {
                return -1;
            }
            if (marker == 0xE1 && new String(jpeg, i + 4, 6, StandardCharsets.ISO_8859_1).equals("Exif\0\0")) {
                ByteBuffer tiff = ByteBuffer.wrap(jpeg, i + 10, length - 8).slice();
                tiff.order(tiff.get(0) == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
                int ifd = tiff.getInt(4);
                int entries = tiff.getShort(ifd) & 0xFFFF;
                for (int e = 0; e < entries; e++) {
                    int at = ifd + 2 + e * 12;
                    if ((tiff.getShort(at) & 0xFFFF) == 0x0112) {
                        return tiff.getShort(at + 8) & 0xFFFF;
                    }
                }
                return -1;
            }
            i += 2 + length;
        }
        return -1;
    }

    /** {width, height} as stored in the JPEG frame header (before any EXIF rotation). */
    static int[] storedSize(byte[] jpeg) {
        int i = 2;
        while (i + 9 < jpeg.length) {
            int marker = jpeg[i + 1] & 0xFF;
            int length = ((jpeg[i + 2] & 0xFF) << 8) | (jpeg[i + 3] & 0xFF);
            if (marker == 0xC0 || marker == 0xC1 || marker == 0xC2) {
                int h = ((jpeg[i + 5] & 0xFF) << 8) | (jpeg[i + 6] & 0xFF);
                int w = ((jpeg[i + 7] & 0xFF) << 8) | (jpeg[i + 8] & 0xFF);
                return new int[] {w, h};
            }
            i += 2 + length;
        }
        throw new IllegalArgumentException("no JPEG frame header");
    }

    /** Ink values (0 = none, 255 = full) for the 8x8 block at block column bx, block row by. */
    interface Ink {
        int[] cmyk(int bx, int by);
    }

    /**
     * A baseline 4-component JPEG with an Adobe APP14 marker (transform 0 = CMYK, stored inverted
     * as Photoshop does). Every 8x8 block is flat, so only DC coefficients are coded; with a
     * quantisation table of ones the flat colours survive exactly.
     */
    static byte[] cmyk(int width, int height, Ink ink) {
        if (width % 8 != 0 || height % 8 != 0) {
            throw new IllegalArgumentException("size must be a multiple of 8");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        marker(out, 0xD8);
        segment(out, 0xEE, concat("Adobe".getBytes(StandardCharsets.ISO_8859_1), new byte[] {0, 100, 0, 0, 0, 0, 0}));
        byte[] dqt = new byte[65];
        java.util.Arrays.fill(dqt, 1, 65, (byte) 1);
        segment(out, 0xDB, dqt);
        byte[] sof = {8, (byte) (height >> 8), (byte) height, (byte) (width >> 8), (byte) width, 4,
            1, 0x11, 0, 2, 0x11, 0, 3, 0x11, 0, 4, 0x11, 0};
        segment(out, 0xC0, sof);
        byte[] dht = concat(new byte[] {0x00}, DC_BITS, DC_VALUES, new byte[] {0x10}, AC_BITS, AC_VALUES);
        segment(out, 0xC4, dht);
        segment(out, 0xDA, new byte[] {4, 1, 0, 2, 0, 3, 0, 4, 0, 0, 63, 0});
        BitWriter bits = new BitWriter(out);
        int[][] dcCodes = canonicalCodes(DC_BITS, DC_VALUES);
        int[] previous = new int[4];
        for (int by = 0; by < height / 8; by++) {
            for (int bx = 0; bx < width / 8; bx++) {
                int[] values = ink.cmyk(bx, by);
                for (int c = 0; c < 4; c++) {
                    int stored = 255 - values[c]; // Adobe CMYK is stored inverted
                    int dc = 8 * (stored - 128);   // DC of a flat block with unit quantisation
                    int diff = dc - previous[c];
                    previous[c] = dc;
                    int category = diff == 0 ? 0 : 32 - Integer.numberOfLeadingZeros(Math.abs(diff));
                    bits.write(dcCodes[category][0], dcCodes[category][1]);
                    if (category > 0) {
                        bits.write(diff >= 0 ? diff : diff + (1 << category) - 1, category);
                    }
                    bits.write(0, 1); // AC table's only code, "0" = end of block
                }
            }
        }
        bits.flush();
        marker(out, 0xD9);
        return out.toByteArray();
    }

    // The standard luminance DC table (categories 0..11); an AC table holding only EOB.
    private static final byte[] DC_BITS = {0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0};
    private static final byte[] DC_VALUES = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
    private static final byte[] AC_BITS = {1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
    private static final byte[] AC_VALUES = {0};

    /** codes[symbol] = {code, length}. */
    private static int[][] canonicalCodes(byte[] bits, byte[] values) {
        int[][] codes = new int[256][];
        int code = 0;
        int k = 0;
        for (int length = 1; length <= 16; length++) {
            for (int n = 0; n < bits[length - 1]; n++) {
                codes[values[k++] & 0xFF] = new int[] {code++, length};
            }
            code <<= 1;
        }
        return codes;
    }

    private static void marker(ByteArrayOutputStream out, int marker) {
        out.write(0xFF);
        out.write(marker);
    }

    private static void segment(ByteArrayOutputStream out, int marker, byte[] body) {
        marker(out, marker);
        out.write((body.length + 2) >> 8);
        out.write(body.length + 2);
        out.writeBytes(body);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /** MSB-first bit writer with JPEG byte stuffing (0xFF is followed by 0x00). */
    private static final class BitWriter {
        private final ByteArrayOutputStream out;
        private int buffer;
        private int count;

        BitWriter(ByteArrayOutputStream out) {
            this.out = out;
        }

        void write(int value, int length) {
            for (int i = length - 1; i >= 0; i--) {
                buffer = (buffer << 1) | ((value >> i) & 1);
                if (++count == 8) {
                    emit();
                }
            }
        }

        void flush() {
            while (count != 0) {
                write(1, 1); // pad with ones
            }
        }

        private void emit() {
            out.write(buffer);
            if (buffer == 0xFF) {
                out.write(0);
            }
            buffer = 0;
            count = 0;
        }
    }
}
