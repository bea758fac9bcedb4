package com.faceattend.spi;

import java.util.List;

/**
 * A cheap first look at a frame (the seed design's Haar cascade) that says where faces may be, so
 * the costly detector can skip frames with nobody in them. May over-report; must not be trusted for
 * the final decision. Stateful; close it.
 *
 * @since 0.1
 */
public interface FacePrescreen extends AutoCloseable {
    /** Regions that may hold a face, in frame pixels; empty when the frame surely has none. */
    List<FaceBox> candidates(FrameImage frame);

    @Override
    void close();
}
