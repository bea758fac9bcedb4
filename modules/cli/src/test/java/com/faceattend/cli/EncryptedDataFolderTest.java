package com.faceattend.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.faceattend.store.DerbyAttendanceStore;
import com.faceattend.store.StoreEncryption;
import com.faceattend.store.StoreKeys;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data folder made by the command line is encrypted with a key kept elsewhere; an old plain one
 * is encrypted by {@code db encrypt}; {@code db rekey} rotates the key. Keys go to the test keys
 * folder the build sets in $FACEATTEND_KEYS_DIR.
 */
class EncryptedDataFolderTest {
    private static final String MARKER = "Qv9Marker-Ostfriesland-4417";

    @TempDir
    Path tmp;

    @Test
    void anEnrolledPersonLeavesNoNameAndNoTemplateFragmentInClearInTheDataFolder() throws Exception {
        Path data = tmp.resolve("data");
        Path ref = Cli.data().resolve("video-and-small/video/ref_alex_lacamoire.png");
        Cli.Result enrol = Cli.run(data, "enroll", "--code", "MK", "--name", MARKER, "--consent", "--quiet", ref.toString());
        assertEquals(ExitCode.OK, enrol.exitCode(), enrol.toString());
        Cli.Result list = Cli.run(data, "employees", "list", "--json");
        assertTrue(list.out().contains(MARKER), list.toString());

        Path db = data.resolve("db");
        assertTrue(StoreEncryption.isEncrypted(db), "a new data folder is encrypted");
        StoreKeys keys = StoreKeys.forDatabase(db);
        assertFalse(keys.keyFile().startsWith(data), "the key is not in the data folder");
        List<byte[]> templates = new ArrayList<>();
        try (DerbyAttendanceStore store = DerbyAttendanceStore.openEmbedded(db, keys.forOpening())) {
            for (String model : store.templateCountsByModel().keySet()) {
                store.loadTemplates(model, "MK").forEach(t -> templates.add(floatsLittleEndian(t.vector())));
            }
        }
        assertFalse(templates.isEmpty());
        assertEquals(List.of(), filesContaining(data, MARKER.getBytes(StandardCharsets.UTF_8), MARKER.length()),
                "the name is in no file of the data folder (database, log, settings)");
        for (byte[] t : templates) {
            assertEquals(List.of(), filesContaining(data, t, 16), "no 16-byte run of a template in clear");
        }
        Cli.Result again = Cli.run(data, "db", "encrypt");
        assertEquals(ExitCode.USAGE, again.exitCode(), again.toString());
        assertTrue(again.err().contains("is already encrypted"), again.toString());
    }

    @Test
    void anOldPlainDataFolderIsEncryptedInPlaceAndItsKeyRotates() throws Exception {
        Path data = tmp.resolve("old");
        Path db = data.resolve("db");
        try (DerbyAttendanceStore plain = DerbyAttendanceStore.openEmbedded(db)) {
            plain.addEmployee("OLD1", MARKER, "Ops", Instant.parse("2025-01-01T00:00:00Z"));
        }
        Cli.Result encrypt = Cli.run(data, "db", "encrypt", "--backup", tmp.resolve("bak").toString());
        assertEquals(ExitCode.OK, encrypt.exitCode(), encrypt.toString());
        assertTrue(encrypt.out().contains("unencrypted backup: " + tmp.resolve("bak").resolve("db")), encrypt.toString());
        assertTrue(StoreEncryption.isEncrypted(db));
        assertEquals(List.of(), filesContaining(db, MARKER.getBytes(StandardCharsets.UTF_8), MARKER.length()));
        assertTrue(Cli.run(data, "employees", "list").out().contains("OLD1"));

        String oldKey = Files.readString(StoreKeys.forDatabase(db).keyFile());
        Cli.Result rekey = Cli.run(data, "db", "rekey");
        assertEquals(ExitCode.OK, rekey.exitCode(), rekey.toString());
        assertFalse(oldKey.equals(Files.readString(StoreKeys.forDatabase(db).keyFile())));
        assertTrue(Cli.run(data, "employees", "list").out().contains("OLD1"));
        // both key operations are in the audit log (issue 17: key rotation audited)
        Cli.Result audit = Cli.run(data, "audit", "list");
        assertTrue(audit.out().contains("db-encrypt") && audit.out().contains("key-rotation"), audit.toString());

        // a key file that is not this database's: a clear refusal, no stack trace
        Files.writeString(StoreKeys.forDatabase(db).keyFile(), oldKey);
        Cli.Result wrong = Cli.run(data, "employees", "list");
        assertEquals(ExitCode.STORE_UNAVAILABLE, wrong.exitCode(), wrong.toString());
        assertTrue(wrong.err().contains("is encrypted and the key file " + StoreKeys.forDatabase(db).keyFile() + " does not open it"),
                wrong.toString());
        assertFalse(wrong.err().contains("\tat "), "no stack trace");
    }

    private static byte[] floatsLittleEndian(float[] v) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(v.length * 4).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (float f : v) {
            b.putFloat(f);
        }
        return b.array();
    }

    /** Files under {@code root} holding any {@code run}-byte run of {@code secret}. */
    private static List<String> filesContaining(Path root, byte[] secret, int run) throws Exception {
        Set<String> windows = new HashSet<>();
        for (int i = 0; i + run <= secret.length; i++) {
            windows.add(HexFormat.of().formatHex(secret, i, i + run));
        }
        Set<Byte> firsts = new HashSet<>();
        for (int i = 0; i + run <= secret.length; i++) {
            firsts.add(secret[i]);
        }
        List<String> hits = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                byte[] bytes = Files.readAllBytes(p);
                for (int i = 0; i + run <= bytes.length; i++) {
                    if (firsts.contains(bytes[i]) && windows.contains(HexFormat.of().formatHex(bytes, i, i + run))) {
                        hits.add(root.relativize(p).toString());
                        break;
                    }
                }
            }
        }
        return hits;
    }
}
