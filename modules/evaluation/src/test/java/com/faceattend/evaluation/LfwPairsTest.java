package com.faceattend.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LfwPairsTest {
    private static final Path IMAGES = Path.of("img");

    @Test
    void parsesTwoFoldsWithTabsSpacesCrlfAndBlankLines() {
        String text = "\uFEFF2\t1\r\n"
                + "Ann\t1\t2\r\n"
                + "Bob 1\t   Carl  3\r\n"
                + "\r\n"
                + "  Dee 10 11  \r\n"
                + "Ann\t3\tDee\t1234\r\n"
                + "\n";
        LfwPairs p = LfwPairs.parse(text, IMAGES);
        assertEquals(2, p.folds());
        assertEquals(1, p.pairsPerClass());
        assertEquals(List.of(
                new FacePair(0, true, Path.of("img/Ann/Ann_0001.jpg"), Path.of("img/Ann/Ann_0002.jpg")),
                new FacePair(0, false, Path.of("img/Bob/Bob_0001.jpg"), Path.of("img/Carl/Carl_0003.jpg")),
                new FacePair(1, true, Path.of("img/Dee/Dee_0010.jpg"), Path.of("img/Dee/Dee_0011.jpg")),
                new FacePair(1, false, Path.of("img/Ann/Ann_0003.jpg"), Path.of("img/Dee/Dee_1234.jpg"))),
                p.pairs());
        assertEquals(2, p.fold(1).size());
        // Ann 1, 2, 3 + Bob 1 + Carl 3 + Dee 10, 11, 1234
        assertEquals(8, p.distinctImages().size());
    }

    @Test
    void singleNumberHeaderMeansOneFold() {
        LfwPairs p = LfwPairs.parse("2\na 1 2\nb 1 2\na 1 b 1\na 2 b 2\n", IMAGES);
        assertEquals(1, p.folds());
        assertEquals(2, p.pairsPerClass());
        assertEquals(4, p.pairs().size());
        assertTrue(p.pairs().stream().allMatch(f -> f.fold() == 0));
        assertEquals(List.of(true, true, false, false), p.pairs().stream().map(FacePair::same).toList());
    }

    @Test
    void classicTenFoldHeaderIsAccepted() {
        StringBuilder b = new StringBuilder("10 1\n");
        for (int f = 0; f < 10; f++) {
            b.append("a ").append(f + 1).append(" ").append(f + 2).append('\n');
            b.append("a 1 b ").append(f + 1).append('\n');
        }
        LfwPairs p = LfwPairs.parse(b.toString(), IMAGES);
        assertEquals(10, p.folds());
        assertEquals(9, p.pairs().get(19).fold());
    }

    @Test
    void malformedLinesNameTheLine() {
        assertError("", 1, "empty file");
        assertError("\n\n", 3, "empty file");
        assertError("1 2 3\n", 1, "header");
        assertError("x 2\n", 1, "fold count must be a positive integer, got 'x'");
        assertError("1 0\n", 1, "pairs per class must be a positive integer");
        // line 3 should be the second 'same' pair, but has 4 fields
        assertError("1 2\na 1 2\nb 1 c 2\nb 1 c 2\nd 1 e 1\n", 3, "expected a 'same' pair");
        assertError("1 1\na 1 2\nb 1 2\n", 3, "expected a 'different' pair");
        assertError("1 1\na 1 x\n", 2, "image number must be a positive integer, got 'x'");
        assertError("1 1\na 1 -2\n", 2, "got '-2'");
        assertError("1 1\n../etc 1 2\n", 2, "not a valid person name");
        assertError("1 1\na 1 2\n", 3, "file ends after 1 pairs, the header announces 2");
        assertError("1 1\na 1 2\nb 1 c 2\n\nd 1 2\n", 5, "extra line");
    }

    private static void assertError(String text, int line, String fragment) {
        PairsFormatException e = assertThrows(PairsFormatException.class, () -> LfwPairs.parse(text, IMAGES));
        assertEquals(line, e.lineNumber(), e.getMessage());
        assertTrue(e.getMessage().contains("line " + line + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }

    @Test
    void listsMissingImages(@TempDir Path dir) throws IOException {
        Path pairsFile = dir.resolve("pairs.txt");
        Files.writeString(pairsFile, "1\nA 1 2\nA 1 B 1\n");
        Path images = dir.resolve("images");
        Files.createDirectories(images.resolve("A"));
        Files.writeString(images.resolve("A/A_0001.jpg"), "x");
        LfwPairs p = LfwPairs.read(pairsFile, images);
        assertEquals(List.of(images.resolve("A/A_0002.jpg"), images.resolve("B/B_0001.jpg")), p.missingImages());
        assertEquals(3, p.distinctImages().size());
    }

    @Test
    void readsTheRealLfwDevPairs() throws IOException {
        Path lfw = TestData.require("lfw-dev");
        LfwPairs p = LfwPairs.read(lfw.resolve("pairs.txt"), lfw.resolve("images"));
        assertEquals(5, p.folds());
        assertEquals(300, p.pairsPerClass());
        assertEquals(3000, p.pairs().size());
        for (int f = 0; f < 5; f++) {
            List<FacePair> fold = p.fold(f);
            assertEquals(600, fold.size(), "fold " + f);
            assertEquals(300, fold.stream().filter(FacePair::same).count(), "same pairs in fold " + f);
        }
        // file order: 300 same, then 300 different, per fold
        assertTrue(p.pairs().get(299).same());
        assertFalse(p.pairs().get(300).same());
        assertEquals(1, p.pairs().get(600).fold());
        List<Path> missing = p.missingImages();
        assertTrue(missing.isEmpty(), missing.size() + " missing images, e.g. "
                + missing.subList(0, Math.min(5, missing.size())));
        // README: folds are person-disjoint
        for (int a = 0; a < 5; a++) {
            Set<Path> people = people(p.fold(a));
            for (int b = a + 1; b < 5; b++) {
                Set<Path> other = people(p.fold(b));
                other.retainAll(people);
                assertTrue(other.isEmpty(), "folds " + a + " and " + b + " share " + other);
            }
        }
    }

    private static Set<Path> people(List<FacePair> pairs) {
        Set<Path> s = new HashSet<>();
        for (FacePair f : pairs) {
            s.add(f.first().getParent());
            s.add(f.second().getParent());
        }
        return s;
    }
}
