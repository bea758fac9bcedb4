package com.faceattend.evaluation;

import java.util.List;

/**
 * Open-set identification at one threshold. A probe is accepted as person X iff X is its best match and
 * the score is strictly above the threshold.
 *
 * @param targetFpir      the FPIR the threshold was chosen for, NaN when the caller gave the threshold
 * @param threshold       the threshold; {@code -Infinity} = accept every best match of a probe with a face;
 *                        NaN when chosen for an FPIR but there were no stranger probes
 * @param strangerProbes  stranger probes (those without a face included: they are always rejected)
 * @param falseAccepts    strangers whose best match scores above the threshold
 * @param fpir            falseAccepts / strangerProbes (NaN without strangers)
 * @param knownProbes     probes of enrolled people (those without a face included: always missed)
 * @param knownMisses     known probes not accepted as their true identity: not rank 1, or score not above
 *                        the threshold, or no face
 * @param fnir            knownMisses / knownProbes (NaN without known probes)
 * @param errors          every miss and false accept at this threshold, in probe order
 */
public record OpenSetPoint(double targetFpir, double threshold, int strangerProbes, int falseAccepts, double fpir,
                           int knownProbes, int knownMisses, double fnir, List<Miss> errors) {
    public OpenSetPoint {
        errors = List.copyOf(errors);
    }

    /** 95 % interval of {@link #fnir()} (binomial over the known probes, threshold held fixed). */
    public Wilson fnirInterval() {
        return Wilson.of(knownMisses, knownProbes);
    }

    /** 95 % interval of {@link #fpir()} (binomial over the stranger probes, threshold held fixed). */
    public Wilson fpirInterval() {
        return Wilson.of(falseAccepts, strangerProbes);
    }
}
