package com.faceattend.evaluation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * An LFW-format verification pairs file.
 *
 * <p>Layout: a header {@code folds pairsPerClass} (or a single number {@code pairsPerClass}, meaning
 * one fold, as in LFW's {@code pairsDevTrain.txt}); then for each fold {@code pairsPerClass} "same"
 * lines {@code name i j} followed by {@code pairsPerClass} "different" lines {@code name1 i name2 j}.
 * Image {@code i} of {@code name} is {@code <imagesDir>/<name>/<name>_<iiii>.jpg} (4-digit,
 * zero-padded). Fields may be separated by any run of spaces or tabs; CRLF line ends and blank lines
 * are accepted.
 *
 * @param folds          number of folds
 * @param pairsPerClass  same pairs (and also different pairs) per fold
 * @param pairs          all pairs in file order
 */
public record LfwPairs(int folds, int pairsPerClass, List<FacePair> pairs) {
    public LfwPairs {
        pairs = List.copyOf(pairs);
    }

    /** Reads and validates {@code pairsFile}; images are resolved under {@code imagesDir}. */
    public static LfwPairs read(Path pairsFile, Path imagesDir) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(pairsFile, StandardCharsets.UTF_8)) {
            return parse(in, imagesDir, pairsFile.toString());
        }
    }

    /** Parses pairs text held in memory (tests, or a file already read). */
    public static LfwPairs parse(String text, Path imagesDir) {
        try {
            return parse(new StringReader(text), imagesDir, "pairs");
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot happen with a StringReader
        }
    }

    /**
     * Parses pairs text.
     *
     * @param source name used in error messages (usually the file path)
     * @throws PairsFormatException for any malformed line, naming its line number
     */
    public static LfwPairs parse(Reader text, Path imagesDir, String source) throws IOException {
        Objects.requireNonNull(imagesDir, "imagesDir");
        BufferedReader in = text instanceof BufferedReader b ? b : new BufferedReader(text);
        int lineNo = 0;
        String line;
        String[] header = null;
        while ((line = in.readLine()) != null) {
            lineNo++;
            String[] f = fields(line, lineNo == 1);
            if (f.length > 0) {
                header = f;
                break;
            }
        }
        if (header == null) {
            throw new PairsFormatException(source, lineNo + 1, "empty file, expected a header 'folds pairsPerClass'");
        }
        int headerLine = lineNo;
        if (header.length > 2) {
            throw new PairsFormatException(source, headerLine,
                    "header must be 'folds pairsPerClass' or 'pairsPerClass', got " + header.length + " fields");
        }
        int folds = header.length == 2 ? positive(header[0], source, headerLine, "fold count") : 1;
        int perClass = positive(header[header.length - 1], source, headerLine, "pairs per class");
        long expectedLong = 2L * folds * perClass;
        if (expectedLong > Integer.MAX_VALUE) {
            throw new PairsFormatException(source, headerLine, "header announces too many pairs: " + expectedLong);
        }
        int expected = (int) expectedLong;

        List<FacePair> pairs = new ArrayList<>(expected);
        while ((line = in.readLine()) != null) {
            lineNo++;
            String[] f = fields(line, false);
            if (f.length == 0) {
                continue;
            }
            int k = pairs.size();
            if (k >= expected) {
                throw new PairsFormatException(source, lineNo, "extra line after the " + expected
                        + " pairs announced by the header (" + folds + " folds x " + perClass + " x 2)");
            }
            int fold = k / (2 * perClass);
            boolean same = k % (2 * perClass) < perClass;
            pairs.add(same ? samePair(f, fold, imagesDir, source, lineNo)
                    : differentPair(f, fold, imagesDir, source, lineNo));
        }
        if (pairs.size() < expected) {
            throw new PairsFormatException(source, lineNo + 1, "file ends after " + pairs.size()
                    + " pairs, the header announces " + expected + " (" + folds + " folds x " + perClass + " x 2)");
        }
        return new LfwPairs(folds, perClass, pairs);
    }

    /** {@code <imagesDir>/<name>/<name>_<iiii>.jpg}. */
    public static Path imagePath(Path imagesDir, String name, int index) {
        return imagesDir.resolve(name).resolve(name + "_" + String.format(Locale.ROOT, "%04d", index) + ".jpg");
    }

    /** Pairs of one fold, in file order. */
    public List<FacePair> fold(int fold) {
        return pairs.stream().filter(p -> p.fold() == fold).toList();
    }

    /** Every image referenced, once, in order of first appearance: embed these, then look pairs up. */
    public List<Path> distinctImages() {
        Set<Path> seen = new LinkedHashSet<>();
        for (FacePair p : pairs) {
            seen.add(p.first());
            seen.add(p.second());
        }
        return List.copyOf(seen);
    }

    /** Referenced images that are not readable regular files, in order of first appearance (empty when all exist). */
    public List<Path> missingImages() {
        return distinctImages().stream().filter(p -> !Files.isRegularFile(p) || !Files.isReadable(p)).toList();
    }

    private static FacePair samePair(String[] f, int fold, Path dir, String source, int lineNo) {
        if (f.length != 3) {
            throw new PairsFormatException(source, lineNo, "expected a 'same' pair 'name i j' (fold " + (fold + 1)
                    + "), got " + f.length + " fields: " + String.join(" ", f));
        }
        String name = name(f[0], source, lineNo);
        return new FacePair(fold, true,
                imagePath(dir, name, positive(f[1], source, lineNo, "image number")),
                imagePath(dir, name, positive(f[2], source, lineNo, "image number")));
    }

    private static FacePair differentPair(String[] f, int fold, Path dir, String source, int lineNo) {
        if (f.length != 4) {
            throw new PairsFormatException(source, lineNo, "expected a 'different' pair 'name1 i name2 j' (fold "
                    + (fold + 1) + "), got " + f.length + " fields: " + String.join(" ", f));
        }
        String a = name(f[0], source, lineNo);
        String b = name(f[2], source, lineNo);
        return new FacePair(fold, false,
                imagePath(dir, a, positive(f[1], source, lineNo, "image number")),
                imagePath(dir, b, positive(f[3], source, lineNo, "image number")));
    }

    private static String[] fields(String line, boolean first) {
        if (first && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
            line = line.substring(1); // UTF-8 byte order mark written by some editors
        }
        String t = line.strip(); // also drops the '\r' of CRLF files
        return t.isEmpty() ? new String[0] : t.split("[ \\t]+");
    }

    private static String name(String s, String source, int lineNo) {
        // the name becomes a path component: refuse anything that could leave imagesDir
        if (s.equals(".") || s.equals("..") || s.indexOf('/') >= 0 || s.indexOf('\\') >= 0 || s.indexOf('\0') >= 0) {
            throw new PairsFormatException(source, lineNo, "'" + s + "' is not a valid person name");
        }
        return s;
    }

    private static int positive(String s, String source, int lineNo, String what) {
        try {
            int v = Integer.parseInt(s);
            if (v > 0) {
                return v;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new PairsFormatException(source, lineNo, what + " must be a positive integer, got '" + s + "'");
    }
}
