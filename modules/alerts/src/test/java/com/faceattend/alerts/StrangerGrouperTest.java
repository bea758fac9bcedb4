package com.faceattend.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.faceattend.spi.Embedding;
import com.faceattend.store.StrangerGroup;
import com.faceattend.store.StrangerGrouping.Decision;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The grouping rules on embeddings of known cosine to a group's centroid. */
class StrangerGrouperTest {
    private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");

    /** A unit vector at cosine {@code c} to the first axis. */
    private static Embedding at(float c) {
        float[] v = new float[8];
        v[0] = c;
        v[1] = (float) Math.sqrt(1 - c * c);
        return new Embedding("m", v);
    }

    private static final StrangerGroup GROUP = new StrangerGroup(7, at(1f), 1, 1, T0, T0, T0.plus(Duration.ofDays(30)));

    private static StrangerGrouper grouper() {
        AlertSettings d = AlertSettings.defaults();
        return new StrangerGrouper(d.groupThreshold(), d.visitThreshold(), d.visitGap());
    }

    @Test
    void aboveTheGroupThresholdANewVisitJoinsTheGroup() {
        Decision d = grouper().forSighting(at(0.45f), T0.plus(Duration.ofDays(1))).decide(List.of(GROUP));
        assertEquals(7L, d.groupId());
        assertEquals(true, d.newVisit());
        assertEquals(0.45f, d.groupSimilarity(), 1e-5);
    }

    @Test
    void betweenTheTwoThresholdsOnlyAnOpenVisitIsContinued() {
        StrangerGrouper station = grouper();
        assertEquals(Decision.newGroup(), station.forSighting(at(0.33f), T0).decide(List.of(GROUP)), "no open visit");
        station.seen(7, T0);
        Decision sameVisit = station.forSighting(at(0.33f), T0.plusSeconds(60)).decide(List.of(GROUP));
        assertEquals(7L, sameVisit.groupId());
        assertEquals(false, sameVisit.newVisit());
        assertEquals(Decision.newGroup(), station.forSighting(at(0.33f), T0.plusSeconds(121)).decide(List.of(GROUP)),
                "the visit closed after the 2-minute gap");
        assertEquals(Decision.newGroup(), station.forSighting(at(0.25f), T0.plusSeconds(30)).decide(List.of(GROUP)),
                "below 0.30 even an open visit is another person");
    }

    @Test
    void theSameGroupWithinTheGapIsTheSameVisit() {
        StrangerGrouper station = grouper();
        station.seen(7, T0);
        Decision d = station.forSighting(at(0.9f), T0.plusSeconds(100)).decide(List.of(GROUP));
        assertEquals(false, d.newVisit());
        assertEquals(true, grouper().forSighting(at(0.9f), T0.plusSeconds(100)).decide(List.of(GROUP)).newVisit(),
                "another (restarted) station has no open visit");
    }
}
