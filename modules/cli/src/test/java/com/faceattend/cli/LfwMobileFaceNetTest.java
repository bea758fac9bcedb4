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

    @Test
    void mtcnnWithMobileFaceNetReaches97PercentOnLfwDev(@TempDir Path data) {
        Path lfw = Cli.data().resolve("lfw-dev");
        Cli.Result r = Cli.run(data, "eval", "verify", "--pairs", lfw.resolve("pairs.txt").toString(),
                "--images", lfw.resolve("images").toString(), "--detector", "mtcnn", "--embedder", "mobilefacenet-192", "--json");
        assertEquals(ExitCode.OK, r.exitCode(), r.toString());
        JsonNode json = r.json();
        double accuracy = json.get("meanAccuracy").asDouble();
        System.out.println("LFW-dev, mtcnn + mobilefacenet-192: " + r.out());
        assertEquals(3000, json.get("pairs").asInt());
        assertTrue(json.get("crossValidated").asBoolean());
        assertTrue(accuracy >= 0.97, "mean accuracy " + accuracy);
    }
}
