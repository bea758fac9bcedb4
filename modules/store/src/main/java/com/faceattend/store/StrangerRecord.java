package com.faceattend.store;

import com.faceattend.spi.Embedding;
import java.time.Instant;

/**
 * A visit by someone who matched nobody. {@code embedding} is null when it was not retained
 * (no expiry was given); {@code expiresAt} is when the whole record is purged.
 */
public record StrangerRecord(long id, String station, Instant time, float bestSimilarity, Embedding embedding,
                             Instant expiresAt) {
}
