package com.faceattend.alerts;

import com.faceattend.engine.station.FrameAnalysis;
import com.faceattend.engine.station.TrackState;
import com.faceattend.spi.AttendanceEvent;
import com.faceattend.spi.AttendanceListener;
import com.faceattend.spi.FaceBox;
import com.faceattend.spi.FrameImage;
import com.faceattend.spi.support.BgrImages;
import com.faceattend.store.AlertRecord;
import com.faceattend.store.AlertStore;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * One station's alert recorder: an {@link AttendanceListener} that stores a STRANGER alert per
 * visit (grouping repeat strangers) and a SPOOF alert per failed liveness decision. With snapshots
 * on, {@link #snapshotFrom} (called with each analysed frame, after the listeners) keeps an
 * encrypted face crop for the alerts raised on that frame. Not thread-safe: the station thread.
 */
public final class StationAlerts implements AttendanceListener {
    static final int SNAPSHOT_SIZE = 160;
    private static final float SNAPSHOT_MARGIN = 1.4f;

    private final AlertService service;
    private final AlertStore store;
    private final AlertSettings settings;
    private final SnapshotVault vault;
    private final StrangerGrouper grouper;
    /** Alerts raised by events of the frame being processed, waiting for their snapshot. */
    private final Map<AttendanceEvent, Long> awaitingSnapshot = new IdentityHashMap<>();

    StationAlerts(AlertService service, AlertStore store, AlertSettings settings, SnapshotVault vault) {
        this.service = service;
        this.store = store;
        this.settings = settings;
        this.vault = vault;
        this.grouper = new StrangerGrouper(settings.groupThreshold(), settings.visitThreshold(), settings.visitGap());
    }

    @Override
    public void onEvent(AttendanceEvent event) {
        switch (event) {
            case AttendanceEvent.StrangerSeen s -> {
                AlertStore.StrangerOutcome outcome = store.recordStranger(s, s.time().plus(settings.strangerRetention()),
                        grouper.forSighting(s.embedding(), s.time()));
                grouper.seen(outcome.group().id(), s.time());
                outcome.alert().ifPresent(a -> raised(event, a));
            }
            case AttendanceEvent.SpoofSuspected s -> raised(event, store.recordSpoof(s));
            case AttendanceEvent.PersonRecognized p -> { }
        }
    }

    /**
     * For a station with a journal (issue 13): stores a stranger sighting (with its alert) or a
     * suspected spoof (alert and audit entry) under the station's event id, once, and fires the alert
     * the first time. Called by the journal's forwarder thread, in journal order, instead of
     * {@link #onEvent}. Snapshots are not taken on this path: the frame is gone by delivery time.
     *
     * @return true when stored now, false when the central store had the event id already (a replay)
     */
    public synchronized boolean deliver(AttendanceEvent event, String eventId) {
        return switch (event) {
            case AttendanceEvent.StrangerSeen s -> {
                var outcome = store.recordStranger(s, s.time().plus(settings.strangerRetention()),
                        grouper.forSighting(s.embedding(), s.time()), eventId);
                outcome.ifPresent(o -> {
                    grouper.seen(o.group().id(), s.time());
                    o.alert().ifPresent(service::fire);
                });
                yield outcome.isPresent();
            }
            case AttendanceEvent.SpoofSuspected s -> {
                var alert = store.recordSpoof(s, eventId, "station:" + s.station());
                alert.ifPresent(service::fire);
                yield alert.isPresent();
            }
            case AttendanceEvent.PersonRecognized p -> throw new IllegalArgumentException(
                    "a recognised pass is not an alert; deliver it to the attendance store");
        };
    }

    private void raised(AttendanceEvent event, AlertRecord alert) {
        if (vault != null) {
            awaitingSnapshot.put(event, alert.id());
        }
        service.fire(alert);
    }

    /**
     * Keeps an encrypted crop of the face behind each alert raised on this frame (only when
     * snapshots are on). The crop is of the first face on the frame in the alert's state
     * (stranger or spoof).
     */
    public void snapshotFrom(FrameImage frame, FrameAnalysis analysis) {
        if (vault == null || awaitingSnapshot.isEmpty()) {
            return;
        }
        try {
            for (AttendanceEvent e : analysis.events()) {
                Long alertId = awaitingSnapshot.get(e);
                if (alertId == null) {
                    continue;
                }
                TrackState wanted = e instanceof AttendanceEvent.SpoofSuspected ? TrackState.SPOOF : TrackState.STRANGER;
                analysis.faces().stream().filter(f -> f.state() == wanted).findFirst().ifPresent(face -> {
                    FrameImage crop = BgrImages.cropResize(frame, square(face.box(), frame), SNAPSHOT_SIZE, SNAPSHOT_SIZE);
                    String name = vault.store(new SnapshotImage(crop.width(), crop.height(), crop.bgr()),
                            e.time().plus(settings.snapshotRetention()));
                    store.attachSnapshot(alertId, name);
                });
            }
        } finally {
            awaitingSnapshot.clear();
        }
    }

    private static FaceBox square(FaceBox b, FrameImage frame) {
        float side = Math.max(b.width(), b.height()) * SNAPSHOT_MARGIN;
        return BgrImages.clampToFrame(new FaceBox(b.centerX() - side / 2, b.centerY() - side / 2, side, side),
                frame.width(), frame.height());
    }
}
