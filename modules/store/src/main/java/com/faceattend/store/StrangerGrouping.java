package com.faceattend.store;

import java.util.List;

/**
 * Decides which repeat-stranger group a new stranger sighting belongs to. {@link AlertStore} calls it
 * inside the transaction that stores the outcome, so two stations sharing a database cannot both
 * create a group for the same person at once. The policy (similarity threshold, what counts as a
 * new visit) lives with the caller (module alerts).
 */
@FunctionalInterface
public interface StrangerGrouping {

    /**
     * @param groups the unexpired groups of the sighting's embedding model
     */
    Decision decide(List<StrangerGroup> groups);

    /**
     * @param groupId         the group joined, or null to start a new one
     * @param groupSimilarity similarity to that group's centroid (NaN for a new group)
     * @param newVisit        true: a new visit, one alert; false: the same visit seen again (a track that
     *                        was lost and found), which only refreshes the group
     */
    record Decision(Long groupId, float groupSimilarity, boolean newVisit) {
        public static Decision newGroup() {
            return new Decision(null, Float.NaN, true);
        }
    }
}
