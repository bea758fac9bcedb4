package com.faceattend.reports.export;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Writes flowing content onto A4 portrait pages: headings, label/value lines, tables whose header
 * row repeats on every page they continue on, pictures that are never cut, and blocks that must
 * stay on one page. Coordinates grow downwards from the top margin ({@link #y} is the next free
 * line); page header and footer are added at the end by {@link #finish}, once the page count is known.
 */
final class PdfCanvas implements AutoCloseable {
    static final float MARGIN = 42;
    static final PDRectangle PAGE = PDRectangle.A4;
    static final float WIDTH = PAGE.getWidth() - 2 * MARGIN;
    /** Space kept free at the top and bottom for the running header and footer. */
    private static final float TOP = PAGE.getHeight() - MARGIN - 22;
    private static final float BOTTOM = MARGIN + 22;
    private static final Color HEADER_FILL = new Color(0x1F3864);
    private static final Color STRIPE = new Color(0xF0F3F8);
    private static final float TABLE_FONT = 8;
    /** Height of one line of table text. */
    private static final float LINE = 10.5f;

    /** One column of a table: title, width in points, right-aligned (numbers) or not. */
    record Column(String title, float width, boolean right) { }

    private final PDDocument doc;
    private final PdfFonts fonts;
    private PDPageContentStream cs;
    private float y;

    PdfCanvas(PDDocument doc, PdfFonts fonts) {
        this.doc = doc;
        this.fonts = fonts;
    }

    /** Starts a new page. */
    void newPage() throws IOException {
        closeStream();
        PDPage page = new PDPage(PAGE);
        doc.addPage(page);
        cs = new PDPageContentStream(doc, page);
        y = TOP;
    }

    /** Starts a new page unless {@code height} points still fit on this one. */
    void keep(float height) throws IOException {
        if (cs == null || y - height < BOTTOM) {
            newPage();
        }
    }

    float remaining() {
        return y - BOTTOM;
    }

    void gap(float points) {
        y -= points;
    }

    void title(String text) throws IOException {
        keep(30);
        text(fonts.bold, 15, MARGIN, y - 15, text, Color.BLACK);
        y -= 26;
    }

    void heading(String text) throws IOException {
        keep(40);
        text(fonts.bold, 11, MARGIN, y - 11, text, Color.BLACK);
        y -= 18;
    }

    /** "Label: value" lines, labels in bold in a column of {@code labelWidth}. */
    void fields(float labelWidth, List<String[]> labelValue) throws IOException {
        for (String[] kv : labelValue) {
            keep(13);
            text(fonts.bold, 9, MARGIN, y - 9, kv[0], Color.BLACK);
            text(fonts.regular, 9, MARGIN + labelWidth, y - 9, kv[1], Color.BLACK);
            y -= 13;
        }
    }

    void paragraph(String text, float size) throws IOException {
        keep(size + 4);
        text(fonts.regular, size, MARGIN, y - size, text, Color.BLACK);
        y -= size + 4;
    }

    /**
     * A table: a filled header row, then {@code rows} (a row whose first cell starts with "Total"
     * is bold with a rule above). Long cells wrap onto more lines; the table continues on new pages
     * with the header repeated.
     */
    void table(List<Column> columns, List<String[]> rows) throws IOException {
        keep(LINE * 4);
        tableHeader(columns);
        int n = 0;
        for (String[] row : rows) {
            boolean total = row.length > 0 && row[0] != null && row[0].startsWith("Total");
            PDFont font = total ? fonts.bold : fonts.regular;
            List<List<String>> cells = new ArrayList<>(columns.size());
            int lines = 1;
            for (int i = 0; i < columns.size(); i++) {
                List<String> wrapped = wrap(font, i < row.length ? row[i] : "", columns.get(i).width() - 6);
                cells.add(wrapped);
                lines = Math.max(lines, wrapped.size());
            }
            float height = lines * LINE + 3;
            if (y - height < BOTTOM) {
                newPage();
                tableHeader(columns);
            }
            if (total) {
                rule(y, 0.8f);
            } else if (n++ % 2 == 1) {
                fill(MARGIN, y - height, width(columns), height, STRIPE);
            }
            cells(columns, cells, font, Color.BLACK);
            y -= height;
        }
        y -= 6;
    }

    private void tableHeader(List<Column> columns) throws IOException {
        List<List<String>> titles = new ArrayList<>(columns.size());
        int lines = 1;
        for (Column c : columns) {
            List<String> wrapped = wrap(fonts.bold, c.title(), c.width() - 6);
            titles.add(wrapped);
            lines = Math.max(lines, wrapped.size());
        }
        float height = lines * LINE + 6;
        fill(MARGIN, y - height, width(columns), height, HEADER_FILL);
        y -= 3;
        cells(columns, titles, fonts.bold, Color.WHITE);
        y -= height - 3;
    }

    private void cells(List<Column> columns, List<List<String>> cells, PDFont font, Color color) throws IOException {
        float x = MARGIN;
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            float baseline = y - LINE + 1.5f;
            for (String line : cells.get(i)) {
                String s = fit(font, TABLE_FONT, line, c.width() - 6);
                float w = width(font, TABLE_FONT, s);
                text(font, TABLE_FONT, c.right() ? x + c.width() - 3 - w : x + 3, baseline, s, color);
                baseline -= LINE;
            }
            x += c.width();
        }
    }

    /** {@code text} broken at spaces into lines at most {@code max} points wide (a longer word is cut later). */
    private List<String> wrap(PDFont font, String text, float max) throws IOException {
        String s = fonts.printable(font, text);
        if (width(font, TABLE_FONT, s) <= max) {
            return List.of(s);
        }
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : s.split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (!line.isEmpty() && width(font, TABLE_FONT, candidate) > max) {
                lines.add(line.toString());
                line.setLength(0);
                line.append(word);
            } else {
                line.setLength(0);
                line.append(candidate);
            }
        }
        lines.add(line.toString());
        return lines;
    }

    /** A picture scaled to {@code width} (its aspect kept), on a new page if it does not fit whole. */
    void picture(BufferedImage image, float width) throws IOException {
        float height = width * image.getHeight() / image.getWidth();
        keep(height + 8);
        PDImageXObject x = LosslessFactory.createFromImage(doc, image);
        cs.drawImage(x, MARGIN + (WIDTH - width) / 2, y - height, width, height);
        y -= height + 8;
    }

    /** A signature line: a rule {@code width} long at {@code x}, with {@code caption} under it. */
    void signatureLine(float x, float width, String caption) throws IOException {
        cs.setStrokingColor(Color.BLACK);
        cs.setLineWidth(0.6f);
        cs.moveTo(x, y);
        cs.lineTo(x + width, y);
        cs.stroke();
        text(fonts.regular, 8, x, y - 10, caption, Color.DARK_GRAY);
    }

    /** Writes the running header (left and right texts) and "Page x of y" footer on every page. */
    void finish(String headerLeft, String headerRight, String footerLeft) throws IOException {
        closeStream();
        int total = doc.getNumberOfPages();
        for (int i = 0; i < total; i++) {
            PDPage page = doc.getPage(i);
            try (PDPageContentStream s = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND, true, true)) {
                cs = s;
                float top = PAGE.getHeight() - MARGIN;
                text(fonts.bold, 8, MARGIN, top - 8, headerLeft, Color.DARK_GRAY);
                String right = fonts.printable(fonts.regular, headerRight);
                text(fonts.regular, 8, PAGE.getWidth() - MARGIN - width(fonts.regular, 8, right), top - 8, right, Color.DARK_GRAY);
                rule(top - 12, 0.4f);
                rule(MARGIN + 12, 0.4f);
                text(fonts.regular, 7.5f, MARGIN, MARGIN + 3, footerLeft, Color.DARK_GRAY);
                String pageOf = "Page " + (i + 1) + " of " + total;
                text(fonts.regular, 7.5f, PAGE.getWidth() - MARGIN - width(fonts.regular, 7.5f, pageOf), MARGIN + 3, pageOf,
                        Color.DARK_GRAY);
            } finally {
                cs = null;
            }
        }
    }

    float y() {
        return y;
    }

    private void rule(float atY, float lineWidth) throws IOException {
        cs.setStrokingColor(Color.GRAY);
        cs.setLineWidth(lineWidth);
        cs.moveTo(MARGIN, atY);
        cs.lineTo(MARGIN + WIDTH, atY);
        cs.stroke();
    }

    private void fill(float x, float bottom, float width, float height, Color color) throws IOException {
        cs.setNonStrokingColor(color);
        cs.addRect(x, bottom, width, height);
        cs.fill();
    }

    private void text(PDFont font, float size, float x, float baseline, String text, Color color) throws IOException {
        String s = fonts.printable(font, text);
        if (s.isEmpty()) {
            return;
        }
        cs.setNonStrokingColor(color);
        cs.beginText();
        cs.setFont(font, size);
        cs.newLineAtOffset(x, baseline);
        cs.showText(s);
        cs.endText();
    }

    /** {@code text} shortened with "…" to at most {@code max} points wide. */
    private String fit(PDFont font, float size, String text, float max) throws IOException {
        String s = fonts.printable(font, text);
        if (width(font, size, s) <= max) {
            return s;
        }
        String ellipsis = fonts.printable(font, "…");
        int end = s.length();
        while (end > 0 && width(font, size, s.substring(0, end) + ellipsis) > max) {
            end--;
        }
        return s.substring(0, end) + ellipsis;
    }

    static float width(PDFont font, float size, String text) throws IOException {
        return font.getStringWidth(text) / 1000 * size;
    }

    private static float width(List<Column> columns) {
        float w = 0;
        for (Column c : columns) {
            w += c.width();
        }
        return w;
    }

    private void closeStream() throws IOException {
        if (cs != null) {
            cs.close();
            cs = null;
        }
    }

    @Override
    public void close() throws IOException {
        closeStream();
    }
}
