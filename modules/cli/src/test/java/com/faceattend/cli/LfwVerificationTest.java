package com.faceattend.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 2 acceptance: LFW-dev verification, threshold chosen on 4 folds and tested on the 5th. */
class LfwVerificationTest {

    @Test
    void meanAccuracyOverFiveFoldsIsAtLeast985(@TempDir Path data) {
        Path lfw = Cli.data().resolve("lfw-dev");
        Cli.Result r = Cli.run(data, "eval", "verify", "--pairs", lfw.resolve("pairs.txt").toString(),
                "--images", lfw.resolve("images").toString(), "--json");
        assertEquals(ExitCode.OK, r.exitCode(), r.toString());
        JsonNode json = r.json();
        double accuracy = json.get("meanAccuracy").asDouble();
        System.out.println("LFW-dev: " + r.out());
        assertEquals(3000, json.get("pairs").asInt());
        assertTrue(json.get("crossValidated").asBoolean());
        assertTrue(accuracy >= 0.985, "mean accuracy " + accuracy);
    }
}
