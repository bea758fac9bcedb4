package com.faceattend.evaluation;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Result of {@link LivenessMetrics#evaluate}; definitions there.
 *
 * @param threshold     the threshold the rates are taken at (live iff score &gt;= threshold)
 * @param live          bona fide presentations, including those with no face found
 * @param attacks       attack presentations, including those with no face found
 * @param liveNoFace    bona fide presentations in which no face was found (not in BPCER)
 * @param attackNoFace  attacks in which no face was found (not in APCER)
 * @param apcerByType   attacks accepted, per attack type
 * @param apcer         attacks accepted, all types pooled
 * @param bpcer         live presentations rejected
 * @param bpcerAtApcer  the operating points at {@link LivenessMetrics#APCER_TARGETS}
 * @param apcerAtBpcer  the operating point at {@link LivenessMetrics#BPCER_TARGET}
 */
public record LivenessEvaluation(double threshold, int live, int attacks, int liveNoFace, int attackNoFace,
                                 Map<String, Proportion> apcerByType, Proportion apcer, Proportion bpcer,
                                 List<PadOperatingPoint> bpcerAtApcer, PadOperatingPoint apcerAtBpcer) {
    public LivenessEvaluation {
        apcerByType = Map.copyOf(apcerByType);
        bpcerAtApcer = List.copyOf(bpcerAtApcer);
    }

    /** The attack type accepted most often (ISO 30107-3 reports the worst species); empty name when none. */
    public Map.Entry<String, Proportion> worstType() {
        return apcerByType.entrySet().stream()
                .max(java.util.Comparator.comparingDouble((Map.Entry<String, Proportion> e) -> e.getValue().rate())
                        .thenComparing(Map.Entry::getKey))
                .orElse(Map.entry("", new Proportion(0, 0)));
    }

    /** A few lines for a person. */
    public String summary() {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT,
                "Liveness (ISO/IEC 30107-3), live iff score >= %.3f; intervals: 95 %% Wilson%n", threshold));
        s.append(String.format(Locale.ROOT,
                "  %d live, %d attacks; no face found in %d live and %d attack image(s): counted apart, not in the rates%n",
                live, attacks, liveNoFace, attackNoFace));
        new java.util.TreeMap<>(apcerByType).forEach((type, p) ->
                s.append(String.format(Locale.ROOT, "  APCER %-40s %s%n", type, p.describe())));
        s.append(String.format(Locale.ROOT, "  APCER %-40s %s%n", "all attacks", apcer.describe()));
        s.append(String.format(Locale.ROOT, "  BPCER %-40s %s%n", "", bpcer.describe()));
        for (PadOperatingPoint p : bpcerAtApcer) {
            s.append(String.format(Locale.ROOT, "  at APCER <= %2.0f %% (threshold %.4f): BPCER %s%n",
                    100 * p.target(), p.threshold(), p.bpcer().describe()));
        }
        s.append(String.format(Locale.ROOT, "  at BPCER <= %2.0f %% (threshold %.4f): APCER %s%n",
                100 * apcerAtBpcer.target(), apcerAtBpcer.threshold(), apcerAtBpcer.apcer().describe()));
        return s.toString();
    }

    /** Machine-readable form; non-finite numbers are {@code null}. */
    public String toJson() {
        Json j = new Json();
        writeJson(j);
        return j.toString();
    }

    void writeJson(Json j) {
        j.beginObject().field("threshold", threshold)
                .field("decisionRule", "live iff score >= threshold; no face found: counted apart, not in the rates")
                .field("interval", "95% Wilson score")
                .field("live", live).field("attacks", attacks)
                .field("liveNoFace", liveNoFace).field("attackNoFace", attackNoFace);
        writeTypes(j, new java.util.TreeMap<>(apcerByType));
        j.name("apcer");
        apcer.writeJson(j);
        j.name("bpcer");
        bpcer.writeJson(j);
        j.name("bpcerAtApcer").beginArray();
        bpcerAtApcer.forEach(p -> p.writeJson(j));
        j.endArray();
        j.name("apcerAtBpcer");
        apcerAtBpcer.writeJson(j);
        j.endObject();
    }

    static void writeTypes(Json j, Map<String, Proportion> types) {
        j.name("apcerByType").beginObject();
        types.forEach((type, p) -> {
            j.name(type);
            p.writeJson(j);
        });
        j.endObject();
    }
}
