package com.faceattend.evaluation;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Per-visit and per-photo open-set figures of one station setting, on the same gallery and photos.
 *
 * <h2>Definitions</h2>
 * <ul>
 *   <li><b>Per-visit FNIR</b>: visits of enrolled people not ending in their own check-in (no check-in,
 *       a stranger or spoof alert, no decision, or a check-in as someone else) / visits of enrolled people.</li>
 *   <li><b>Per-visit FPIR</b>: visits of strangers with at least one check-in / visits of strangers.</li>
 *   <li><b>Per-photo</b>: the same rule and gallery on each visit photo alone ({@link PhotoDecision}).</li>
 * </ul>
 * Intervals are 95 % Wilson intervals over visits (or photos), the station setting held fixed.
 *
 * @param description  how the visits were made
 * @param setting      the accept rule, said as what it means
 * @param threshold    the cosine the rule asks of this gallery
 * @param enrolled     people enrolled
 * @param templates    templates in the gallery
 * @param notEnrolled  people whose enrolment photos the enrolment checks refused (left out of the visits)
 * @param outcomes     every visit's outcome, in playing order
 * @param photos       the per-photo decisions on the same photos
 * @param clip         the shared clip's figures, or {@code null} when no clip was played
 */
public record VisitResult(String description, String setting, double threshold, int enrolled, int templates,
                          List<String> notEnrolled, List<VisitOutcome> outcomes, List<PhotoDecision> photos, ClipVisits clip) {
    public VisitResult {
        Objects.requireNonNull(description, "description");
        notEnrolled = List.copyOf(notEnrolled);
        outcomes = List.copyOf(outcomes);
        photos = List.copyOf(photos);
    }

    public Proportion visitFnir() {
        return rate(false, outcomes.stream().filter(o -> !o.visit().stranger()
                && o.verdict() != VisitOutcome.Verdict.IDENTIFIED).count());
    }

    public Proportion visitFpir() {
        return rate(true, outcomes.stream().filter(o -> o.visit().stranger() && !o.recognised().isEmpty()).count());
    }

    public Proportion photoFnir() {
        List<PhotoDecision> known = photos.stream().filter(p -> p.label() != null).toList();
        return new Proportion((int) known.stream().filter(PhotoDecision::error).count(), known.size());
    }

    public Proportion photoFpir() {
        List<PhotoDecision> strangers = photos.stream().filter(p -> p.label() == null).toList();
        return new Proportion((int) strangers.stream().filter(PhotoDecision::error).count(), strangers.size());
    }

    /** How the visits of enrolled people ({@code strangers} false) or strangers ended. */
    public Map<VisitOutcome.Verdict, Integer> verdicts(boolean strangers) {
        Map<VisitOutcome.Verdict, Integer> counts = new EnumMap<>(VisitOutcome.Verdict.class);
        for (VisitOutcome.Verdict v : VisitOutcome.Verdict.values()) {
            counts.put(v, 0);
        }
        outcomes.stream().filter(o -> o.visit().stranger() == strangers).forEach(o -> counts.merge(o.verdict(), 1, Integer::sum));
        return counts;
    }

    private Proportion rate(boolean strangers, long errors) {
        return new Proportion((int) errors, (int) outcomes.stream().filter(o -> o.visit().stranger() == strangers).count());
    }

    /** A few lines for a person: the setting, per visit and per photo side by side, how visits ended, the errors. */
    public String summary() {
        StringBuilder s = new StringBuilder();
        s.append(description).append('\n');
        s.append(String.format(Locale.ROOT, "Gallery: %d people enrolled (%d templates)%s; setting: %s, threshold %.3f%n",
                enrolled, templates, notEnrolled.isEmpty() ? "" : ", enrolment refused for " + notEnrolled.size() + " (left out)",
                setting, threshold));
        s.append(String.format(Locale.ROOT, "%-10s %-44s %s%n", "", "per visit (station decisions)", "per photo (same rule, same gallery)"));
        s.append(String.format(Locale.ROOT, "%-10s %-44s %s%n", "FNIR", visitFnir().describe(), photoFnir().describe()));
        s.append(String.format(Locale.ROOT, "%-10s %-44s %s%n", "FPIR", visitFpir().describe(), photoFpir().describe()));
        s.append("Visits of enrolled people: ").append(describe(verdicts(false))).append('\n');
        s.append("Visits of strangers:       ").append(describe(verdicts(true))).append('\n');
        outcomes.stream().filter(o -> o.visit().stranger() ? !o.recognised().isEmpty() : o.verdict() != VisitOutcome.Verdict.IDENTIFIED)
                .limit(10).forEach(o -> s.append(String.format(Locale.ROOT, "  error: %s (%s) %s%s%n", o.visit().id(),
                        o.visit().stranger() ? "stranger" : "enrolled", o.verdict().name().toLowerCase(Locale.ROOT).replace('_', ' '),
                        o.recognised().isEmpty() ? "" : ", checked in as " + String.join(", ", o.recognised()))));
        if (clip != null) {
            s.append(String.format(Locale.ROOT, "Clip %s, people %s:%n", clip.clip(), String.join(", ", clip.people())));
            s.append(String.format(Locale.ROOT, "  enrolled:     checked in %s; FNIR %s%s%n", clip.recognised(), clip.fnir().describe(),
                    clip.otherCheckInsEnrolled().isEmpty() ? "" : "; also checked in as others: " + clip.otherCheckInsEnrolled()));
            s.append(String.format(Locale.ROOT, "  not enrolled: check-ins %s, stranger alerts %d; FPIR %s%n",
                    clip.checkInsAsStrangers(), clip.strangerAlerts(), clip.fpir().describe()));
        }
        return s.toString();
    }

    private static String describe(Map<VisitOutcome.Verdict, Integer> counts) {
        StringBuilder s = new StringBuilder();
        counts.forEach((v, n) -> {
            if (n > 0) {
                s.append(s.isEmpty() ? "" : ", ").append(n).append(' ').append(v.name().toLowerCase(Locale.ROOT).replace('_', ' '));
            }
        });
        return s.isEmpty() ? "none" : s.toString();
    }

    public String toJson() {
        Json j = new Json().beginObject().field("description", description).field("setting", setting)
                .field("threshold", threshold).field("enrolled", enrolled).field("templates", templates)
                .stringArray("notEnrolled", notEnrolled)
                .field("knownVisits", outcomes.stream().filter(o -> !o.visit().stranger()).count())
                .field("strangerVisits", outcomes.stream().filter(o -> o.visit().stranger()).count());
        j.name("perVisit").beginObject();
        j.name("fnir");
        visitFnir().writeJson(j);
        j.name("fpir");
        visitFpir().writeJson(j);
        verdictsJson(j, "knownVerdicts", verdicts(false));
        verdictsJson(j, "strangerVerdicts", verdicts(true));
        j.endObject();
        j.name("perPhoto").beginObject();
        j.name("fnir");
        photoFnir().writeJson(j);
        j.name("fpir");
        photoFpir().writeJson(j);
        j.endObject();
        j.name("visits").beginArray();
        for (VisitOutcome o : outcomes) {
            j.beginObject().field("id", o.visit().id()).field("label", o.visit().label() == null ? "" : o.visit().label())
                    .field("frames", o.visit().frames().size()).field("verdict", o.verdict().name())
                    .stringArray("checkedInAs", o.recognised()).field("strangerAlerts", o.strangerAlerts())
                    .field("spoofAlerts", o.spoofAlerts()).endObject();
        }
        j.endArray();
        if (clip != null) {
            j.name("clip").beginObject().field("clip", clip.clip()).stringArray("people", clip.people())
                    .stringArray("recognised", clip.recognised()).stringArray("otherCheckInsEnrolled", clip.otherCheckInsEnrolled())
                    .stringArray("checkInsAsStrangers", clip.checkInsAsStrangers()).field("strangerAlerts", clip.strangerAlerts());
            j.name("fnir");
            clip.fnir().writeJson(j);
            j.name("fpir");
            clip.fpir().writeJson(j);
            j.endObject();
        }
        return j.endObject().toString();
    }

    private static void verdictsJson(Json j, String name, Map<VisitOutcome.Verdict, Integer> counts) {
        j.name(name).beginObject();
        counts.forEach((v, n) -> j.field(v.name(), n));
        j.endObject();
    }
}
