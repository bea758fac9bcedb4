package com.faceattend.comparison;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Where the comparison reads its data: the layout of the shared test-data folder.
 *
 * @param detection folder with labelled photos and {@code boxes.csv} (split,file,x,y,w,h,ignore)
 * @param lfw       LFW-format folder: {@code pairs.txt} and {@code images/}
 * @param faces94   folder with {@code identities/} (one sub-folder per person) and {@code unknown_not_enrolled/}
 * @param video     the clip for the frame rate; reference stills {@code ref_*} next to it form the gallery
 */
public record ComparisonDatasets(Path detection, Path lfw, Path faces94, Path video) {
    /** The datasets under a root laid out like {@code ../shared/data}; fails naming the first that is missing. */
    public static ComparisonDatasets under(Path root) {
        ComparisonDatasets d = new ComparisonDatasets(root.resolve("detection/dlib"), root.resolve("lfw-dev"),
                root.resolve("faces94"), firstVideo(root.resolve("video-and-small/video")));
        need(d.detection.resolve("boxes.csv"), root);
        need(d.lfw.resolve("pairs.txt"), root);
        need(d.faces94.resolve("identities"), root);
        need(d.faces94.resolve("unknown_not_enrolled"), root);
        return d;
    }

    private static Path firstVideo(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw missing(dir);
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().toLowerCase(java.util.Locale.ROOT).matches(".*\\.(mp4|mkv|avi|mov)"))
                    .sorted().findFirst().orElseThrow(() -> missing(dir.resolve("*.mp4")));
        } catch (IOException e) {
            throw new ComparisonException("cannot list " + dir + ": " + e.getMessage(), "check the folder's permissions");
        }
    }

    private static void need(Path p, Path root) {
        if (!Files.exists(p)) {
            throw missing(p);
        }
    }

    private static ComparisonException missing(Path p) {
        return new ComparisonException(p + " not found",
                "point --datasets at the shared test-data folder (with detection/dlib, lfw-dev, faces94 and video-and-small/video)");
    }
}
