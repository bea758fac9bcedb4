package com.faceattend.store;

import static com.faceattend.store.StoreTestSupport.MODEL;
import static com.faceattend.store.StoreTestSupport.addConsented;
import static com.faceattend.store.StoreTestSupport.distinctive;
import static com.faceattend.store.StoreTestSupport.template;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.faceattend.spi.AttendanceEvent;
import com.faceattend.store.testdb.StoreEngine;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Export of a person's data, erasure with a signed record, and retention of attendance rows. */
@ParameterizedClass(name = "{0}")
@EnumSource(StoreEngine.class)
class DataSubjectRightsTest extends OnEveryEngine {
    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);


    private static void pass(DerbyAttendanceStore store, String code, Instant t) {
        store.recordAttendance(new AttendanceEvent.PersonRecognized(t, "gate", code, "x", AttendanceEvent.Direction.IN, 0.8f, 0.9f));
    }

    @Test
    void exportHoldsThePersonTheirPassesAndTemplateCountsOnly() {
        try (DerbyAttendanceStore store = db.open()) {
            addConsented(store, "E1");
            addConsented(store, "E2");
            store.addTemplates("E1", List.of(template(MODEL, distinctive(128, 1f), 0.9f), template(MODEL, distinctive(128, 2f), 0.8f)), "op");
            pass(store, "E1", Instant.parse("2025-03-03T08:00:00Z"));
            pass(store, "E2", Instant.parse("2025-03-03T08:01:00Z"));
            new CorrectionStore(store).addPass("E1", Instant.parse("2025-03-03T17:00:00Z"), AttendanceEvent.Direction.OUT,
                    "forgot to check out", "hr");

            DataSubjectRights.PersonalData d = new DataSubjectRights(store, KEY).export("E1", "dpo");
            assertEquals("Name of E1", d.employee().name());
            assertEquals(1, d.templates().size());
            assertEquals(MODEL, d.templates().get(0).modelId());
            assertEquals(2, d.templates().get(0).count());
            assertEquals(List.of(Instant.parse("2025-03-03T08:00:00Z")), d.attendance().stream().map(AttendanceRecord::time).toList(),
                    "only their own passes");
            assertEquals(List.of("forgot to check out"), d.corrections().stream().map(Correction::reason).toList());
            assertEquals("personal-data-export", store.listAudit(1).get(0).action());
        }
    }

    @Test
    void erasureLeavesASignedRecordWithoutPersonalData() throws Exception {
        DataSubjectRights.ErasureRecord proof;
        try (DerbyAttendanceStore store = db.open()) {
            store.addEmployee("GONE-77", "Unique Erased Person", "R&D", StoreTestSupport.CONSENT);
            store.addTemplates("GONE-77", List.of(template(MODEL, distinctive(128, 3f), 0.9f)), "op");
            pass(store, "GONE-77", Instant.parse("2025-03-03T08:00:00Z"));
            DataSubjectRights rights = new DataSubjectRights(store, KEY);
            proof = rights.erase("GONE-77", "dpo");
            assertTrue(store.findEmployee("GONE-77").isEmpty());
            assertEquals(1, proof.templates());
            assertEquals(1, proof.events());
            assertEquals(List.of(proof), rights.erasureRecords());
            assertTrue(rights.verify(rights.erasureRecords().get(0)));
            DataSubjectRights.ErasureRecord forged = new DataSubjectRights.ErasureRecord(proof.receipt(), proof.erasedAt(), proof.actor(),
                    0, 0, proof.signature());
            assertFalse(rights.verify(forged), "changed counts break the signature");
            assertFalse(new DataSubjectRights(store, "another-key-another-key-another!".getBytes(StandardCharsets.US_ASCII)).verify(proof),
                    "another key does not verify it");
        }
        // the signature is a plain HMAC-SHA256 anyone holding the key can check, without FaceAttend
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
        String fields = String.join("\n", "faceattend-erasure-v1", proof.receipt(), proof.erasedAt().truncatedTo(ChronoUnit.MICROS).toString(),
                "dpo", "1", "1");
        assertEquals(HexFormat.of().formatHex(mac.doFinal(fields.getBytes(StandardCharsets.UTF_8))), proof.signature());
        // the row itself names nobody
        try (Connection c = db.connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT * FROM erasure_record")) {
            assertTrue(rs.next());
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                String v = String.valueOf(rs.getObject(i));
                assertFalse(v.contains("GONE-77") || v.contains("Unique Erased Person"), "column " + i + ": " + v);
            }
        }
    }

    @Test
    void retentionDeletesOldPassesOnceADay() {
        Instant now = Instant.parse("2026-11-29T03:00:00Z");
        try (DerbyAttendanceStore store = db.open()) {
            addConsented(store, "E1");
            pass(store, "E1", now.minus(Duration.ofDays(800)));
            pass(store, "E1", now.minus(Duration.ofDays(10)));
            pass(store, "E1", now.minus(Duration.ofDays(1)));
            DataSubjectRights rights = new DataSubjectRights(store, KEY);
            assertTrue(rights.attendanceRetentionDays().isEmpty(), "nothing is deleted until a retention is set");
            assertEquals(-1, rights.applyRetentionIfDue(now, "retention"));
            assertEquals(3, store.countAttendance());

            rights.setAttendanceRetentionDays(DataSubjectRights.SUGGESTED_RETENTION_DAYS, "dpo");
            assertEquals(1, rights.applyRetentionIfDue(now, "retention"), "older than two years");
            assertEquals(2, store.countAttendance());
            assertEquals("attendance-retention", store.listAudit(1).get(0).action());

            rights.setAttendanceRetentionDays(5, "dpo");
            assertEquals(-1, rights.applyRetentionIfDue(now.plusSeconds(3600), "retention"), "at most once a UTC day");
            assertEquals(1, rights.applyRetentionIfDue(now.plus(Duration.ofDays(1)), "retention"));
            assertEquals(1, store.countAttendance());
            StoreException bad = org.junit.jupiter.api.Assertions.assertThrows(StoreException.class,
                    () -> rights.setAttendanceRetentionDays(0, "dpo"));
            assertTrue(bad.getMessage().startsWith("the attendance retention must be 1 to"), bad.getMessage());
        }
    }
}
