package com.faceattend.comparison;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Orders rows accuracy first, then speed: LFW accuracy decides, except that rows within
 * {@value #TIE_POINTS} percentage points of each other count as equally accurate (the spread of the fold
 * accuracies is larger than that), and among those the clearly faster wins: a frame rate counts as higher
 * only when it is at least {@value #SPEED_MARGIN} times the other's (smaller differences are within the
 * run-to-run spread on a shared machine), and rows as fast as each other go by accuracy, then faces94
 * rank-1. Rows that were not measured come last.
 */
public final class Ranking {
    /** Accuracy difference, in percentage points, that counts as a tie. */
    public static final double TIE_POINTS = 0.5;
    /** Frame-rate ratio below which two rows count as equally fast. */
    public static final double SPEED_MARGIN = 1.1;

    private Ranking() {
    }

    /** Best first. */
    public static List<ComparisonRow> rank(List<ComparisonRow> rows) {
        List<ComparisonRow> measured = new ArrayList<>(rows.stream().filter(r -> r.measured() && !Double.isNaN(r.lfwAccuracy())).toList());
        List<ComparisonRow> out = new ArrayList<>();
        while (!measured.isEmpty()) {
            double top = measured.stream().mapToDouble(ComparisonRow::lfwAccuracy).max().orElseThrow();
            List<ComparisonRow> tied = new ArrayList<>(measured.stream().filter(r -> (top - r.lfwAccuracy()) * 100 <= TIE_POINTS).toList());
            measured.removeAll(tied);
            while (!tied.isEmpty()) {
                // the fastest and every row as fast as it (within the margin); of those, the most accurate
                double fastest = tied.stream().mapToDouble(r -> nanLow(r.framesPerSecond())).max().orElseThrow();
                ComparisonRow next = tied.stream().filter(r -> nanLow(r.framesPerSecond()) * SPEED_MARGIN >= fastest)
                        .max(Comparator.comparingDouble(ComparisonRow::lfwAccuracy)
                                .thenComparingDouble(r -> nanLow(r.rank1()))
                                .thenComparingDouble(r -> nanLow(r.framesPerSecond())))
                        .orElseThrow();
                out.add(next);
                tied.remove(next);
            }
        }
        rows.stream().filter(r -> !out.contains(r)).forEach(out::add);
        return out;
    }

    /** The best installed combination, the one the default pipeline should be. */
    public static Optional<ComparisonRow> bestInstalled(List<ComparisonRow> rows) {
        return rank(rows).stream().filter(r -> r.installed() && r.measured() && !Double.isNaN(r.lfwAccuracy())).findFirst();
    }

    /** One or two sentences: which row is best and why. */
    public static String explain(List<ComparisonRow> rows, String defaultDetector, String defaultEmbedder) {
        Optional<ComparisonRow> best = bestInstalled(rows);
        if (best.isEmpty()) {
            return "No installed combination could be measured, so none is ranked best.";
        }
        ComparisonRow b = best.get();
        List<ComparisonRow> ranked = rank(rows);
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                "Best installed combination: %s — LFW-dev accuracy %.2f %%, %.1f fps end to end, faces94 rank-1 %.2f %%.",
                b.name(), 100 * b.lfwAccuracy(), b.framesPerSecond(), 100 * b.rank1()));
        long installedMeasured = rows.stream().filter(r -> r.installed() && r.measured()).count();
        if (installedMeasured == 1) {
            s.append(" It is the only installed combination.");
        } else {
            ComparisonRow next = ranked.stream().filter(r -> r.installed() && r != b && r.measured()).findFirst().orElse(null);
            if (next != null) {
                boolean tie = (b.lfwAccuracy() - next.lfwAccuracy()) * 100 <= TIE_POINTS;
                boolean asFast = next.framesPerSecond() * SPEED_MARGIN >= b.framesPerSecond();
                if (!tie) {
                    s.append(String.format(Locale.ROOT, " Next, %s, is less accurate (more than %.1f points behind: %.2f %%; %.1f fps).",
                            next.name(), TIE_POINTS, 100 * next.lfwAccuracy(), next.framesPerSecond()));
                } else if (asFast) {
                    s.append(String.format(Locale.ROOT, " Next, %s, is about as fast (%.1f fps, within %.0f %%) and a little less accurate (%.2f %%).",
                            next.name(), next.framesPerSecond(), 100 * (SPEED_MARGIN - 1), 100 * next.lfwAccuracy()));
                } else {
                    s.append(String.format(Locale.ROOT, " %s is as accurate (within %.1f points: %.2f %%) but slower (%.1f fps).",
                            next.name(), TIE_POINTS, 100 * next.lfwAccuracy(), next.framesPerSecond()));
                }
            }
        }
        for (ComparisonRow r : ranked) {
            if (!r.installed() && r.measured() && !Double.isNaN(r.lfwAccuracy())) {
                s.append(String.format(Locale.ROOT, " Reference %s: %.2f %%%s.", r.name(), 100 * r.lfwAccuracy(),
                        ranked.indexOf(r) < ranked.indexOf(b) ? ", ranked above it" : ""));
            }
        }
        boolean isDefault = b.detector().equals(defaultDetector) && b.embedder().equals(defaultEmbedder);
        s.append(isDefault ? " The default pipeline (" + defaultDetector + " + " + defaultEmbedder + ") is this combination."
                : " The default pipeline (" + defaultDetector + " + " + defaultEmbedder + ") is NOT this combination: switch the default.");
        return s.toString();
    }

    private static double nanLow(double v) {
        return Double.isNaN(v) ? Double.NEGATIVE_INFINITY : v;
    }
}
