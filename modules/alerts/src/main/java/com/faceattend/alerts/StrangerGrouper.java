package com.faceattend.alerts;

import com.faceattend.spi.Embedding;
import com.faceattend.store.StrangerGroup;
import com.faceattend.store.StrangerGrouping;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Groups stranger sightings by embedding: a sighting joins the unexpired group whose centroid is
 * most similar, if that similarity reaches the threshold, else starts a new group. It also tells
 * a new visit from the same visit seen again: the station raises one StrangerSeen per track, and a
 * track that is lost (the person turned away) and found again is a second track of the same visit.
 * Open visits are remembered per grouper, that is per running station: a restarted station starts
 * new visits. Not thread-safe (one station thread).
 */
public final class StrangerGrouper {
    private final float threshold;
    private final Duration visitGap;
    /** Group id to the time of its latest sighting at this station in this session. */
    private final Map<Long, Instant> openVisits = new HashMap<>();

    public StrangerGrouper(float threshold, Duration visitGap) {
        this.threshold = threshold;
        this.visitGap = visitGap;
    }

    /** The grouping decision for one sighting, to pass to {@code AlertStore.recordStranger}. */
    public StrangerGrouping forSighting(Embedding embedding, Instant time) {
        return groups -> {
            StrangerGroup best = null;
            float bestSimilarity = Float.NEGATIVE_INFINITY;
            for (StrangerGroup g : groups) {
                if (g.centroid().dimension() != embedding.dimension()) {
                    continue;
                }
                float s = g.centroid().cosine(embedding);
                if (s > bestSimilarity) {
                    best = g;
                    bestSimilarity = s;
                }
            }
            if (best == null || bestSimilarity < threshold) {
                return StrangerGrouping.Decision.newGroup();
            }
            Instant last = openVisits.get(best.id());
            boolean sameVisit = last != null && !time.isBefore(last) && Duration.between(last, time).compareTo(visitGap) <= 0;
            return new StrangerGrouping.Decision(best.id(), bestSimilarity, !sameVisit);
        };
    }

    /** Records that {@code groupId} was seen at {@code time}, keeping its visit open. */
    public void seen(long groupId, Instant time) {
        openVisits.merge(groupId, time, (a, b) -> a.isAfter(b) ? a : b);
    }
}
