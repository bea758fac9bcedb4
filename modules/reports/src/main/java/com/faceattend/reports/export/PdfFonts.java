package com.faceattend.reports.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * The fonts a PDF export embeds. A PDF is only readable everywhere when its fonts travel inside
 * it, and names like "Дмитрий" or "Σοφία" need a Unicode TrueType font: we use DejaVu Sans, found at
 * run time where operating systems install it (Debian/Ubuntu's {@code fonts-dejavu-core}, which
 * the JDK's own AWT text and our charts already rely on; Fedora; Arch), else Arial on Windows and
 * macOS. {@value #FONT_PROPERTY} names another TTF (e.g. a CJK font) and wins over all of these.
 * Only the glyphs used are embedded (a subset), so a report stays small.
 *
 * <p>When none is found the export does not fail and is not silent: it falls back to the PDF
 * standard font Helvetica (Western European letters only, not embedded), prints other letters as
 * '?', and {@link #warnings()} says so and how to fix it.
 */
final class PdfFonts {
    /** System property: path of a TrueType font to use instead of the built-in search. */
    static final String FONT_PROPERTY = "faceattend.pdf.font";
    private static final Logger LOG = Logger.getLogger(PdfFonts.class.getName());

    /** Regular and bold files, in order of preference. */
    private static final List<Path[]> CANDIDATES = List.of(
            pair("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"),
            pair("/usr/share/fonts/dejavu-sans-fonts/DejaVuSans.ttf", "/usr/share/fonts/dejavu-sans-fonts/DejaVuSans-Bold.ttf"),
            pair("/usr/share/fonts/dejavu/DejaVuSans.ttf", "/usr/share/fonts/dejavu/DejaVuSans-Bold.ttf"),
            pair("/usr/share/fonts/TTF/DejaVuSans.ttf", "/usr/share/fonts/TTF/DejaVuSans-Bold.ttf"),
            pair(System.getProperty("java.home") + "/lib/fonts/DejaVuSans.ttf",
                    System.getProperty("java.home") + "/lib/fonts/DejaVuSans-Bold.ttf"),
            pair(System.getenv().getOrDefault("WINDIR", "C:\\Windows") + "\\Fonts\\arial.ttf",
                    System.getenv().getOrDefault("WINDIR", "C:\\Windows") + "\\Fonts\\arialbd.ttf"),
            pair("/System/Library/Fonts/Supplemental/Arial.ttf", "/System/Library/Fonts/Supplemental/Arial Bold.ttf"),
            pair("/Library/Fonts/Arial.ttf", "/Library/Fonts/Arial Bold.ttf"));

    final PDFont regular;
    final PDFont bold;
    /** The font's file, or null for the Helvetica fallback. */
    final Path file;
    private final List<String> warnings = new ArrayList<>();
    private final Map<Integer, Boolean> printable = new HashMap<>();
    private final Set<String> missing = new LinkedHashSet<>();

    private PdfFonts(PDFont regular, PDFont bold, Path file) {
        this.regular = regular;
        this.bold = bold;
        this.file = file;
    }

    /** Finds and loads the fonts for {@code doc}. */
    static PdfFonts load(PDDocument doc) throws IOException {
        String configured = System.getProperty(FONT_PROPERTY);
        List<String> problems = new ArrayList<>();
        if (configured != null && !configured.isBlank()) {
            Path f = Path.of(configured.strip());
            if (Files.isReadable(f)) {
                try {
                    PDFont font = embed(doc, f);
                    return new PdfFonts(font, font, f);
                } catch (IOException e) {
                    problems.add(f + " is not a TrueType font (" + e.getMessage() + ")");
                }
            } else {
                problems.add(f + " (set by -D" + FONT_PROPERTY + ") cannot be read");
            }
        }
        for (Path[] p : CANDIDATES) {
            if (Files.isReadable(p[0])) {
                PDFont regular = embed(doc, p[0]);
                PDFont bold = Files.isReadable(p[1]) ? embed(doc, p[1]) : regular;
                PdfFonts fonts = new PdfFonts(regular, bold, p[0]);
                problems.forEach(fonts::warn);
                return fonts;
            }
        }
        PdfFonts fonts = new PdfFonts(new PDType1Font(Standard14Fonts.FontName.HELVETICA),
                new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD), null);
        problems.forEach(fonts::warn);
        fonts.warn("no Unicode font was found (looked for DejaVu Sans in /usr/share/fonts and Arial in the system's "
                + "font folder), so the PDF uses Helvetica: letters outside Western European ones print as '?'. "
                + "Fix: install DejaVu Sans (Debian/Ubuntu: apt-get install fonts-dejavu-core) or start with -D"
                + FONT_PROPERTY + "=/path/to/a/font.ttf");
        return fonts;
    }

    /**
     * Loads a TrueType font to embed (subset) in {@code doc}, with glyph substitution off: PDFBox
     * would otherwise draw "ffi" as one ligature glyph, and the PDF's text would no longer be found
     * by searching for, or copied as, what was typed ("Office" became "O\uFB03ce").
     */
    private static PDFont embed(PDDocument doc, Path file) throws IOException {
        TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBufferedFile(file));
        doc.registerTrueTypeFontForClosing(ttf);
        ttf.setEnableGsub(false);
        return PDType0Font.load(doc, ttf, true);
    }

    /**
     * {@code text} with every character the font cannot draw replaced by '?' (and noted once in
     * {@link #warnings()}), so one unusual letter in a name never aborts the export.
     */
    String printable(PDFont font, String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (printable.computeIfAbsent(cp, c -> canEncode(font, c))) {
                out.appendCodePoint(cp);
            } else {
                out.append('?');
                if (missing.add(Character.toString(cp)) && missing.size() == 1) {
                    warn("the font " + fontName() + " has no letter '" + Character.toString(cp) + "' (U+"
                            + String.format("%04X", cp) + ", in \"" + text + "\"); it prints as '?'. Fix: start with -D"
                            + FONT_PROPERTY + "=/path/to/a/font.ttf that has it (e.g. Noto Sans CJK for Chinese names)");
                }
            }
        });
        return out.toString();
    }

    private static boolean canEncode(PDFont font, int codePoint) {
        if (Character.isISOControl(codePoint)) {
            return false;
        }
        try {
            font.encode(Character.toString(codePoint));
            return true;
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }

    String fontName() {
        return file == null ? "Helvetica" : file.getFileName().toString();
    }

    /** What the reader of the PDF should know about its fonts (empty when all is well). */
    List<String> warnings() {
        return List.copyOf(warnings);
    }

    private void warn(String message) {
        warnings.add(message);
        LOG.warning(message);
    }

    private static Path[] pair(String regular, String bold) {
        return new Path[] {Path.of(regular), Path.of(bold)};
    }
}
