package com.faceattend.store;

import com.faceattend.spi.Embedding;
import java.time.Instant;

/**
 * A repeat stranger: the mean embedding of their sightings (no photo), how often they came, and
 * when the group (embedding included) is erased unless they come again.
 *
 * @param members    embeddings averaged into the centroid
 * @param visitCount visits (alerts) so far
 */
public record StrangerGroup(long id, Embedding centroid, int members, int visitCount, Instant firstSeen,
                            Instant lastSeen, Instant expiresAt) {
}
