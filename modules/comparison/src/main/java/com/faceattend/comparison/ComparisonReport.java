package com.faceattend.comparison;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The result of one comparison run: rows best first, the verdict, and notes on how each was measured.
 * Written as Markdown ({@code comparison.md}) and CSV ({@code comparison.csv}, one row per combination,
 * rates as fractions, empty cells where not measured).
 *
 * @param rows    best first ({@link Ranking})
 * @param verdict which installed combination is best and why
 * @param notes   how the data were used and each row scored
 */
public record ComparisonReport(List<ComparisonRow> rows, String verdict, List<String> notes) {
    public static final String MARKDOWN = "comparison.md";
    public static final String CSV = "comparison.csv";

    static final String[] HEADER = {"rank", "detector", "embedder", "installed", "det_recall", "det_precision", "lfw_accuracy",
        "lfw_tar_far1e-3", "lfw_pairs", "faces94_rank1", "unknown_rejected", "detect_ms", "embed_ms_per_face", "fps",
        "video_frames", "enrol_photos_per_s", "problem"};

    public ComparisonReport {
        rows = List.copyOf(rows);
        notes = List.copyOf(notes);
    }

    /** Writes both files into {@code dir} (created if needed); returns their paths. */
    public List<Path> write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path md = dir.resolve(MARKDOWN), csv = dir.resolve(CSV);
        // write then move: a reader never sees half a table
        Path mdTmp = Files.writeString(dir.resolve(MARKDOWN + ".tmp"), markdown());
        Path csvTmp = Files.writeString(dir.resolve(CSV + ".tmp"), csv());
        Files.move(mdTmp, md, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.move(csvTmp, csv, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return List.of(md, csv);
    }

    public String markdown() {
        StringBuilder s = new StringBuilder("# FaceAttend pipeline comparison\n\n");
        s.append("| # | detector | embedder | det. recall | det. precision | LFW-dev acc. | TAR@FAR 1e-3 | faces94 rank-1 | unknown rejected | detect ms | embed ms/face | fps | enrol photos/s |\n");
        s.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        int rank = 1;
        for (ComparisonRow r : rows) {
            if (!r.measured()) {
                s.append(String.format(Locale.ROOT, "| – | %s | %s | not run: %s |||||||||||%n", r.detector(), r.embedder(), r.problem()));
                continue;
            }
            s.append(String.format(Locale.ROOT, "| %d | %s | %s | %s | %s | %s%s | %s | %s | %s | %s | %s | %s | %s |%n", rank++,
                    r.detector(), r.embedder(), pct(r.detectionRecall()), pct(r.detectionPrecision()), pct(r.lfwAccuracy()),
                    r.lfwPairs() < maxPairs() ? " (" + r.lfwPairs() + " pairs)" : "", pct(r.lfwTarAtFar1e3()), pct(r.rank1()),
                    pct(r.unknownRejected()), num(r.detectMs(), 1), num(r.embedMs(), 1), num(r.framesPerSecond(), 1),
                    num(r.enrolPhotosPerSecond(), 1)));
        }
        s.append("\n**").append(verdict).append("**\n\nNotes:\n\n");
        notes.forEach(n -> s.append("- ").append(n).append('\n'));
        return s.toString();
    }

    public String csv() {
        StringBuilder s = new StringBuilder(String.join(",", HEADER)).append('\n');
        int rank = 1;
        for (ComparisonRow r : rows) {
            List<String> cells = new ArrayList<>(List.of(r.measured() ? String.valueOf(rank++) : "", quote(r.detector()),
                    quote(r.embedder()), String.valueOf(r.installed()), frac(r.detectionRecall()), frac(r.detectionPrecision()),
                    frac(r.lfwAccuracy()), frac(r.lfwTarAtFar1e3()), String.valueOf(r.lfwPairs()), frac(r.rank1()),
                    frac(r.unknownRejected()), frac(r.detectMs()), frac(r.embedMs()), frac(r.framesPerSecond()),
                    String.valueOf(r.videoFrames()), frac(r.enrolPhotosPerSecond()), quote(r.problem() == null ? "" : r.problem())));
            s.append(String.join(",", cells)).append('\n');
        }
        return s.toString();
    }

    private int maxPairs() {
        return rows.stream().mapToInt(ComparisonRow::lfwPairs).max().orElse(0);
    }

    private static String pct(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.2f %%", 100 * v);
    }

    private static String num(double v, int decimals) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    private static String frac(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.4f", v);
    }

    private static String quote(String v) {
        return v.contains(",") || v.contains("\"") || v.contains("\n") ? "\"" + v.replace("\"", "\"\"").replace("\n", " ") + "\"" : v;
    }
}
