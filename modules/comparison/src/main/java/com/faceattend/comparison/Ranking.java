package com.faceattend.comparison;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Orders rows accuracy first, then speed: LFW accuracy decides, except that rows within
 * {@value #TIE_POINTS} percentage points of each other count as equally accurate (the spread of the fold
 * accuracies is larger than that), and among those the higher end-to-end frame rate wins. faces94 rank-1
 * breaks a remaining tie. Rows that were not measured come last.
 */
public final class Ranking {
    /** Accuracy difference, in percentage points, that counts as a tie. */
    public static final double TIE_POINTS = 0.5;

    private Ranking() {
    }

    /** Best first. */
    public static List<ComparisonRow> rank(List<ComparisonRow> rows) {
        List<ComparisonRow> measured = new ArrayList<>(rows.stream().filter(r -> r.measured() && !Double.isNaN(r.lfwAccuracy())).toList());
        List<ComparisonRow> out = new ArrayList<>();
        while (!measured.isEmpty()) {
            double top = measured.stream().mapToDouble(ComparisonRow::lfwAccuracy).max().orElseThrow();
            List<ComparisonRow> tied = measured.stream().filter(r -> (top - r.lfwAccuracy()) * 100 <= TIE_POINTS)
                    .sorted(Comparator.comparingDouble((ComparisonRow r) -> nanLow(r.framesPerSecond())).reversed()
                            .thenComparing(Comparator.comparingDouble((ComparisonRow r) -> nanLow(r.rank1())).reversed()))
                    .toList();
            out.addAll(tied);
            measured.removeAll(tied);
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
                s.append(String.format(Locale.ROOT, tie
                                ? " %s is as accurate (within %.1f points: %.2f %%) but slower (%.1f fps)."
                                : " Next, %s, is less accurate (more than %.1f points behind: %.2f %%; %.1f fps).",
                        next.name(), TIE_POINTS, 100 * next.lfwAccuracy(), next.framesPerSecond()));
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
