package com.faceattend.evaluation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A folder with one sub-folder per person, each holding that person's photos.
 *
 * <p>People are sorted by folder name and each person's photos by file name, both in
 * {@link NaturalOrder} ({@code s2 < s10}, {@code 2.pgm < 10.pgm}), so every split is deterministic.
 * Only regular files with an image extension ({@link #IMAGE_EXTENSIONS}, any case) directly inside a
 * person folder count; hidden entries (name starting with '.') and files at the top level are ignored.
 *
 * @param root          the scanned folder
 * @param people        people that have at least one photo
 * @param emptyFolders  names of person folders without any photo (not in {@code people})
 */
public record PersonFolders(Path root, List<Person> people, List<String> emptyFolders) {
    /** Accepted photo extensions, lower case, without the dot. */
    public static final Set<String> IMAGE_EXTENSIONS =
            Set.of("jpg", "jpeg", "png", "bmp", "pgm", "ppm", "webp", "tif", "tiff");

    public PersonFolders {
        Objects.requireNonNull(root, "root");
        people = List.copyOf(people);
        emptyFolders = List.copyOf(emptyFolders);
    }

    /**
     * One person.
     *
     * @param name   the folder name
     * @param images photos in natural file-name order
     */
    public record Person(String name, List<Path> images) {
        public Person {
            Objects.requireNonNull(name, "name");
            images = List.copyOf(images);
        }
    }

    /** Scans {@code dir}; fails when it is not a directory. */
    public static PersonFolders scan(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException("not a folder of people: " + dir);
        }
        List<Path> folders;
        try (Stream<Path> s = Files.list(dir)) {
            folders = s.filter(Files::isDirectory).filter(p -> !hidden(p))
                    .sorted(Comparator.comparing((Path p) -> p.getFileName().toString(), NaturalOrder.INSTANCE))
                    .toList();
        }
        List<Person> people = new ArrayList<>();
        List<String> empty = new ArrayList<>();
        for (Path f : folders) {
            String name = f.getFileName().toString();
            List<Path> images = listImages(f);
            if (images.isEmpty()) {
                empty.add(name);
            } else {
                people.add(new Person(name, images));
            }
        }
        return new PersonFolders(dir, people, empty);
    }

    /** The image files directly inside {@code dir}, in natural file-name order. */
    public static List<Path> listImages(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> !hidden(p)).filter(PersonFolders::isImage).filter(Files::isRegularFile)
                    .sorted(NaturalOrder.BY_FILE_NAME).toList();
        }
    }

    /** True when the file name has one of {@link #IMAGE_EXTENSIONS}. */
    public static boolean isImage(Path file) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 && IMAGE_EXTENSIONS.contains(n.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /** Number of photos over all people. */
    public int imageCount() {
        return people.stream().mapToInt(p -> p.images().size()).sum();
    }

    /** The person of that name, or null. */
    public Person person(String name) {
        return people.stream().filter(p -> p.name().equals(name)).findFirst().orElse(null);
    }

    private static boolean hidden(Path p) {
        return p.getFileName().toString().startsWith(".");
    }
}
