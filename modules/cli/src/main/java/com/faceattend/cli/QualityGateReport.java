package com.faceattend.cli;

import com.faceattend.engine.pipeline.FaceQualityGate;
import com.faceattend.evaluation.IdentificationProtocol;
import com.faceattend.evaluation.Proportion;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the station's quality gate would turn away among an evaluation's probes: how many of the
 * enrolled people's and of the strangers' photos, and why. A probe without a face is not gated
 * (it has no decision either way and is counted as the evaluation always counted it).
 */
final class QualityGateReport {
    private final Map<Path, FaceQualityGate.Verdict> verdicts;
    private final Map<FaceQualityGate.Verdict, Integer> reasons = new EnumMap<>(FaceQualityGate.Verdict.class);
    private int enrolled, enrolledGated, strangers, strangersGated;

    QualityGateReport(Map<Path, FaceQualityGate.Verdict> verdicts, List<IdentificationProtocol.Probe> probes) {
        this.verdicts = verdicts;
        for (IdentificationProtocol.Probe p : probes) {
            boolean gated = !decided(p.image());
            if (p.stranger()) {
                strangers++;
                strangersGated += gated ? 1 : 0;
            } else {
                enrolled++;
                enrolledGated += gated ? 1 : 0;
            }
            if (gated) {
                reasons.merge(verdicts.get(p.image()), 1, Integer::sum);
            }
        }
    }

    /** Whether the station would decide on this photo's face. */
    boolean decided(Path photo) {
        FaceQualityGate.Verdict v = verdicts.get(photo);
        return v == null || v == FaceQualityGate.Verdict.FIT;
    }

    String summary() {
        String e = new Proportion(enrolledGated, enrolled).describe();
        String s = new Proportion(strangersGated, strangers).describe();
        StringBuilder why = new StringBuilder();
        reasons.forEach((v, n) -> why.append(why.isEmpty() ? "" : ", ").append(v.name().toLowerCase(Locale.ROOT)).append(' ').append(n));
        return String.format(Locale.ROOT, "quality gate (station defaults): turned away %s of enrolled people's probes, %s of strangers' (%s)",
                e, s, why.isEmpty() ? "none" : why);
    }

    String toJson() {
        return String.format(Locale.ROOT, "{\"enrolledProbes\": %d, \"enrolledGated\": %d, \"strangerProbes\": %d, \"strangersGated\": %d}",
                enrolled, enrolledGated, strangers, strangersGated);
    }
}
