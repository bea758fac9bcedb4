package com.faceattend.reports.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.faceattend.reports.AttendanceReport;
import com.faceattend.reports.CancellationToken;
import com.faceattend.reports.EmployeeTimesheet;
import com.faceattend.reports.ReportException;
import com.faceattend.reports.TestReports;
import com.faceattend.store.Employee;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.util.Matrix;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 21: the PDF for signatures. Renders the export with poppler ({@code pdftoppm}, as a
 * viewer or printer would), reads its text back ({@code pdftotext}) and its fonts ({@code pdffonts}),
 * and checks pages, names (one in Cyrillic), totals, signature lines and that every chart lies whole
 * on one page. The PDF and its page images stay under target/report-artefacts for a person to look at.
 */
class PdfExportTest {
    private static final String ORGANISATION = "Müller & Söhne GmbH";
    static final Path ARTEFACTS = ExportTest.ARTEFACTS;
    static AttendanceReport report;
    static Path pdf;
    static PdfExporter.Result result;
    /** pdftotext's pages (split at form feeds). */
    static List<String> pages;

    @BeforeAll
    static void export() throws Exception {
        report = TestReports.march();
        Files.createDirectories(ARTEFACTS);
        pdf = ARTEFACTS.resolve("march-2026.pdf");
        List<String> steps = new ArrayList<>();
        result = PdfExporter.export(report, ORGANISATION, pdf, (step, done, total) -> steps.add(step), null);
        assertTrue(steps.contains("Writing PDF timesheets"), steps.toString());
        String text = DebianTool.run("poppler-utils", ARTEFACTS, 120, "pdftotext", "-layout", "-enc", "UTF-8",
                pdf.toAbsolutePath().toString(), "-");
        pages = new ArrayList<>(List.of(text.split("\f", -1)));
        pages.removeIf(String::isBlank);
    }

    @Test
    void summaryThenChartsThenOneSignedTimesheetPerEmployee() {
        AttendanceReport.Totals t = report.totals();
        assertEquals(result.pages(), pages.size(), "pages pdftotext reads");
        // summary (1 page for 4 employees), charts (2 per page), one page per employee
        assertEquals(1 + 2 + report.timesheets().size(), result.pages());
        for (int i = 0; i < pages.size(); i++) {
            String page = pages.get(i);
            assertTrue(page.contains("Müller & Söhne GmbH"), "organisation on page " + (i + 1));
            assertTrue(page.contains("2026-03-01 to 2026-03-31, all departments"), "period on page " + (i + 1));
            assertTrue(page.contains("Page " + (i + 1) + " of " + pages.size()), "page number on page " + (i + 1));
        }
        String summary = pages.get(0);
        assertTrue(summary.contains("Attendance summary"), summary);
        assertTrue(summary.matches("(?s).*Worked hours\\s+" + hours(t.workedMinutes()) + "\\b.*"), summary);
        assertTrue(summary.matches("(?s).*Days absent\\s+" + t.daysAbsent() + "\\b.*"), summary);
        assertTrue(summary.contains(TestReports.NON_LATIN_NAME), "the Cyrillic name in the summary:\n" + summary);
        assertTrue(pages.get(1).contains("Charts"));

        for (EmployeeTimesheet ts : report.timesheets()) {
            Employee e = ts.employee();
            List<String> own = pages.stream().filter(p -> p.contains("Timesheet: " + e.name())).toList();
            assertEquals(1, own.size(), e.name() + " has one page");
            String page = own.get(0);
            assertTrue(page.contains(e.name() + " (" + e.code() + ")"), page);
            assertTrue(page.contains("Days attended " + ts.daysAttended() + ","), page);
            assertTrue(e.department() == null || page.contains(e.department()), "searchable text, no ligatures:\n" + page);
            assertTrue(page.matches("(?s).*\\nTotal\\s+" + hm(ts.workedMinutes()) + "\\s+" + hm(ts.scheduledMinutes()) + "\\b.*"),
                    e.code() + " worked " + hm(ts.workedMinutes()) + ":\n" + page);
            assertTrue(page.contains("Employee signature") && page.contains("Supervisor / HR signature"), page);
            assertTrue(page.indexOf("Total") < page.indexOf("Employee signature"), "signatures below the totals");
        }
        String a1 = pages.stream().filter(p -> p.contains("Timesheet: Ada One")).findFirst().orElseThrow();
        assertTrue(a1.matches("(?s).*2026-03-02\\s+Mon\\s+day\\s+late\\s+09:06\\s+17:05\\s+7:59\\s+8:00\\s+6\\b.*"), a1);
        String n1 = pages.stream().filter(p -> p.contains("Timesheet: Nia Night")).findFirst().orElseThrow();
        assertTrue(n1.matches("(?s).*2026-03-28\\s+Sat\\s+night\\s+present\\s+22:00\\s+06:00 \\+1\\s+7:00.*"),
                "a night shift's check-out is marked as next day:\n" + n1);
    }

