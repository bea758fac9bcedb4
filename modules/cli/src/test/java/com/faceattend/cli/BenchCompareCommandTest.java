package com.faceattend.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.faceattend.engine.providers.ProviderRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code faceattend bench --compare} through the real CLI: one command writes both files and names the best pipeline. */
class BenchCompareCommandTest {

    @Test
    void quickCompareWritesMarkdownAndCsvWithOneRowPerCombination(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("results");
        // The comparison's content (every row measured, sane values, face-api.js) is QuickComparisonTest's in
        // modules/comparison; here only the CLI wiring, so the smallest run that still scores both kinds of LFW
        // pair: --limit 2 (one same and one different pair per fold, two faces94 people, two video frames).
        Cli.Result r = Cli.run(tmp.resolve("data"), "bench", "--compare", "--limit", "2", "--no-faceapi",
                "--datasets", Cli.data().toString(), "--out", out.toString());
        assertEquals(ExitCode.OK, r.exitCode(), r.err());
        ProviderRegistry registry = new ProviderRegistry();
        int combinations = registry.detectors().size() * registry.embedders().size();
        List<String> csv = Files.readAllLines(out.resolve("comparison.csv"));
        assertEquals(1 + combinations + 2, csv.size(), String.join("\n", csv));
        assertTrue(csv.stream().anyMatch(l -> l.contains("face-api.js") && l.contains("skipped (--no-faceapi)")));
        String md = Files.readString(out.resolve("comparison.md"));
        assertTrue(md.contains("| opencv-haar (reference) | opencv-lbph (reference) |"), md);
        // --limit 2 scores a handful of pairs, so which row wins is noise here; the verdict must name one
        // and say whether it is the default (the full run's verdict is in the README)
        assertTrue(r.out().contains("Best installed combination: "), r.out());
        assertTrue(r.out().contains("The default pipeline (ultraface-rfb320 + arcface-512-int8) is this combination.")
                || r.out().contains("The default pipeline (ultraface-rfb320 + arcface-512-int8) is NOT this combination"), r.out());
    }

    @Test
    void missingDatasetsIsAClearErrorAndWritesNothing(@TempDir Path tmp) {
        Path out = tmp.resolve("results");
        Cli.Result r = Cli.run(tmp.resolve("data"), "bench", "--compare", "--datasets", tmp.resolve("nowhere").toString(),
                "--out", out.toString());
        assertEquals(ExitCode.BAD_INPUT, r.exitCode());
        assertTrue(r.err().contains("error: ") && r.err().contains("fix: point --datasets"), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
        assertFalse(Files.exists(out));
    }
}
