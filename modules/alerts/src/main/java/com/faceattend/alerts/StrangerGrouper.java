package com.faceattend.alerts;

import com.faceattend.spi.Embedding;
import com.faceattend.store.StrangerGroup;
import com.faceattend.store.StrangerGrouping;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Groups stranger sightings by embedding (cosine to each unexpired group's centroid):
 * <ol>
 *   <li>the most similar group at or above the group threshold is joined; if this station saw that
 *       group within the visit gap it is the same visit (no alert), else a new visit;</li>
 *   <li>otherwise, the most similar group with a visit open at this station, at or above the lower
 *       visit threshold, is joined as the same visit (a lost and re-found track);</li>
 *   <li>otherwise a new group starts.</li>
 * </ol>
 * The station raises one StrangerSeen per track; a person who turns away and back is a second
 * track of the same visit. Open visits are remembered per grouper, that is per running station: a
 * restarted station starts new visits. Not thread-safe (one station thread).
 */
public final class StrangerGrouper {
    private final float groupThreshold;
    private final float visitThreshold;
    private final Duration visitGap;
    /** Group id to the time of its latest sighting at this station in this session. */
    private final Map<Long, Instant> openVisits = new HashMap<>();

    public StrangerGrouper(float groupThreshold, float visitThreshold, Duration visitGap) {
        this.groupThreshold = groupThreshold;
        this.visitThreshold = visitThreshold;
        this.visitGap = visitGap;
    }

    /** The grouping decision for one sighting, to pass to {@code AlertStore.recordStranger}. */
    public StrangerGrouping forSighting(Embedding embedding, Instant time) {
        return groups -> {
            StrangerGroup best = null;
            float bestSimilarity = Float.NEGATIVE_INFINITY;
            StrangerGroup bestOpen = null;
            float bestOpenSimilarity = Float.NEGATIVE_INFINITY;
            for (StrangerGroup g : groups) {
                if (g.centroid().dimension() != embedding.dimension()) {
                    continue;
                }
                float s = g.centroid().cosine(embedding);
                if (s > bestSimilarity) {
                    best = g;
                    bestSimilarity = s;
                }
                if (isOpen(g.id(), time) && s > bestOpenSimilarity) {
                    bestOpen = g;
                    bestOpenSimilarity = s;
                }
            }
            if (best != null && bestSimilarity >= groupThreshold) {
                return new StrangerGrouping.Decision(best.id(), bestSimilarity, !isOpen(best.id(), time));
            }
            if (bestOpen != null && bestOpenSimilarity >= visitThreshold) {
                return new StrangerGrouping.Decision(bestOpen.id(), bestOpenSimilarity, false);
            }
            return StrangerGrouping.Decision.newGroup();
        };
    }

    private boolean isOpen(long groupId, Instant time) {
        Instant last = openVisits.get(groupId);
        return last != null && !time.isBefore(last) && Duration.between(last, time).compareTo(visitGap) <= 0;
    }

    /** Records that {@code groupId} was seen at {@code time}, keeping its visit open. */
    public void seen(long groupId, Instant time) {
        openVisits.merge(groupId, time, (a, b) -> a.isAfter(b) ? a : b);
    }
}
