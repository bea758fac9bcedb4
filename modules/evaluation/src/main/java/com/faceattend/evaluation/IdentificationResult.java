package com.faceattend.evaluation;

import java.util.List;
import java.util.Locale;

/**
 * Result of {@link IdentificationMetrics#result}. Definitions are in {@link IdentificationMetrics}.
 *
 * @param galleryPeople          enrolled people
 * @param templates              templates over all enrolled people
 * @param peopleWithoutTemplates enrolled people with no template (their probes always miss)
 * @param knownProbes            probes of enrolled people
 * @param strangerProbes         probes of strangers
 * @param knownNoFace            known probes without a face
 * @param strangerNoFace         stranger probes without a face (always rejected)
 * @param closedSet              rank-1 / rank-5 over the known probes
 * @param atFpir1                open set at FPIR 1 % (NaN figures without stranger probes)
 * @param atThreshold            open set at the caller's threshold, or {@code null}
 * @param setting                what that threshold stands for (the station setting), or {@code null}
 */
public record IdentificationResult(int galleryPeople, int templates, List<String> peopleWithoutTemplates,
                                   int knownProbes, int strangerProbes, int knownNoFace, int strangerNoFace,
                                   ClosedSetResult closedSet, OpenSetPoint atFpir1, OpenSetPoint atThreshold,
                                   String setting) {
    /** Misses listed by {@link #summary()}; the JSON has them all. */
    private static final int SUMMARY_MISSES = 20;

    public IdentificationResult {
        peopleWithoutTemplates = List.copyOf(peopleWithoutTemplates);
    }

    /** Machine-readable form; non-finite numbers are {@code null}. */
    public String toJson() {
        Json j = new Json().beginObject()
                .field("galleryPeople", galleryPeople).field("templates", templates)
                .stringArray("peopleWithoutTemplates", peopleWithoutTemplates)
                .field("knownProbes", knownProbes).field("strangerProbes", strangerProbes)
                .field("knownNoFace", knownNoFace).field("strangerNoFace", strangerNoFace)
                .field("decisionRule", "accepted iff best match and score > threshold; ties in rank are misses");
        j.name("closedSet").beginObject()
                .field("knownProbes", closedSet.knownProbes()).field("noFace", closedSet.noFace())
                .field("rank1Hits", closedSet.rank1Hits()).field("rank5Hits", closedSet.rank5Hits())
                .field("rank1", closedSet.rank1()).field("rank5", closedSet.rank5());
        misses(j, "misses", closedSet.misses());
        j.endObject();
        point(j, "atFpir1", atFpir1);
        if (atThreshold != null) {
            point(j, "atThreshold", atThreshold);
            j.field("setting", setting);
        }
        return j.endObject().toString();
    }

    /** A few lines for a person, with the first misses. */
    public String summary() {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT,
                "Identification: %d people enrolled (%d templates), %d known probes, %d stranger probes%n",
                galleryPeople, templates, knownProbes, strangerProbes));
        if (!peopleWithoutTemplates.isEmpty()) {
            s.append("  enrolled without any template: ").append(String.join(", ", peopleWithoutTemplates))
                    .append(System.lineSeparator());
        }
        if (knownNoFace + strangerNoFace > 0) {
            s.append(String.format(Locale.ROOT, "  no face found: %d known probe(s) (misses), %d stranger probe(s)"
                    + " (rejected)%n", knownNoFace, strangerNoFace));
        }
        s.append(String.format(Locale.ROOT, "  closed set: rank-1 %.2f%% (%d/%d), rank-5 %.2f%% (%d/%d)%n",
                100 * closedSet.rank1(), closedSet.rank1Hits(), closedSet.knownProbes(),
                100 * closedSet.rank5(), closedSet.rank5Hits(), closedSet.knownProbes()));
        line(s, "open set at FPIR 1%", atFpir1);
        if (atThreshold != null) {
            line(s, setting == null ? "open set at threshold" : "open set at the station setting (" + setting + ")",
                    atThreshold);
        }
        List<Miss> misses = closedSet.misses();
        if (!misses.isEmpty()) {
            s.append(String.format(Locale.ROOT, "  rank-1 misses (%d):%n", misses.size()));
            for (Miss m : misses.subList(0, Math.min(SUMMARY_MISSES, misses.size()))) {
                s.append(m.reason() == Miss.Reason.NO_FACE
                        ? String.format(Locale.ROOT, "    %s: %s, no face%n", m.probe(), m.truth())
                        : String.format(Locale.ROOT, "    %s: %s taken for %s (%.4f vs true %.4f)%n",
                        m.probe(), m.truth(), m.predicted(), m.score(), m.trueScore()));
            }
            if (misses.size() > SUMMARY_MISSES) {
                s.append(String.format(Locale.ROOT, "    ... %d more in the JSON%n", misses.size() - SUMMARY_MISSES));
            }
        }
        return s.toString();
    }

    private static void line(StringBuilder s, String what, OpenSetPoint p) {
        if (p.strangerProbes() == 0 && Double.isNaN(p.threshold())) {
            s.append("  ").append(what).append(": not measured, no stranger probes").append(System.lineSeparator());
            return;
        }
        s.append(String.format(Locale.ROOT,
                "  %s: threshold %.4f, FNIR %.2f%% (%d/%d, 95%% CI %.2f-%.2f%%), FPIR %.2f%% (%d/%d, 95%% CI %.2f-%.2f%%)%n",
                what, p.threshold(), 100 * p.fnir(), p.knownMisses(), p.knownProbes(), 100 * p.fnirInterval().low(),
                100 * p.fnirInterval().high(), 100 * p.fpir(), p.falseAccepts(), p.strangerProbes(),
                100 * p.fpirInterval().low(), 100 * p.fpirInterval().high()));
    }

    private static void point(Json j, String name, OpenSetPoint p) {
        j.name(name).beginObject()
                .field("targetFpir", p.targetFpir()).field("threshold", p.threshold())
                .field("strangerProbes", p.strangerProbes()).field("falseAccepts", p.falseAccepts())
                .field("fpir", p.fpir()).field("knownProbes", p.knownProbes()).field("knownMisses", p.knownMisses())
                .field("fnir", p.fnir())
                .field("fnirLow95", p.fnirInterval().low()).field("fnirHigh95", p.fnirInterval().high())
                .field("fpirLow95", p.fpirInterval().low()).field("fpirHigh95", p.fpirInterval().high());
        misses(j, "errors", p.errors());
        j.endObject();
    }

    private static void misses(Json j, String name, List<Miss> misses) {
        j.name(name).beginArray();
        for (Miss m : misses) {
            j.beginObject().field("probe", m.probe()).field("truth", m.truth()).field("predicted", m.predicted())
                    .field("score", m.score()).field("trueScore", m.trueScore())
                    .field("reason", m.reason().name()).endObject();
        }
        j.endArray();
    }
}
