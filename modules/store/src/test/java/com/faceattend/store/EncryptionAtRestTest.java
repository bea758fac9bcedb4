package com.faceattend.store;

import static com.faceattend.store.StoreTestSupport.CONSENT;
import static com.faceattend.store.StoreTestSupport.MODEL;
import static com.faceattend.store.StoreTestSupport.distinctive;
import static com.faceattend.store.StoreTestSupport.filesContaining;
import static com.faceattend.store.StoreTestSupport.filesContainingAnyRun;
import static com.faceattend.store.StoreTestSupport.template;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.faceattend.spi.AttendanceEvent;
import com.faceattend.spi.Problem;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Derby's encryption at rest, with the key file kept apart from the data folder, on real database
 * files. Derby only by nature: PostgreSQL leaves encryption at rest to the server's disks.
 */
class EncryptionAtRestTest {
    private static final String MARKER = "Zqx7Marker-Wolkenkratzer-93";

    @TempDir
    Path tmp;

    private StoreKeys keys(Path db) {
        Map<String, String> env = Map.of(StoreKeys.KEYS_DIR_ENV, tmp.resolve("keys").toString());
        return StoreKeys.forDatabase(db, env::get);
    }

    /** One person named with the marker, one template, one event; the template's bytes are returned. */
    private static byte[] enrolMarkedPerson(DerbyAttendanceStore store, float seed) {
        float[] v = distinctive(512, seed);
        store.addEmployee("M1", MARKER, "R&D", CONSENT);
        store.addTemplates("M1", List.of(template(MODEL, v, 0.9f)), "op");
        store.recordAttendance(new AttendanceEvent.PersonRecognized(Instant.parse("2025-05-05T08:00:00Z"), "gate",
                "M1", "x", AttendanceEvent.Direction.IN, 0.8f, 0.99f));
        return VectorCodec.encode(v);
    }

    @Test
    void aNewDatabaseKeepsNoNameAndNoTemplateFragmentInClearAndIsOwnerOnly() throws Exception {
        Path data = tmp.resolve("data");
        Path db = data.resolve("db");
        StoreKeys keys = keys(db);
        BootSecret secret = keys.forOpening();
        assertTrue(secret.encrypts(), "a new database gets a key");
        byte[] bytes;
        try (DerbyAttendanceStore store = DerbyAttendanceStore.openEmbedded(db, secret)) {
            bytes = enrolMarkedPerson(store, 4711f);
            // rows still in the transaction log, not yet checkpointed, are scanned as well
            assertEquals(List.of(), filesContaining(data, MARKER.getBytes(StandardCharsets.UTF_8)));
            assertEquals(List.of(), filesContainingAnyRun(data, bytes, 16));
        }
        assertTrue(StoreEncryption.isEncrypted(db));
        assertEquals(List.of(), filesContaining(data, MARKER.getBytes(StandardCharsets.UTF_8)), "the name is in no file");
        assertEquals(List.of(), filesContainingAnyRun(data, bytes, 16), "no 16-byte run of the template is in any file");
        assertFalse(keys.keyFile().startsWith(data), "the key is kept apart from the data folder");

        // control: the same scan finds both in a plain database, so an empty result above means something
        Path plain = tmp.resolve("plain");
        try (DerbyAttendanceStore store = DerbyAttendanceStore.openEmbedded(plain.resolve("db"))) {
            enrolMarkedPerson(store, 4711f);
        }
        assertFalse(filesContaining(plain, MARKER.getBytes(StandardCharsets.UTF_8)).isEmpty());
        assertFalse(filesContainingAnyRun(plain, bytes, 16).isEmpty());

        if (OwnerOnlyFiles.posix()) {
            assertOwnerOnly(db);
            assertOwnerOnly(keys.keyFile().getParent());
        }
        try (DerbyAttendanceStore store = DerbyAttendanceStore.openEmbedded(db, keys(db).forOpening())) {
            assertEquals(MARKER, store.requireEmployee("M1").name(), "reopens unattended with the key file");
        }
    }

