package com.faceattend.alerts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.faceattend.engine.station.FrameAnalysis;
import com.faceattend.engine.station.TrackState;
import com.faceattend.spi.AttendanceEvent;
import com.faceattend.spi.Embedding;
import com.faceattend.spi.FaceBox;
import com.faceattend.spi.FrameImage;
import com.faceattend.spi.support.BgrImages;
import com.faceattend.store.AlertKind;
import com.faceattend.store.AlertQuery;
import com.faceattend.store.DerbyAttendanceStore;
import com.faceattend.store.StoreException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Alert history on a real Derby database in a temporary folder: one alert per visit, repeat
 * strangers grouped across station sessions, acknowledgement, filters, expiry, and a reopened
 * database still holding it all.
 */
class AlertServiceTest {
    private static final String MODEL = "test-model@1";
    private static final Instant T0 = Instant.parse("2026-11-16T08:00:00Z");

    /** A random unit vector: two of them in 512-d are nearly orthogonal (cosine about 0 +- 0.05). */
    private static float[] person(long seed) {
        Random r = new Random(seed);
        float[] v = new float[512];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) r.nextGaussian();
        }
        return Embedding.normalised(MODEL, v).vector();
    }

    /** Another view of the same person: the identity direction plus noise, cosine about 0.7 to it. */
    private static Embedding view(float[] identity, long noiseSeed) {
        float[] noise = person(noiseSeed);
        float[] v = new float[identity.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = identity[i] + 1.0f * noise[i];
        }
        return Embedding.normalised(MODEL, v);
    }

    private static AttendanceEvent.StrangerSeen stranger(Instant t, Embedding e) {
        return new AttendanceEvent.StrangerSeen(t, "Front door", 0.12f, e);
    }

    @Test
    void oneAlertPerVisitAndRepeatStrangersAreGroupedAcrossSessions(@TempDir Path dir) {
        float[] alice = person(1);
        float[] bob = person(2);
        MutableClock clock = new MutableClock(T0.plus(Duration.ofHours(1)));
        try (DerbyAttendanceStore db = DerbyAttendanceStore.openEmbedded(dir.resolve("db"))) {
            AlertService service = new AlertService(db, AlertSettings.defaults(), null, clock);
            List<Alert> heard = new ArrayList<>();
            service.addListener(heard::add);

            StationAlerts morning = service.forStation();
            morning.onEvent(stranger(T0, view(alice, 10)));
            // the same visit: her track was lost and found 30 s later
            morning.onEvent(stranger(T0.plusSeconds(30), view(alice, 11)));
            morning.onEvent(stranger(T0.plusSeconds(40), view(bob, 12)));
            assertEquals(2, heard.size(), "one alert per visit, not per track");

            // next day, a restarted station: a new visit of the same stranger
            StationAlerts nextDay = service.forStation();
            nextDay.onEvent(stranger(T0.plus(Duration.ofDays(1)), view(alice, 13)));
            assertEquals(3, heard.size());

            Alert aliceFirst = heard.get(0);
            Alert aliceAgain = heard.get(2);
            Alert bobAlert = heard.get(1);
            assertEquals(aliceFirst.record().strangerGroupId(), aliceAgain.record().strangerGroupId());
            assertNotEquals(aliceFirst.record().strangerGroupId(), bobAlert.record().strangerGroupId());
            assertTrue(aliceAgain.record().groupSimilarity() >= 0.40f, "joined at " + aliceAgain.record().groupSimilarity());
            assertEquals(2, aliceAgain.visitsThisWeek());
            assertEquals("unknown #" + aliceAgain.record().strangerGroupId() + ", seen 2 times this week (2 in all)",
                    aliceAgain.description());
            assertEquals(3, service.list(AlertQuery.all()).size());
            assertEquals(3, new com.faceattend.store.AlertStore(db).group(aliceFirst.record().strangerGroupId())
                    .orElseThrow().members(), "all three sightings of her feed the centroid");
        }
    }

    @Test
    void acknowledgeFilterAndReopen(@TempDir Path dir) {
        MutableClock clock = new MutableClock(T0.plus(Duration.ofHours(2)));
        long strangerId;
        long spoofId;
        try (DerbyAttendanceStore db = DerbyAttendanceStore.openEmbedded(dir.resolve("db"))) {
            AlertService service = new AlertService(db, AlertSettings.defaults(), null, clock);
            StationAlerts station = service.forStation();
            station.onEvent(stranger(T0, view(person(3), 20)));
            station.onEvent(new AttendanceEvent.SpoofSuspected(T0.plusSeconds(60), "Front door", "E7", 0.02f));
            List<Alert> all = service.list(AlertQuery.all());
            assertEquals(List.of(AlertKind.SPOOF, AlertKind.STRANGER), all.stream().map(Alert::kind).toList(), "newest first");
            spoofId = all.get(0).id();
            strangerId = all.get(1).id();
            assertTrue(all.get(0).description().contains("E7"), all.get(0).description());

            Alert acked = service.acknowledge(spoofId, "guard-anna", "  it was a poster in the lobby ");
            assertEquals("guard-anna", acked.record().ackActor());
            assertEquals("it was a poster in the lobby", acked.record().ackNote());
            assertEquals(clock.instant(), acked.record().ackTime());

            StoreException twice = assertThrows(StoreException.class, () -> service.acknowledge(spoofId, "bob", null));
            assertTrue(twice.getMessage().contains("already acknowledged by guard-anna"), twice.getMessage());
            StoreException missing = assertThrows(StoreException.class, () -> service.acknowledge(999, "bob", null));
            assertEquals("no alert with id 999", missing.getMessage());
            assertThrows(StoreException.class, () -> service.acknowledge(strangerId, " ", "x"));
        }
        try (DerbyAttendanceStore db = DerbyAttendanceStore.openEmbedded(dir.resolve("db"))) {
            AlertService service = new AlertService(db, AlertSettings.defaults(), null, clock);
            assertEquals(List.of(strangerId), ids(service.list(AlertQuery.all().unacknowledged())));
            assertEquals(List.of(spoofId), ids(service.list(AlertQuery.all().kind(AlertKind.SPOOF))));
            assertEquals(List.of(spoofId), ids(service.list(AlertQuery.all().since(T0.plusSeconds(1)))));
            assertEquals(List.of(), ids(service.list(AlertQuery.all().since(T0.plusSeconds(61)))));
            assertTrue(db.listAudit(10).stream().anyMatch(a -> a.action().equals("alert-ack")));
        }
    }

    @Test
    void expiredStrangerGroupsAreErasedButTheirAlertsStay(@TempDir Path dir) {
        MutableClock clock = new MutableClock(T0);
        try (DerbyAttendanceStore db = DerbyAttendanceStore.openEmbedded(dir.resolve("db"))) {
            AlertService service = new AlertService(db, AlertSettings.defaults().withStrangerRetention(Duration.ofDays(3)), null, clock);
            float[] carl = person(4);
            service.forStation().onEvent(stranger(T0, view(carl, 30)));
            clock.now = T0.plus(Duration.ofDays(2));
            assertEquals(new AlertService.Purged(0, 0), service.purgeExpired());
            clock.now = T0.plus(Duration.ofDays(3));
            assertEquals(new AlertService.Purged(1, 0), service.purgeExpired());
            Alert kept = service.list(AlertQuery.all()).get(0);
            assertNull(kept.record().strangerGroupId());
            assertEquals("unknown person (group expired)", kept.description());
            // after expiry he is a new stranger: nothing of him was left to compare with
            service.forStation().onEvent(stranger(clock.now, view(carl, 31)));
            assertEquals(2, service.list(AlertQuery.all()).stream().map(a -> a.record().strangerGroupId()).distinct().count());
        }
    }

    @Test
    void snapshotsAreOffByDefaultAndWhenOnKeepAnEncryptedCropOfTheStrangersFace(@TempDir Path dir) {
        MutableClock clock = new MutableClock(T0);
        // a 320x240 frame with a distinct pattern, the stranger's face box in the middle
        byte[] bgr = new byte[320 * 240 * 3];
        for (int i = 0; i < bgr.length; i++) {
            bgr[i] = (byte) (i * 7 % 251);
        }
        FrameImage frame = new FrameImage(320, 240, bgr, 0);
        FaceBox box = new FaceBox(120, 70, 80, 100);
        AttendanceEvent.StrangerSeen seen = stranger(T0, view(person(5), 40));
        FrameAnalysis analysis = new FrameAnalysis(0, true,
                List.of(new FrameAnalysis.FaceView(1, box, TrackState.STRANGER, "Unknown", 0.1f, Float.NaN)), List.of(seen));
        try (DerbyAttendanceStore db = DerbyAttendanceStore.openEmbedded(dir.resolve("db"))) {
            AlertService off = new AlertService(db, AlertSettings.defaults(), dir.resolve("snapshots"), clock);
            StationAlerts station = off.forStation();
            station.onEvent(seen);
            station.snapshotFrom(frame, analysis);
            Alert plain = off.list(AlertQuery.all()).get(0);
            assertNull(plain.record().snapshot(), "off by default");
            assertTrue(off.snapshot(plain.id()).isEmpty());
            assertFalse(java.nio.file.Files.exists(dir.resolve("snapshots")), "no folder and no key unless snapshots are on");

            AlertService on = new AlertService(db, AlertSettings.defaults().withSnapshots(true, Duration.ofDays(7)),
                    dir.resolve("snapshots"), clock);
            StationAlerts withSnapshots = on.forStation();
            AttendanceEvent.StrangerSeen other = stranger(T0, view(person(6), 41));
            withSnapshots.onEvent(other);
            withSnapshots.snapshotFrom(frame, new FrameAnalysis(0, true, analysis.faces(), List.of(other)));
            Alert kept = on.list(AlertQuery.all()).get(0);
            SnapshotImage crop = on.snapshot(kept.id()).orElseThrow();
            assertEquals(StationAlerts.SNAPSHOT_SIZE, crop.width());
            // the square crop 1.4x the box's longer side around its centre, as cut directly from the frame
            FrameImage expected = BgrImages.cropResize(frame, new FaceBox(90, 50, 140, 140), crop.width(), crop.height());
            assertArrayEquals(expected.bgr(), crop.bgr());

            clock.now = T0.plus(Duration.ofDays(7));
            assertTrue(on.snapshot(kept.id()).isEmpty(), "expired");
            assertEquals(1, on.purgeExpired().snapshots());
        }
    }

    private static List<Long> ids(List<Alert> alerts) {
        return alerts.stream().map(Alert::id).toList();
    }

    static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
