package com.faceattend.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Issue 16: visits composed from the open set are person-disjoint from enrolment and cut as stated. */
class VisitProtocolTest {

    @Test
    void faces94VisitsAreRunsOfTheProbesNeverTheEnrolmentPhotos() throws IOException {
        PersonFolders faces94 = PersonFolders.scan(TestData.require("faces94/identities"));
        IdentificationProtocol.Split split = IdentificationProtocol.openSet(faces94, 1)
                .withStrangers(PersonFolders.scan(TestData.require("faces94/unknown_not_enrolled")));
        List<Visit> visits = VisitProtocol.compose(split, 3, 0);
        Set<Path> enrolled = new HashSet<>();
        split.enrolments().forEach(e -> enrolled.addAll(e.images()));
        Set<String> enrolledNames = new HashSet<>();
        split.enrolments().forEach(e -> enrolledNames.add(e.name()));
        // 9 enrolled people keep 19 photos each: 6 visits of 3; 9 strangers have 20: 6 visits; label11 (4 photos): 1
        assertEquals(9 * 6, visits.stream().filter(v -> !v.stranger()).count());
        assertEquals(9 * 6 + 1, visits.stream().filter(Visit::stranger).count());
        for (Visit v : visits) {
            assertEquals(3, v.frames().size(), v::toString);
            assertTrue(v.frames().stream().noneMatch(enrolled::contains), "a visit never replays an enrolment photo: " + v);
            assertTrue(v.frames().stream().allMatch(f -> f.getParent().getFileName().toString().equals(v.person())),
                    "one visit, one person: " + v);
            if (v.stranger()) {
                assertTrue(!enrolledNames.contains(v.person()), "a stranger is enrolled nowhere: " + v);
            } else {
                assertEquals(v.person(), v.label());
            }
        }
        List<Visit> capped = VisitProtocol.compose(split, 3, 2);
        assertEquals(9 * 2 + 9 * 2 + 1, capped.size(), "at most two visits per person, nobody dropped");
        assertEquals(visits.get(0), capped.get(0), "the first visits are kept");
        assertThrows(IllegalArgumentException.class, () -> VisitProtocol.compose(split, 0, 0));
    }

    @Test
    void verdictsFollowTheCheckIns() {
        Visit known = new Visit("ann#1", "ann", "ann", List.of(Path.of("a.jpg")));
        Visit stranger = new Visit("bob#1", "bob", null, List.of(Path.of("b.jpg")));
        assertEquals(VisitOutcome.Verdict.IDENTIFIED, new VisitOutcome(known, List.of("ann"), 0, 0).verdict());
        assertEquals(VisitOutcome.Verdict.ACCEPTED_AS_OTHER, new VisitOutcome(known, List.of("ann", "cid"), 0, 0).verdict(),
                "checked in as someone else as well is an error");
        assertEquals(VisitOutcome.Verdict.STRANGER_ALERT, new VisitOutcome(known, List.of(), 1, 0).verdict());
        assertEquals(VisitOutcome.Verdict.NO_DECISION, new VisitOutcome(stranger, List.of(), 0, 0).verdict());
        assertEquals(VisitOutcome.Verdict.ACCEPTED_AS_OTHER, new VisitOutcome(stranger, List.of("ann"), 0, 0).verdict());
        VisitResult r = new VisitResult("test", "1 in 300", 0.5, 1, 1, List.of(),
                List.of(new VisitOutcome(known, List.of(), 0, 0), new VisitOutcome(stranger, List.of("ann"), 0, 0)),
                List.of(new PhotoDecision(Path.of("a.jpg"), "ann", "ann"), new PhotoDecision(Path.of("b.jpg"), null, null)), null);
        assertEquals(new Proportion(1, 1), r.visitFnir());
        assertEquals(new Proportion(1, 1), r.visitFpir());
        assertEquals(new Proportion(0, 1), r.photoFnir());
        assertEquals(new Proportion(0, 1), r.photoFpir());
        assertNull(r.clip());
        // 0 of 18 visits: the interval starts at exactly 0 (rounding once left 1.4e-17, above the rate)
        assertEquals(0.0, new Proportion(0, 18).lower(), 0.0);
        assertEquals(1.0, new Proportion(18, 18).upper(), 0.0);
        assertEquals(0.0, Wilson.of(0, 18).low(), 0.0);
        assertEquals(1.0, Wilson.of(18, 18).high(), 0.0);
        assertTrue(r.toJson().contains("\"perVisit\""), r.toJson());
    }
}
