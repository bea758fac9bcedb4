package com.faceattend.evaluation;

import java.util.List;

/**
 * Closed-set identification over the probes of enrolled people (strangers are ignored).
 *
 * @param knownProbes probes of enrolled people
 * @param noFace      of those, probes without a face (counted as misses at every rank)
 * @param rank1Hits   probes whose true identity is strictly the best match
 * @param rank5Hits   probes with fewer than 5 other people scoring at least as high as the true identity
 * @param rank1       rank1Hits / knownProbes (NaN without probes)
 * @param rank5       rank5Hits / knownProbes
 * @param misses      the rank-1 misses (WRONG_IDENTITY and NO_FACE), in probe order
 */
public record ClosedSetResult(int knownProbes, int noFace, int rank1Hits, int rank5Hits, double rank1, double rank5,
                              List<Miss> misses) {
    public ClosedSetResult {
        misses = List.copyOf(misses);
    }
}