    @Test
    void withoutTheSecretWithAWrongOneOrWithALooseKeyFileItSaysSo() throws Exception {
        Path db = tmp.resolve("data/db");
        StoreKeys keys = keys(db);
        try (DerbyAttendanceStore store = DerbyAttendanceStore.openEmbedded(db, keys.forOpening())) {
            store.addEmployee("E1", "someone", null, null);
        }
        StoreException none = assertThrows(StoreException.class, () -> DerbyAttendanceStore.openEmbedded(db));
        assertEquals("the database at " + db + " is encrypted, and no secret to open it was given", none.getMessage());
        assertTrue(none.fix().contains(StoreKeys.KEY_FILE_ENV), none.fix());

        StoreException wrong = assertThrows(StoreException.class,
                () -> DerbyAttendanceStore.openEmbedded(db, BootSecret.password("not-the-right-one", "$X")));
        assertEquals("the database at " + db + " is encrypted and $X does not open it", wrong.getMessage());
        assertEquals(Problem.Kind.STORE_UNAVAILABLE, wrong.kind());

        Files.delete(keys.keyFile());
        StoreException missing = assertThrows(StoreException.class, () -> keys(db).forOpening());
        assertTrue(missing.getMessage().endsWith("is encrypted and its key file " + keys.keyFile() + " is missing"),
                missing.getMessage());

        if (OwnerOnlyFiles.posix()) {
            Files.writeString(keys.keyFile(), "0123456789abcdef0123456789abcdef\n");
            Files.setPosixFilePermissions(keys.keyFile(), PosixFilePermissions.fromString("rw-r--r--"));
            StoreException loose = assertThrows(StoreException.class, () -> keys(db).forOpening());
            assertEquals("the database key file " + keys.keyFile() + " can be read or changed by other users (rw-r--r--)",
                    loose.getMessage());
            assertTrue(loose.fix().startsWith("Make it private to its owner (chmod 600 "), loose.fix());
        }
    }

    @Test
    void encryptingAnExistingDatabaseKeepsEveryRowAndLeavesNothingInClearThenTheKeyRotates() throws Exception {
        Path data = tmp.resolve("data");
        Path db = data.resolve("db");
        byte[] bytes;
        try (DerbyAttendanceStore store = DerbyAttendanceStore.openEmbedded(db)) {
            bytes = enrolMarkedPerson(store, -991f);
            for (int i = 0; i < 8; i++) {
                store.addEmployee("P" + i, "Person " + i, "Ops", CONSENT);
                store.addTemplates("P" + i, List.of(template(MODEL, distinctive(512, i * 13f), 0.5f)), "op");
            }
        }
        String before = rowsChecksum(db, "");
        StoreKeys keys = keys(db);
        assertFalse(keys.forOpening().encrypts(), "an existing plain database opens as it is");

        Path backups = data.resolve("backup-before-encryption");
        Path backup = StoreEncryption.encrypt(db, keys.forEncrypting(), backups);

        assertTrue(StoreEncryption.isEncrypted(db));
        assertFalse(filesContaining(backup, MARKER.getBytes(StandardCharsets.UTF_8)).isEmpty(), "the backup is a plain copy");
        assertEquals(before, rowsChecksum(backup, ""), "the backup holds every row");
        assertEquals(List.of(), filesContaining(db, MARKER.getBytes(StandardCharsets.UTF_8)), "no name left in clear");
        assertEquals(List.of(), filesContainingAnyRun(db, bytes, 16), "no template fragment left in clear");
        String key = Files.readString(keys.keyFile()).strip();
        assertEquals(before, rowsChecksum(db, "bootPassword=" + key), "every employee, template and event kept");

        String rotatedTo = keys(db).rotate();
        assertEquals("the key file " + keys.keyFile(), rotatedTo);
        String newKey = Files.readString(keys.keyFile()).strip();
        assertFalse(newKey.equals(key));
        assertFalse(StoreEncryption.opensWith(db, BootSecret.password(key, "old")), "the old key no longer opens it");
        try (DerbyAttendanceStore store = DerbyAttendanceStore.openEmbedded(db, keys(db).forOpening())) {
            assertEquals(9, store.listEmployees(true).size());
        }
        assertEquals(before, rowsChecksum(db, "bootPassword=" + newKey));
    }

    /** SHA-256 over every row of the tables that matter, read with plain JDBC (not through the store). */
    static String rowsChecksum(Path db, String attributes) throws Exception {
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName(db.toString());
        ds.setConnectionAttributes(attributes);
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            for (String query : List.of("SELECT * FROM employee ORDER BY code", "SELECT * FROM face_template ORDER BY id",
                    "SELECT * FROM attendance_event ORDER BY id")) {
                try (ResultSet rs = s.executeQuery(query)) {
                    ResultSetMetaData md = rs.getMetaData();
                    while (rs.next()) {
                        for (int i = 1; i <= md.getColumnCount(); i++) {
                            Object o = rs.getObject(i);
                            sha.update((o instanceof byte[] b ? HexFormat.of().formatHex(b) : String.valueOf(o)).getBytes(StandardCharsets.UTF_8));
                            sha.update((byte) 0);
                        }
                    }
                }
            }
        } finally {
            ds.setShutdownDatabase("shutdown");
            try {
                ds.getConnection().close();
            } catch (SQLException expected) {
                // 08006: shut down
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static void assertOwnerOnly(Path root) throws Exception {
        Set<PosixFilePermission> others = PosixFilePermissions.fromString("---rwxrwx");
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.toList()) {
                Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p);
                assertTrue(perms.stream().noneMatch(others::contains), p + " is " + PosixFilePermissions.toString(perms));
            }
        }
    }
}
