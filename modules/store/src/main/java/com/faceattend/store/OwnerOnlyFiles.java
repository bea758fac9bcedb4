package com.faceattend.store;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files and folders only their owner may read: database folders, key files, keystores. On file
 * systems without POSIX permissions (Windows) the user's profile folder already keeps others out,
 * so these checks do nothing there.
 */
public final class OwnerOnlyFiles {
    static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private OwnerOnlyFiles() {
    }

    /**
     * Tells Derby to create its database files owner-only (an embedded Derby otherwise keeps the
     * umask's defaults, often world-readable). Derby reads it when the engine boots, so it is set
     * before the first database of this JVM opens, unless the application chose otherwise.
     */
    static void applyToDerby() {
        if (System.getProperty("derby.storage.useDefaultFilePermissions") == null) {
            System.setProperty("derby.storage.useDefaultFilePermissions", "false");
        }
    }

    static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    /** Makes {@code dir} (created if absent) accessible by its owner only. */
    public static void restrictFolder(Path dir) {
        try {
            Files.createDirectories(dir);
            if (posix()) {
                Files.setPosixFilePermissions(dir, FOLDER);
            }
        } catch (IOException e) {
            throw new StoreException("cannot make the folder " + dir + " private to its owner (" + e + ")",
                    "Check that you own the folder and may change its permissions.", e);
        }
    }

    /**
     * Writes {@code content} to {@code file} atomically (a reader sees the old or the new content,
     * never half), owner-only from the first byte, in an owner-only folder.
     */
    public static void writeSecret(Path file, byte[] content) {
        Path dir = file.toAbsolutePath().getParent();
        restrictFolder(dir);
        Path tmp = dir.resolve(file.getFileName() + ".tmp");
        try {
            Files.deleteIfExists(tmp);
            if (posix()) {
                Files.createFile(tmp, PosixFilePermissions.asFileAttribute(FILE));
            }
            try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE)) {
                out.write(content);
            }
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.force(true); // on disk before it replaces the old one
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new StoreException("cannot write the secret file " + file + " (" + e + ")",
                    "Check that the folder " + dir + " is yours and writable, and that the disk is not full.", e);
        }
    }

    /**
     * Refuses a secret file that other users could read or change: a key anyone can read protects
     * nothing.
     */
    public static void requireOwnerOnly(Path file, String what) {
        if (!posix()) {
            return;
        }
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
            if (!FILE.containsAll(perms)) {
                throw new StoreException(what + " " + file + " can be read or changed by other users (" + PosixFilePermissions.toString(perms) + ")",
                        "Make it private to its owner (chmod 600 " + file + "), and if others may have read it, "
                                + "rotate the secret with `faceattend db rekey`.");
            }
        } catch (IOException e) {
            throw new StoreException("cannot read the permissions of " + what + " " + file + " (" + e + ")",
                    "Check that the file exists and belongs to the user running FaceAttend.", e);
        }
    }
}
