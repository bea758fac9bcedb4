package com.faceattend.evaluation;

/**
 * True accept rate at a target false accept rate.
 *
 * @param targetFar      the FAR asked for
 * @param threshold      accept iff score &gt; threshold; {@code -Infinity} = accept every pair that has a score;
 *                       NaN when there are no different pairs
 * @param tar            accepted same pairs / same pairs
 * @param far            accepted different pairs / different pairs (&lt;= targetFar)
 * @param acceptedSame   same pairs accepted
 * @param samePairs      same pairs (including those with a missing score)
 * @param falseAccepts   different pairs accepted
 * @param differentPairs different pairs (including those with a missing score)
 */
public record TarAtFar(double targetFar, double threshold, double tar, double far,
                       int acceptedSame, int samePairs, int falseAccepts, int differentPairs) {
}
