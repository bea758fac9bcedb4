package com.faceattend.engine.station;

import com.faceattend.spi.Embedding;
import com.faceattend.spi.FaceBox;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One face followed across frames, with the identity votes of its embedded frames.
 */
public final class Track {
    /** Vote key for "matched nobody". */
    static final String UNKNOWN = "";

    private final int id;
    private FaceBox box;
    private int missed;
    private final List<String> votes = new ArrayList<>();
    private float[] embeddingSum;
    private String modelId;
    private float liveScoreSum;
    private int liveSamples;
    private float latestLiveScore = Float.NaN;
    /** Recognised but still waiting for a whole-track liveness check (a blink): who it resembles. */
    private String awaitingLivenessKey;
    private TrackState state = TrackState.TRACKING;
    private String decidedKey;
    private String decidedName;
    private float decidedSimilarity;
    private int framesSinceCheck;
    /** Counts restarts, so evidence gathered for the face the box held before is recognised as stale. */
    private int generation;

    Track(int id, FaceBox box) {
        this.id = id;
        this.box = box;
    }

    public int id() {
        return id;
    }

    public FaceBox box() {
        return box;
    }

    public TrackState state() {
        return state;
    }

    /** Employee code once recognised, else null. */
    public String decidedKey() {
        return decidedKey;
    }

    public String decidedName() {
        return decidedName;
    }

    public float decidedSimilarity() {
        return decidedSimilarity;
    }

    /** Mean live score of the embedded frames, NaN when liveness was not checked. */
    public float meanLiveScore() {
        return liveSamples == 0 ? Float.NaN : liveScoreSum / liveSamples;
    }

    int generation() {
        return generation;
    }

    int votes() {
        return votes.size();
    }

    void seen(FaceBox newBox) {
        box = newBox;
        missed = 0;
    }

    int missedOneMore() {
        return ++missed;
    }

    void vote(String key) {
        votes.add(key);
    }

    /** Adds a frame's embedding to the track's running mean. */
    void addEmbedding(Embedding e) {
        if (embeddingSum == null) {
            embeddingSum = new float[e.dimension()];
            modelId = e.modelId();
        }
        float[] v = e.vector();
        for (int i = 0; i < v.length; i++) {
            embeddingSum[i] += v[i];
        }
    }

    /**
     * The mean of the embedded frames, renormalised: one noisy, blurred or turned frame moves it
     * little, so it identifies more reliably than any single frame.
     */
    Embedding meanEmbedding() {
        return Embedding.normalised(modelId, embeddingSum);
    }

    /** The latest live score, NaN when liveness was not checked: a whole-track check's verdict so far. */
    public float latestLiveScore() {
        return latestLiveScore;
    }

    void liveScore(float score) {
        latestLiveScore = score;
        liveScoreSum += score;
        liveSamples++;
    }

    /** The key with most votes and its count; ties go to the earlier-seen key. */
    Map.Entry<String, Integer> leader() {
        Map<String, Integer> counts = new HashMap<>();
        String best = null;
        int bestCount = 0;
        for (String v : votes) {
            int c = counts.merge(v, 1, Integer::sum);
            if (c > bestCount) {
                best = v;
                bestCount = c;
            }
        }
        return best == null ? null : Map.entry(best, bestCount);
    }

    /** Counts analysed frames since the decided identity was last re-checked; true when due. */
    boolean recheckDue(int interval) {
        return ++framesSinceCheck >= interval;
    }

    /**
     * Forgets all evidence and the decision: the face under this box is someone else now (a
     * scene cut, or two people crossing). The next frames decide afresh.
     */
    void restart() {
        generation++;
        votes.clear();
        embeddingSum = null;
        liveScoreSum = 0;
        liveSamples = 0;
        framesSinceCheck = 0;
        awaitingLivenessKey = null;
        decide(TrackState.TRACKING, null, null, 0f);
    }

    void recheckDone() {
        framesSinceCheck = 0;
    }

    void awaitLiveness(String key) {
        awaitingLivenessKey = key;
    }

    String awaitingLivenessKey() {
        return state == TrackState.TRACKING ? awaitingLivenessKey : null;
    }

    void decide(TrackState newState, String key, String name, float similarity) {
        state = newState;
        decidedKey = key;
        decidedName = name;
        decidedSimilarity = similarity;
    }
}
