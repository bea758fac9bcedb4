package com.faceattend.spi;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * Where frames come from.
 *
 * <ul>
 *   <li>{@code 0}, {@code 1}… a camera by index ({@link Kind#CAMERA})</li>
 *   <li>{@code rtsp://…}, {@code http://…}, {@code https://…} a network stream ({@link Kind#STREAM})</li>
 *   <li>a directory: its images in name order ({@link Kind#FOLDER})</li>
 *   <li>anything else: a video file ({@link Kind#FILE})</li>
 * </ul>
 *
 * @since 0.1
 */
public record SourceSpec(Kind kind, String location) {
    public enum Kind { CAMERA, FILE, STREAM, FOLDER }

    public SourceSpec {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(location, "location");
    }

    /** Reads a user's source text: camera index, URL, folder or file. */
    public static SourceSpec parse(String text) {
        String t = Objects.requireNonNull(text, "source").trim();
        if (t.isEmpty()) {
            throw new IllegalArgumentException("no video source given: name a camera index (0), a video file, a folder of images or an rtsp:// or http:// URL");
        }
        if (t.matches("\\d{1,3}")) {
            return new SourceSpec(Kind.CAMERA, t);
        }
        String lower = t.toLowerCase(Locale.ROOT);
        if (lower.startsWith("rtsp://") || lower.startsWith("http://") || lower.startsWith("https://")
                || lower.startsWith("rtmp://") || lower.startsWith("udp://")) {
            return new SourceSpec(Kind.STREAM, t);
        }
        if (Files.isDirectory(Path.of(t))) {
            return new SourceSpec(Kind.FOLDER, t);
        }
        return new SourceSpec(Kind.FILE, t);
    }

    /** Live sources are reopened when they drop; files and folders just end. */
    public boolean isLive() {
        return kind == Kind.CAMERA || kind == Kind.STREAM;
    }

    public int cameraIndex() {
        if (kind != Kind.CAMERA) {
            throw new IllegalStateException("not a camera source: " + location);
        }
        return Integer.parseInt(location);
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(Locale.ROOT) + ":" + location;
    }
}
