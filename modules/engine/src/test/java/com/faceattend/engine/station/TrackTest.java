package com.faceattend.engine.station;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.faceattend.spi.Embedding;
import com.faceattend.spi.FaceBox;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A track's evidence: votes, the mean embedding, live scores, re-checks, and forgetting it all at a cut. */
class TrackTest {
    private static Track track() {
        return new Track(7, new FaceBox(0, 0, 100, 100));
    }

    @Test
    void theMeanEmbeddingIsTheRenormalisedMeanOfTheFrames() {
        Track t = track();
        t.addEmbedding(Embedding.normalised("m", new float[] {1, 0}));
        t.addEmbedding(Embedding.normalised("m", new float[] {0, 1}));
        Embedding mean = t.meanEmbedding();
        assertEquals("m", mean.modelId());
        float h = (float) Math.sqrt(0.5);
        assertArrayEquals(new float[] {h, h}, mean.vector(), 1e-6f);
    }

    @Test
    void theLeaderIsTheKeyWithMostVotes() {
        Track t = track();
        assertNull(t.leader(), "no votes, no leader");
        t.vote("E1");
        t.vote(Track.UNKNOWN);
        t.vote("E2");
        t.vote("E2");
        assertEquals(Map.entry("E2", 2), t.leader());
        assertEquals(4, t.votes());
    }

    @Test
    void liveScoresKeepTheMeanAndTheLatest() {
        Track t = track();
        assertTrue(Float.isNaN(t.meanLiveScore()));
        assertTrue(Float.isNaN(t.latestLiveScore()));
        t.liveScore(0.2f);
        t.liveScore(0.8f);
        assertEquals(0.5f, t.meanLiveScore(), 1e-6f);
        assertEquals(0.8f, t.latestLiveScore());
    }

    @Test
    void reChecksComeEveryIntervalAndRestartForgetsEverything() {
        Track t = track();
        t.vote("E1");
        t.addEmbedding(Embedding.normalised("m", new float[] {1, 0}));
        t.liveScore(0.9f);
        t.decide(TrackState.RECOGNISED, "E1", "Ann", 0.8f);
        assertFalse(t.recheckDue(3));
        assertFalse(t.recheckDue(3));
        assertTrue(t.recheckDue(3), "third analysed frame");
        t.recheckDone();
        assertFalse(t.recheckDue(3), "counting starts again after a re-check");

        t.restart();
        assertEquals(TrackState.TRACKING, t.state());
        assertNull(t.decidedKey());
        assertEquals(0, t.votes());
        assertTrue(Float.isNaN(t.meanLiveScore()));
        t.addEmbedding(Embedding.normalised("m", new float[] {0, 1}));
        assertArrayEquals(new float[] {0, 1}, t.meanEmbedding().vector(), 1e-6f, "the old face's embedding is gone");
        assertEquals(7, t.id(), "same box, same track id");
    }

    @Test
    void awaitingLivenessCountsOnlyWhileUndecided() {
        Track t = track();
        t.awaitLiveness("E1");
        assertEquals("E1", t.awaitingLivenessKey());
        t.decide(TrackState.SPOOF, "E1", "E1", Float.NaN);
        assertNull(t.awaitingLivenessKey(), "a decided track is not waiting any more");
    }

    @Test
    void missedFramesCountUntilTheFaceIsSeenAgain() {
        Track t = track();
        assertEquals(1, t.missedOneMore());
        assertEquals(2, t.missedOneMore());
        FaceBox moved = new FaceBox(5, 5, 100, 100);
        t.seen(moved);
        assertEquals(moved, t.box());
        assertEquals(1, t.missedOneMore());
    }
}
