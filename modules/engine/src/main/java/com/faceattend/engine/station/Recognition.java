package com.faceattend.engine.station;

import com.faceattend.engine.pipeline.FacePipeline;
import com.faceattend.engine.pipeline.FaceQualityGate;
import com.faceattend.engine.pipeline.FoundFace;
import com.faceattend.spi.DetectedFace;
import com.faceattend.spi.Embedding;
import com.faceattend.spi.FrameImage;
import java.util.ArrayList;
import java.util.List;

/**
 * The expensive part of recognising the faces a detector-paced station follows: landmarks, embedding
 * and liveness, only for the tracks that need them on one frame. A job reads nothing of the tracks
 * but their ids, so it may run on another thread while the station tracks the next frame; the
 * station applies its observations on its own thread.
 */
final class Recognition {
    private Recognition() {
    }

    /** Why a track is embedded on this frame. */
    enum Need {
        /** Still deciding who it is: embed, vote, check liveness. */
        DECIDE,
        /** Decided: is the face under the box still the same person? */
        RECHECK
    }

    /** One track's face on the job's frame; {@code generation} tells whether the track restarted since. */
    record Item(Track track, int generation, FoundFace face, Need need) { }

    /** What the job found for one item; {@code liveScore} is NaN when liveness was not checked. */
    record Observation(Item item, long mediaTime, Embedding embedding, float liveScore) { }

    /**
     * @param endedTracks tracks whose whole-track liveness state ends before this frame's checks (they
     *                    ended, or their box now holds someone else); told on the job's thread so the
     *                    liveness check is only ever used from one thread at a time
     * @param gate        faces it turns away are not embedded for a decision ("look at the camera");
     *                    null: every face counts
     */
    record Job(FrameImage frame, List<Item> items, List<Integer> endedTracks, FaceQualityGate gate) {
        List<Observation> run(FacePipeline pipeline) {
            endedTracks.forEach(pipeline::trackEnded);
            List<Observation> found = new ArrayList<>(items.size());
            for (Item item : items) {
                DetectedFace face = pipeline.locate(frame, item.face());
                boolean deciding = item.need() == Need.DECIDE;
                if (deciding && gate != null && gate.check(face, pipeline.align(frame, face)) != FaceQualityGate.Verdict.FIT) {
                    continue;
                }
                // Re-checks too are flip-averaged: one pass scored below the same-person threshold on the
                // shared clip and restarted a track (bench showed an extra stranger alert).
                Embedding embedding = pipeline.embed(frame, face);
                float live = deciding
                        ? pipeline.liveness(frame, face, item.track().id()).map(l -> l.liveScore()).orElse(Float.NaN)
                        : Float.NaN;
                found.add(new Observation(item, frame.timestampMillis(), embedding, live));
            }
            return found;
        }
    }
}
