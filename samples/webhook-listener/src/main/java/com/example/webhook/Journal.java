package com.example.webhook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The durable queue: one file per event not yet delivered, named so that the oldest sorts first.
 * A file appears whole (written aside, flushed to disk, then moved into place) and is deleted once
 * the endpoint has taken the event, so after a crash or restart the folder holds exactly what is
 * still owed, in order.
 */
final class Journal {
    /** One queued event: the file that holds it, its idempotency key and its JSON. */
    record Entry(Path file, String key, String json) { }

    private final Path folder;
    private final AtomicLong sequence;

    Journal(Path folder) {
        this.folder = folder;
        try {
            Files.createDirectories(folder);
            // carry on numbering after what an earlier run left
            this.sequence = new AtomicLong(pending().stream()
                    .mapToLong(e -> Long.parseLong(e.file().getFileName().toString().substring(0, 19))).max().orElse(0));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the webhook queue " + folder, e);
        }
    }

    void append(String key, String json) {
        String name = String.format("%019d-%s.json", sequence.incrementAndGet(), key);
        Path part = folder.resolve(name + ".part");
        try {
            try (FileChannel out = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE)) {
                out.write(StandardCharsets.UTF_8.encode(json));
                out.force(true);
            }
            Files.move(part, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot queue the event in " + folder, e);
        }
    }

    /** The events still owed, oldest first. */
    List<Entry> pending() {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().map(Journal::read)
                    .flatMap(Optional::stream).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the webhook queue " + folder, e);
        }
    }

    void delivered(Entry entry) {
        try {
            Files.deleteIfExists(entry.file());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the delivered event " + entry.file(), e);
        }
    }

    private static Optional<Entry> read(Path file) {
        String name = file.getFileName().toString();
        try {
            return Optional.of(new Entry(file, name.substring(20, name.length() - ".json".length()), Files.readString(file)));
        } catch (NoSuchFileException gone) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the queued event " + file, e);
        }
    }
}
