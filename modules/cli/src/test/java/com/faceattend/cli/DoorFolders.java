package com.faceattend.cli;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.function.ToIntFunction;
import javax.imageio.ImageIO;

/**
 * Folders the fleet tests' station processes need: owner-only keys folders with the server's
 * password file, and door cameras made of real photos (an image-folder source).
 */
final class DoorFolders {
    private DoorFolders() {
    }

    /** A keys folder only its owner may read, as the store demands of a folder holding secrets. */
    static Path ownerOnly(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        return dir;
    }

    /** Copies a secret (the server's password file) into a station's keys folder, owner-only. */
    static void copySecret(Path file, Path keys) throws IOException {
        Path to = keys.resolve(file.getFileName());
        Files.copy(file, to);
        Files.setPosixFilePermissions(to, PosixFilePermissions.fromString("rw-------"));
    }

    /** A folder holding one frame of an empty doorway (grey, no face), written once. */
    static Path emptyDoorway(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path empty = dir.resolve("empty.jpg");
        if (!Files.exists(empty)) {
            BufferedImage doorway = new BufferedImage(180, 200, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = doorway.createGraphics();
            g.setColor(new Color(0x8a8f96));
            g.fillRect(0, 0, 180, 200);
            g.dispose();
            ImageIO.write(doorway, "jpg", empty.toFile());
        }
        return dir;
    }

    /**
     * A door camera as a folder of links to faces94 photos: the two people walk past in turn, each
     * followed by 12 frames of the empty doorway so the station's face track ends and the next
     * walk-past is a new pass.
     *
     * @param faces      how many frames of a person one walk-past has
     * @param firstPhoto the first of the person's photo numbers used (keep them apart from enrolment's)
     * @param photos     how many photo numbers from there are cycled through
     */
    static Path walkPasts(Path frames, Path doorway, int passes, String first, String second,
                          ToIntFunction<String> faces, int firstPhoto, int photos) throws IOException {
        Files.createDirectories(frames);
        Path empty = emptyDoorway(doorway).resolve("empty.jpg");
        int n = 0;
        for (int pass = 0; pass < passes; pass++) {
            String person = pass % 2 == 0 ? first : second;
            for (int k = 0; k < faces.applyAsInt(person); k++) {
                Path photo = Cli.data().resolve("faces94/identities/" + person + "/" + person + "."
                        + (firstPhoto + (pass / 2 + k) % photos) + ".jpg");
                Files.createSymbolicLink(frames.resolve(String.format(Locale.ROOT, "%05d.jpg", n++)), photo);
            }
            for (int k = 0; k < 12; k++) {
                Files.createSymbolicLink(frames.resolve(String.format(Locale.ROOT, "%05d.jpg", n++)), empty);
            }
        }
        return frames;
    }
}
