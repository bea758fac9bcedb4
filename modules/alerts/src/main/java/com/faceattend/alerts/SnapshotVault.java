package com.faceattend.alerts;

import com.faceattend.store.StoreException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypted, expiring storage for alert snapshots (an optional feature, off by default).
 * <p>
 * Each snapshot is one file {@code <expiry epoch seconds>-<random uuid>.snap} holding a fresh
 * 12-byte nonce followed by the AES-256-GCM ciphertext and 16-byte tag of (width, height, BGR
 * pixels). The file name is the GCM associated data, so a file renamed to postpone its expiry no
 * longer decrypts. The key is 32 random bytes in {@code <folder>.key} beside the snapshot folder
 * (not in it: a copy of the snapshots is not a copy of the key), created owner-read/write only and
 * atomically (written to a private temporary file, then linked into place, so no reader ever sees
 * half a key and two stations starting together agree on one); it never enters the database, so a
 * copied database or backup holds no readable image. Deleting the key destroys every snapshot at once. Files whose expiry has passed
 * are never returned and {@link #purgeExpired} deletes them.
 */
public final class SnapshotVault {
    /** Where keys lived before issue 18 (inside the snapshot folder); moved out on the next open. */
    static final String OLD_KEY_FILE = "snapshot.key";
    private static final Pattern NAME = Pattern.compile("(\\d{1,19})-[0-9a-f-]{36}\\.snap");
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path dir;
    private final SecretKey key;

    private SnapshotVault(Path dir, SecretKey key) {
        this.dir = dir;
        this.key = key;
    }

    /** Opens the vault in {@code dir}, creating the folder and a new key on first use. */
    public static SnapshotVault open(Path dir) {
        try {
            Files.createDirectories(dir);
            Path keyFile = keyFileOf(dir);
            moveOldKey(dir.resolve(OLD_KEY_FILE), keyFile);
            return new SnapshotVault(dir, loadOrCreateKey(keyFile));
        } catch (IOException e) {
            throw new StoreException("cannot open the snapshot folder " + dir + " (" + e.getMessage() + ")",
                    "Check that the folder is writable, or turn snapshots off.", e);
        }
    }

    public Path directory() {
        return dir;
    }

    /** Encrypts and stores a snapshot that expires at {@code expiresAt}; returns its name. */
    public String store(SnapshotImage image, Instant expiresAt) {
        String name = expiresAt.getEpochSecond() + "-" + UUID.randomUUID() + ".snap";
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        ByteBuffer plain = ByteBuffer.allocate(8 + image.bgr().length);
        plain.putInt(image.width()).putInt(image.height()).put(image.bgr());
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(name.getBytes(StandardCharsets.US_ASCII));
            byte[] sealed = cipher.doFinal(plain.array());
            byte[] file = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, file, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, file, NONCE_BYTES, sealed.length);
            Path tmp = dir.resolve(name + ".tmp");
            Files.write(tmp, file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            // no half-written snapshot is ever visible under its real name
            Files.move(tmp, dir.resolve(name), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return name;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this Java runtime", e);
        } catch (IOException e) {
            throw new StoreException("cannot write a snapshot to " + dir + " (" + e.getMessage() + ")",
                    "Check free disk space and that the folder is writable.", e);
        }
    }

    /**
     * The snapshot called {@code name}, or empty when it expired (by {@code now}) or was deleted.
     *
     * @throws StoreException when the file was altered, renamed, or encrypted with another key
     */
    public Optional<SnapshotImage> read(String name, Instant now) {
        Matcher m = NAME.matcher(name);
        if (!m.matches()) {
            throw new StoreException("'" + name + "' is not a snapshot name", "Use the name stored with the alert.");
        }
        if (Instant.ofEpochSecond(Long.parseLong(m.group(1))).compareTo(now) <= 0) {
            return Optional.empty();
        }
        Path file = dir.resolve(name);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (java.nio.file.NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new StoreException("cannot read snapshot " + file + " (" + e.getMessage() + ")", "Check the folder's permissions.", e);
        }
        try {
            if (bytes.length < NONCE_BYTES + TAG_BITS / 8 + 8) {
                throw new javax.crypto.AEADBadTagException("file too short");
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            cipher.updateAAD(name.getBytes(StandardCharsets.US_ASCII));
            ByteBuffer plain = ByteBuffer.wrap(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES));
            int w = plain.getInt();
            int h = plain.getInt();
            byte[] bgr = new byte[plain.remaining()];
            plain.get(bgr);
            return Optional.of(new SnapshotImage(w, h, bgr));
        } catch (javax.crypto.AEADBadTagException e) {
            throw new StoreException("snapshot " + name + " does not decrypt: it was altered, renamed, or encrypted with another key",
                    "Treat it as lost; if the snapshot key (" + keyFileOf(dir).getFileName() + ") was replaced, older snapshots cannot be read any more.", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this Java runtime", e);
        }
    }

    /** Deletes every snapshot whose expiry is at or before {@code now}; returns how many. */
    public int purgeExpired(Instant now) {
        int deleted = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.snap")) {
            for (Path f : files) {
                Matcher m = NAME.matcher(f.getFileName().toString());
                if (m.matches() && Instant.ofEpochSecond(Long.parseLong(m.group(1))).compareTo(now) <= 0) {
                    Files.deleteIfExists(f);
                    deleted++;
                }
            }
        } catch (IOException e) {
            throw new StoreException("cannot delete expired snapshots in " + dir + " (" + e.getMessage() + ")",
                    "Check the folder's permissions.", e);
        }
        return deleted;
    }

    /** The key of the snapshots in {@code dir}: {@code <dir>.key} beside the folder. */
    static Path keyFileOf(Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        return abs.resolveSibling(abs.getFileName() + ".key");
    }

    /** A key from before issue 18 moves out of the snapshot folder, so its snapshots stay readable. */
    private static void moveOldKey(Path oldKey, Path keyFile) throws IOException {
        if (Files.isRegularFile(oldKey) && !Files.exists(keyFile)) {
            try {
                Files.move(oldKey, keyFile, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException raced) {
                // another process moved it first
            }
        }
    }

    private static SecretKey loadOrCreateKey(Path keyFile) throws IOException {
        if (!Files.exists(keyFile)) {
            byte[] fresh = new byte[32];
            RANDOM.nextBytes(fresh);
            boolean posix = keyFile.getFileSystem().supportedFileAttributeViews().contains("posix");
            Path tmp = posix
                    ? Files.createTempFile(keyFile.getParent(), ".snapshot-key", ".tmp",
                            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                    : Files.createTempFile(keyFile.getParent(), ".snapshot-key", ".tmp");
            try {
                try (var ch = java.nio.channels.FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                    ch.write(ByteBuffer.wrap(fresh));
                    ch.force(true); // on disk before it has its name: a crash never leaves a short key
                }
                try {
                    Files.createLink(keyFile, tmp); // atomic, and fails if another process made one first
                } catch (UnsupportedOperationException noLinks) {
                    Files.move(tmp, keyFile, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                }
            } catch (FileAlreadyExistsException raced) {
                // another station process created it first: use theirs
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
        byte[] raw = Files.readAllBytes(keyFile);
        if (raw.length != 32) {
            throw new StoreException("the snapshot key " + keyFile + " is damaged (" + raw.length + " bytes, expected 32)",
                    "Restore it from a backup, or delete it: a new key is made, and the old snapshots become unreadable.");
        }
        return new SecretKeySpec(raw, "AES");
    }
}