    @Test
    void fontsAreEmbeddedAndTheCyrillicNameIsDrawn() throws Exception {
        assertEquals(List.of(), result.warnings(), "a Unicode font was found");
        String fonts = DebianTool.run("poppler-utils", ARTEFACTS, 60, "pdffonts", pdf.toAbsolutePath().toString());
        List<String> rows = fonts.lines().skip(2).toList();
        assertFalse(rows.isEmpty(), fonts);
        for (String row : rows) {
            // columns: name type encoding emb sub uni object ID
            String[] col = row.trim().split("\\s+");
            assertEquals("yes", col[col.length - 5], "embedded: " + row);
            assertEquals("yes", col[col.length - 3], "maps back to Unicode (text can be copied): " + row);
        }
        String p2 = pages.stream().filter(p -> p.contains("Timesheet: " + TestReports.NON_LATIN_NAME)).findFirst()
                .orElseThrow(() -> new AssertionError("no page for " + TestReports.NON_LATIN_NAME + ":\n" + pages));
        assertFalse(p2.contains("?"), "no letter replaced by '?':\n" + p2);
    }

    @Test
    void everyChartLiesWholeOnOnePage(@TempDir Path tmp) throws Exception {
        List<Placed> charts = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            for (int i = 0; i < doc.getNumberOfPages(); i++) {
                charts.addAll(ImageFinder.images(doc.getPage(i), i));
            }
        }
        assertEquals(3, charts.size(), "three charts, each drawn once");
        // rendered as a printer would, at 50 dpi
        DebianTool.run("poppler-utils", tmp, 120, "pdftoppm", "-r", "50", "-png", pdf.toAbsolutePath().toString(),
                tmp.resolve("page").toString());
        List<Path> images;
        try (var files = Files.list(tmp)) {
            images = files.filter(f -> f.getFileName().toString().matches("page-\\d+\\.png")).sorted().toList();
        }
        assertEquals(result.pages(), images.size(), "pdftoppm renders every page");
        for (Placed chart : charts) {
            Rectangle2D page = new Rectangle2D.Float(PdfCanvas.MARGIN, PdfCanvas.MARGIN, PdfCanvas.PAGE.getWidth() - 2 * PdfCanvas.MARGIN,
                    PdfCanvas.PAGE.getHeight() - 2 * PdfCanvas.MARGIN);
            assertTrue(page.contains(chart.box()), "chart on page " + (chart.page() + 1) + " " + chart.box()
                    + " lies inside the printable area " + page);
            BufferedImage png = ImageIO.read(images.get(chart.page()).toFile());
            double scale = png.getHeight() / PdfCanvas.PAGE.getHeight();
            // the chart's title (top band) and its axis labels (bottom band) are both drawn on this page
            Rectangle2D b = chart.box();
            int left = (int) (b.getMinX() * scale);
            int right = (int) (b.getMaxX() * scale);
            int top = (int) ((PdfCanvas.PAGE.getHeight() - b.getMaxY()) * scale);
            int bottom = (int) ((PdfCanvas.PAGE.getHeight() - b.getMinY()) * scale);
            int band = (bottom - top) / 8;
            assertTrue(inked(png, left, right, top, top + band) > 20, "chart title drawn on page " + (chart.page() + 1));
            assertTrue(inked(png, left, right, bottom - band, bottom) > 20, "chart axis drawn on page " + (chart.page() + 1));
        }
        for (Path image : images) {
            Files.copy(image, ARTEFACTS.resolve("march-2026-pdf-" + image.getFileName()),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Test
    void aNameTheFontCannotDrawPrintsAsQuestionMarksAndIsReported(@TempDir Path tmp) {
        List<EmployeeTimesheet> renamed = new ArrayList<>(report.timesheets());
        EmployeeTimesheet first = renamed.get(0);
        Employee e = first.employee();
        renamed.set(0, new EmployeeTimesheet(new Employee(e.id(), e.code(), "王小明", e.department(), e.consentRecordedAt(),
                e.active()), first.days()));
        AttendanceReport chinese = new AttendanceReport(report.request(), report.zone(), renamed, report.holidays(),
                report.generatedAt());
        PdfExporter.Result r = PdfExporter.export(chinese, tmp.resolve("cjk.pdf"), null, null);
        assertEquals(1, r.warnings().size(), r.warnings().toString());
        assertTrue(r.warnings().get(0).contains("U+738B") && r.warnings().get(0).contains("-Dfaceattend.pdf.font="),
                r.warnings().get(0));
        assertTrue(Files.exists(tmp.resolve("cjk.pdf")));
    }

    @Test
    void aConfiguredFontThatCannotBeReadIsReportedAndTheDefaultUsed(@TempDir Path tmp) {
        String old = System.getProperty(PdfFonts.FONT_PROPERTY);
        System.setProperty(PdfFonts.FONT_PROPERTY, tmp.resolve("missing.ttf").toString());
        try {
            PdfExporter.Result r = PdfExporter.export(report, tmp.resolve("r.pdf"), null, null);
            assertEquals(1, r.warnings().size(), r.warnings().toString());
            assertTrue(r.warnings().get(0).contains("missing.ttf") && r.warnings().get(0).contains("cannot be read"),
                    r.warnings().get(0));
            assertEquals(result.font(), r.font());
        } finally {
            if (old == null) {
                System.clearProperty(PdfFonts.FONT_PROPERTY);
            } else {
                System.setProperty(PdfFonts.FONT_PROPERTY, old);
            }
        }
    }

    @Test
    void aCancelledPdfKeepsTheOldFileAndLeavesNoPartialFile(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("march.pdf");
        Files.writeString(file, "last month's good export");
        CancellationToken token = new CancellationToken();
        ReportException e = assertThrows(ReportException.class, () -> PdfExporter.export(report, file,
                (step, done, total) -> {
                    if (step.equals("Writing PDF timesheets")) {
                        token.cancel();
                    }
                }, token));
        assertEquals(ReportException.Kind.CANCELLED, e.kind());
        assertEquals("last month's good export", Files.readString(file));
        try (var files = Files.list(tmp)) {
            assertEquals(List.of(file), files.toList());
        }
    }

    /** Pixels darker than near-white in a rectangle of the rendered page. */
    private static int inked(BufferedImage png, int x0, int x1, int y0, int y1) {
        int n = 0;
        for (int y = Math.max(0, y0); y < Math.min(png.getHeight(), y1); y++) {
            for (int x = Math.max(0, x0); x < Math.min(png.getWidth(), x1); x++) {
                int rgb = png.getRGB(x, y);
                if (((rgb >> 16) & 0xFF) + ((rgb >> 8) & 0xFF) + (rgb & 0xFF) < 600) {
                    n++;
                }
            }
        }
        return n;
    }

    private static String hours(long minutes) {
        return String.format(Locale.ROOT, "%.2f", minutes / 60.0);
    }

    private static String hm(long minutes) {
        return String.format(Locale.ROOT, "%d:%02d", minutes / 60, minutes % 60);
    }

    record Placed(int page, Rectangle2D box) { }

    /** Where a page draws its images, in page coordinates (PDF points, origin bottom left). */
    private static final class ImageFinder extends PDFGraphicsStreamEngine {
        private final int index;
        private final List<Placed> found = new ArrayList<>();

        private ImageFinder(PDPage page, int index) {
            super(page);
            this.index = index;
        }

        static List<Placed> images(PDPage page, int index) throws IOException {
            ImageFinder f = new ImageFinder(page, index);
            f.processPage(page);
            return f.found;
        }

        @Override
        public void drawImage(PDImage pdImage) {
            Matrix m = getGraphicsState().getCurrentTransformationMatrix();
            found.add(new Placed(index, new Rectangle2D.Float(m.getTranslateX(), m.getTranslateY(), m.getScalingFactorX(),
                    m.getScalingFactorY())));
        }

        @Override
        public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {
        }

        @Override
        public void clip(int windingRule) {
        }

        @Override
        public void moveTo(float x, float y) {
        }

        @Override
        public void lineTo(float x, float y) {
        }

        @Override
        public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {
        }

        @Override
        public Point2D getCurrentPoint() {
            return new Point2D.Float();
        }

        @Override
        public void closePath() {
        }

        @Override
        public void endPath() {
        }

        @Override
        public void strokePath() {
        }

        @Override
        public void fillPath(int windingRule) {
        }

        @Override
        public void fillAndStrokePath(int windingRule) {
        }

        @Override
        public void shadingFill(COSName shadingName) {
        }
    }
}
