package com.faceattend.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 6 acceptance: the converted MTCNN + MobileFaceNet pair on LFW-dev, through the same
 * evaluation, FaceAligner and flip averaging as the default pipeline.
 */
class LfwMobileFaceNetTest {

    /**
     * MTCNN's pyramid starts at {@value #MIN_FACE} px faces instead of 20: LFW-dev's faces are about 100 px wide in
     * 250 px photos, and the small-face levels took half of MTCNN's time here (issue 22: CI time) while finding no
     * face the evaluation uses (measured at 20 px: 99.20 % with 2 pairs unscored; at 60 px: 99.17 %, none unscored).
     */
    private static final int MIN_FACE = 60;

    @Test
    void mtcnnWithMobileFaceNetPinsTheReadmeFigures(@TempDir Path data) {
        Path lfw = Cli.data().resolve("lfw-dev");
        Cli.Result r = Cli.run(data, "eval", "verify", "--pairs", lfw.resolve("pairs.txt").toString(),
                "--images", lfw.resolve("images").toString(), "--detector", "mtcnn", "--detector-option", "minFaceSize=" + MIN_FACE,
                "--embedder", "mobilefacenet-192", "--json");
        assertEquals(ExitCode.OK, r.exitCode(), r.toString());
        JsonNode json = r.json();
        System.out.println("LFW-dev, mtcnn (minFaceSize " + MIN_FACE + ") + mobilefacenet-192: " + r.out());
        assertEquals(3000, json.get("pairs").asInt());
        assertTrue(json.get("crossValidated").asBoolean());
        // README "mtcnn + mobilefacenet-192, LFW-dev": 99.17 % +- 0.30, TAR 98.8 % at FAR 1e-3, no pair unscored;
        // margin in ReadmeFigures (3 pairs)
        ReadmeFigures.assertPinned("LFW-dev, mtcnn + mobilefacenet-192", json, 0.9917, 0.988);
        assertTrue(json.get("missingScores").asInt() <= ReadmeFigures.MARGIN_PAIRS, "README: no pair unscored; " + json.get("missingScores"));
        // AUC 0.9995, with the same allowance as the default pipeline's
        assertTrue(json.get("auc").asDouble() >= 0.9995 - 0.001, "README: AUC 0.9995; measured " + json.get("auc"));
    }

    @Test
    void aDetectorOptionTheDetectorRefusesIsAClearBadValue(@TempDir Path data) {
        Path lfw = Cli.data().resolve("lfw-dev");
        Cli.Result r = Cli.run(data, "eval", "verify", "--pairs", lfw.resolve("pairs.txt").toString(),
                "--images", lfw.resolve("images").toString(), "--detector", "mtcnn", "--detector-option", "minFaceSize=8");
        assertEquals(ExitCode.USAGE, r.exitCode(), r.toString());
        assertTrue(r.err().contains("minFaceSize") && r.err().contains("fix:") && !r.err().contains("Exception"), r.err());
    }
}
