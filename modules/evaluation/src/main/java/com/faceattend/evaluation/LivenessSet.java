package com.faceattend.evaluation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The images of a liveness evaluation: bona fide and attack presentations, each with its attack type
 * and subject. Read from a manifest (CSV with a header naming at least {@code file}, {@code label}
 * = live|spoof; optional {@code attack_type}, {@code subject}, {@code source}; files relative to the
 * manifest's folder) or from two folders (a sub-folder of the attack folder names the attack type).
 * When subjects are unknown (no column, empty or "unknown"), each image is its own subject, so a
 * subject split can only separate images.
 *
 * @param images in a stable order: by source, subject, label, attack type, then file name in natural order
 */
public record LivenessSet(List<Image> images) {
    /**
     * One image.
     *
     * @param file       the image file
     * @param attack     true for an attack presentation
     * @param attackType attack instrument species ("none" for live)
     * @param subject    whose face (never blank)
     * @param source     the collection it came from ("" when unknown)
     */
    public record Image(Path file, boolean attack, String attackType, String subject, String source) {
    }

    public LivenessSet {
        images = images.stream().sorted(Comparator.comparing(Image::source).thenComparing(Image::subject)
                .thenComparing(Image::attack).thenComparing(Image::attackType)
                .thenComparing(i -> i.file().getFileName().toString(), NaturalOrder.INSTANCE)).toList();
    }

    public long live() {
        return images.stream().filter(i -> !i.attack()).count();
    }

    public long attacks() {
        return images.stream().filter(Image::attack).count();
    }

    /** Images whose file is missing. */
    public List<Path> missing() {
        return images.stream().map(Image::file).filter(f -> !Files.isRegularFile(f)).toList();
    }

    public static LivenessSet fromManifest(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException(csv + " is empty: expected a header line with file,label");
        }
        List<String> header = Arrays.stream(splitCsv(lines.get(0))).map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
        int file = header.indexOf("file"), label = header.indexOf("label");
        int type = header.indexOf("attack_type"), subject = header.indexOf("subject"), source = header.indexOf("source");
        if (file < 0 || label < 0) {
            throw new IllegalArgumentException(csv + " line 1: the header must name the columns file and label, was " + lines.get(0));
        }
        Path base = csv.toAbsolutePath().getParent();
        List<Image> images = new ArrayList<>();
        for (int n = 1; n < lines.size(); n++) {
            if (lines.get(n).isBlank()) {
                continue;
            }
            String[] f = splitCsv(lines.get(n));
            if (f.length < header.size()) {
                throw new IllegalArgumentException(csv + " line " + (n + 1) + ": " + f.length + " fields, the header has " + header.size());
            }
            boolean attack = switch (f[label].trim().toLowerCase(Locale.ROOT)) {
                case "live", "bonafide", "bona fide", "real" -> false;
                case "spoof", "attack", "fake" -> true;
                default -> throw new IllegalArgumentException(csv + " line " + (n + 1) + ": label must be live or spoof, was '" + f[label] + "'");
            };
            Path img = base.resolve(f[file].trim());
            String t = attack ? (type >= 0 && !f[type].isBlank() ? f[type].trim() : "attack") : "none";
            String who = subject >= 0 ? f[subject].trim() : "";
            images.add(new Image(img, attack, t, known(who) ? who : img.getFileName().toString(), source >= 0 ? f[source].trim() : ""));
        }
        return new LivenessSet(images);
    }

    /** Live images in {@code liveDir}; attacks in {@code spoofDir}, its sub-folders naming attack types. */
    public static LivenessSet fromFolders(Path liveDir, Path spoofDir) throws IOException {
        List<Image> images = new ArrayList<>();
        for (Path p : imagesIn(liveDir)) {
            images.add(new Image(p, false, "none", p.getFileName().toString(), ""));
        }
        for (Path p : imagesIn(spoofDir)) {
            String type = p.getParent().equals(spoofDir) ? "attack" : spoofDir.relativize(p.getParent()).toString();
            images.add(new Image(p, true, type, p.getFileName().toString(), ""));
        }
        return new LivenessSet(images);
    }

    private static List<Path> imagesIn(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir, 2)) {
            return s.filter(Files::isRegularFile).filter(PersonFolders::isImage)
                    .filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static boolean known(String subject) {
        return !subject.isEmpty() && !subject.equalsIgnoreCase("unknown");
    }

    /** One CSV line: commas separate, double quotes enclose fields that hold commas ("" is a quote). */
    static String[] splitCsv(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out.toArray(String[]::new);
    }
}
