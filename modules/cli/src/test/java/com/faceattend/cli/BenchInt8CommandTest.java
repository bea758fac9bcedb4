package com.faceattend.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bench --int8}: the CLI wiring (the full-length measurement is QuantisationComparisonTest). */
class BenchInt8CommandTest {

    @Test
    void printsOneRowPerQuantisedEmbedder(@TempDir Path tmp) {
        Cli.Result r = Cli.run(tmp, "bench", "--int8", "--lfw", Cli.data().resolve("lfw-dev").toString(), "--pairs-per-fold", "6");
        assertEquals(ExitCode.OK, r.exitCode(), r.err());
        assertTrue(r.out().contains("| arcface-512 | 30 |"), r.out());
        assertTrue(r.out().contains("| mobilefacenet-192 | 30 |"), r.out());
        assertTrue(r.out().contains("speed-up"), r.out());
    }

    @Test
    void aFolderWithoutPairsIsAClearError(@TempDir Path tmp) {
        Cli.Result r = Cli.run(tmp, "bench", "--int8", "--lfw", tmp.toString());
        assertEquals(ExitCode.BAD_INPUT, r.exitCode());
        assertTrue(r.err().contains("pairs.txt not found") && r.err().contains("fix: point --lfw"), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
    }
}
