package com.faceattend.engine.station;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.faceattend.spi.DetectedFace;
import com.faceattend.spi.FaceBox;
import com.faceattend.spi.FaceLandmarks;
import java.util.List;
import org.junit.jupiter.api.Test;

class FaceTrackerTest {
    private static DetectedFace face(float x, float y) {
        return new DetectedFace(new FaceBox(x, y, 100, 100), 0.9f, new FaceLandmarks(new float[10]));
    }

    @Test
    void aFaceMovingALittleKeepsItsTrack() {
        FaceTracker tracker = new FaceTracker(3);
        int id = tracker.update(List.of(face(100, 100))).get(0).id();
        assertEquals(id, tracker.update(List.of(face(110, 104))).get(0).id());
        assertEquals(id, tracker.update(List.of(face(122, 108))).get(0).id());
    }

    @Test
    void twoFacesGetTwoTracksAndKeepThemWhenTheyMove() {
        FaceTracker tracker = new FaceTracker(3);
        List<Track> first = tracker.update(List.of(face(0, 0), face(300, 0)));
        assertNotEquals(first.get(0).id(), first.get(1).id());
        // Reported in the other order: matching is by overlap, not by position in the list.
        List<Track> second = tracker.update(List.of(face(305, 5), face(5, 5)));
        assertEquals(first.get(1).id(), second.get(0).id());
        assertEquals(first.get(0).id(), second.get(1).id());
    }

    @Test
    void aTrackEndsAfterTooManyMissedFramesAndTheFaceThenStartsANewOne() {
        FaceTracker tracker = new FaceTracker(2);
        int id = tracker.update(List.of(face(100, 100))).get(0).id();
        tracker.update(List.of());
        tracker.update(List.of());
        assertEquals(1, tracker.tracks().size(), "two missed frames are tolerated");
        tracker.update(List.of());
        assertEquals(0, tracker.tracks().size());
        assertNotEquals(id, tracker.update(List.of(face(100, 100))).get(0).id());
    }
}
