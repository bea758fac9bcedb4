package com.faceattend.alerts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.faceattend.store.StoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The snapshot vault on real files: encrypted at rest, bound to its name, unreadable after expiry, purged. */
class SnapshotVaultTest {
    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    private static SnapshotImage image() {
        byte[] bgr = new byte[40 * 30 * 3];
        new Random(5).nextBytes(bgr);
        return new SnapshotImage(40, 30, bgr);
    }

    @Test
    void roundTripsAndStoresNoPlainPixels(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("snapshots");
        SnapshotVault vault = SnapshotVault.open(dir);
        SnapshotImage img = image();
        String name = vault.store(img, NOW.plus(Duration.ofDays(7)));
        SnapshotImage back = SnapshotVault.open(dir).read(name, NOW).orElseThrow();
        assertEquals(40, back.width());
        assertEquals(30, back.height());
        assertArrayEquals(img.bgr(), back.bgr());

        byte[] file = Files.readAllBytes(dir.resolve(name));
        assertEquals(12 + 8 + img.bgr().length + 16, file.length, "nonce + header + pixels + GCM tag");
        byte[] probe = java.util.Arrays.copyOfRange(img.bgr(), 100, 132);
        assertFalse(new String(file, java.nio.charset.StandardCharsets.ISO_8859_1)
                .contains(new String(probe, java.nio.charset.StandardCharsets.ISO_8859_1)), "pixels must not appear in the file");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(SnapshotVault.keyFileOf(dir))));
    }

    @Test
    void alteredRenamedOrForeignKeyFilesDoNotDecrypt(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("snapshots");
        SnapshotVault vault = SnapshotVault.open(dir);
        String name = vault.store(image(), NOW.plus(Duration.ofDays(1)));
        // renamed to postpone its expiry
        String later = (NOW.plus(Duration.ofDays(300)).getEpochSecond()) + name.substring(name.indexOf('-'));
        Files.copy(dir.resolve(name), dir.resolve(later));
        assertThrows(StoreException.class, () -> vault.read(later, NOW));
        // one flipped bit
        byte[] bytes = Files.readAllBytes(dir.resolve(name));
        bytes[bytes.length / 2] ^= 1;
        Path altered = dir.resolve(name);
        Files.write(altered, bytes);
        StoreException e = assertThrows(StoreException.class, () -> vault.read(name, NOW));
        assertTrue(e.getMessage().contains("does not decrypt"), e.getMessage());
        // another installation's key
        Path other = dir.resolve("other");
        SnapshotVault foreign = SnapshotVault.open(other);
        String theirs = foreign.store(image(), NOW.plus(Duration.ofDays(1)));
        Files.copy(other.resolve(theirs), dir.resolve(theirs));
        assertThrows(StoreException.class, () -> vault.read(theirs, NOW));
    }

    @Test
    void expiredSnapshotsAreNeverReturnedAndArePurged(@TempDir Path tmp) {
        Path dir = tmp.resolve("snapshots");
        SnapshotVault vault = SnapshotVault.open(dir);
        String soon = vault.store(image(), NOW.plus(Duration.ofHours(1)));
        String later = vault.store(image(), NOW.plus(Duration.ofDays(7)));
        Instant after = NOW.plus(Duration.ofHours(2));
        assertTrue(vault.read(soon, after).isEmpty());
        assertEquals(1, vault.purgeExpired(after));
        assertFalse(Files.exists(dir.resolve(soon)));
        assertTrue(vault.read(later, after).isPresent());
    }

    @Test
    void theKeyLivesApartFromTheSnapshotsAndAnOldKeyMovesOut(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("snapshots");
        SnapshotVault vault = SnapshotVault.open(dir);
        String name = vault.store(image(), NOW.plus(Duration.ofDays(1)));
        try (var files = Files.list(dir)) {
            assertEquals(java.util.List.of(name), files.map(f -> f.getFileName().toString()).toList(),
                    "the snapshot folder holds snapshots only: copying it must not copy the key");
        }
        assertEquals(tmp.resolve("snapshots.key"), SnapshotVault.keyFileOf(dir));
        assertEquals(32, Files.size(SnapshotVault.keyFileOf(dir)));
        // an installation from before: key inside the folder; its snapshots must stay readable
        Path old = tmp.resolve("old");
        SnapshotVault.open(old).store(image(), NOW.plus(Duration.ofDays(1)));
        String oldName = SnapshotVault.open(old).store(image(), NOW.plus(Duration.ofDays(1)));
        Files.move(SnapshotVault.keyFileOf(old), old.resolve(SnapshotVault.OLD_KEY_FILE));
        assertTrue(SnapshotVault.open(old).read(oldName, NOW).isPresent());
        assertFalse(Files.exists(old.resolve(SnapshotVault.OLD_KEY_FILE)), "the old key moved out of the folder");
    }

    @Test
    void damagedKeyIsReportedWithAFix(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("snapshots");
        SnapshotVault.open(dir);
        Files.write(SnapshotVault.keyFileOf(dir), new byte[5]);
        StoreException e = assertThrows(StoreException.class, () -> SnapshotVault.open(dir));
        assertTrue(e.getMessage().contains("damaged"), e.getMessage());
        assertTrue(e.fix().contains("delete it"), e.fix());
    }
}
