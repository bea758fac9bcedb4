package com.faceattend.evaluation;

/**
 * Verification accuracy on one held-out fold.
 *
 * @param fold          fold index
 * @param pairs         pairs in this fold
 * @param threshold     threshold chosen on the other folds (on this fold itself when there is only one)
 * @param trainAccuracy accuracy of that threshold on the folds it was chosen on
 * @param accuracy      accuracy on this fold
 */
public record FoldResult(int fold, int pairs, double threshold, double trainAccuracy, double accuracy) {
}
