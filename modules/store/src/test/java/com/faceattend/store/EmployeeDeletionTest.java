package com.faceattend.store;

import static com.faceattend.store.StoreTestSupport.MODEL;
import static com.faceattend.store.StoreTestSupport.addConsented;
import static com.faceattend.store.StoreTestSupport.distinctive;
import static com.faceattend.store.StoreTestSupport.filesContaining;
import static com.faceattend.store.StoreTestSupport.needleOf;
import static com.faceattend.store.StoreTestSupport.template;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.faceattend.spi.AttendanceEvent;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Erasure wipes the template bytes from the files. Derby only: it scans Derby's own database
 * files (the same proof on PostgreSQL's table files is in {@link PostgresStoreTest}).
 */
class EmployeeDeletionTest {
    @TempDir
    Path tmp;

    @Test
    void deletedTemplateBytesAreGoneFromEveryDatabaseFile() throws Exception {
        Path dir = tmp.resolve("db");
        float[] doomed = distinctive(512, 4242.0f);
        float[] kept = distinctive(512, -777.0f);
        byte[] doomedNeedle = needleOf(doomed);
        byte[] keptNeedle = needleOf(kept);

        try (DerbyAttendanceStore store = DerbyAttendanceStore.openEmbedded(dir)) {
            addConsented(store, "GONE");
            addConsented(store, "STAYS");
            store.addTemplates("GONE", List.of(template(MODEL, doomed, 0.9f)), "op");
            store.addTemplates("STAYS", List.of(template(MODEL, kept, 0.9f)), "op");
            store.recordAttendance(new AttendanceEvent.PersonRecognized(Instant.parse("2025-05-05T08:00:00Z"), "gate",
                    "GONE", "x", AttendanceEvent.Direction.IN, 0.8f, 0.99f));
        }
        // Shutdown checkpointed: the template now sits in the table's data file and in the log.
        // Proves the scan itself works before we rely on it finding nothing.
        assertFalse(filesContaining(dir, doomedNeedle).isEmpty(), "precondition: template bytes are on disk");

        try (DerbyAttendanceStore store = DerbyAttendanceStore.openEmbedded(dir)) {
            store.deleteEmployee("GONE", "dpo");
            assertTrue(store.findEmployee("GONE").isEmpty());
            assertEquals(0, store.countAttendance());
            assertEquals(List.of("STAYS"), store.loadTemplates(MODEL).stream().map(StoredTemplate::employeeCode).toList());
            AuditEntry audit = store.listAudit(1).get(0);
            assertEquals("delete-employee", audit.action());
            assertEquals("dpo", audit.actor());
            assertEquals("code GONE, 1 face templates and 1 attendance events erased", audit.detail());
        }

        assertEquals(List.of(), filesContaining(dir, doomedNeedle), "deleted template bytes must not remain");
        assertFalse(filesContaining(dir, keptNeedle).isEmpty(), "the other employee's template survived compaction");
        try (DerbyAttendanceStore store = DerbyAttendanceStore.openEmbedded(dir)) {
            assertEquals(1, store.loadTemplates(MODEL).size());
        }
    }

    @Test
    void withdrawnConsentErasesTheTemplateBytesButKeepsThePersonAndTheirAttendance() throws Exception {
        Path dir = tmp.resolve("db");
        float[] withdrawn = distinctive(512, 5151.0f);
        try (DerbyAttendanceStore store = DerbyAttendanceStore.openEmbedded(dir)) {
            addConsented(store, "WD");
            store.addTemplates("WD", List.of(template(MODEL, withdrawn, 0.9f)), "op");
            store.recordAttendance(new AttendanceEvent.PersonRecognized(Instant.parse("2025-05-05T08:00:00Z"), "gate",
                    "WD", "x", AttendanceEvent.Direction.IN, 0.8f, 0.99f));
        }
        assertFalse(filesContaining(dir, needleOf(withdrawn)).isEmpty(), "precondition: template bytes are on disk");
        try (DerbyAttendanceStore store = DerbyAttendanceStore.openEmbedded(dir)) {
            assertEquals(1, store.withdrawConsent("WD", "dpo"));
            Employee e = store.findEmployee("WD").orElseThrow();
            assertFalse(e.hasConsent(), "consent cleared");
            assertEquals(0, store.countTemplates("WD"));
            assertEquals(1, store.countAttendance(), "attendance records are employment records and stay");
            assertEquals("consent-withdrawn", store.listAudit(1).get(0).action());
            // enrolling again needs consent recorded again
            assertThrows(StoreException.class, () -> store.addTemplates("WD", List.of(template(MODEL, withdrawn, 0.9f)), "op"));
        }
        assertEquals(List.of(), filesContaining(dir, needleOf(withdrawn)), "withdrawn template bytes must not remain");
    }

    @Test
    void purgedStrangerEmbeddingsAreGoneToo() throws Exception {
        Path dir = tmp.resolve("db");
        float[] face = distinctive(256, 9999.0f);
        Instant seen = Instant.parse("2025-06-01T12:00:00Z");
        try (DerbyAttendanceStore store = DerbyAttendanceStore.openEmbedded(dir)) {
            store.recordStranger(new AttendanceEvent.StrangerSeen(seen, "lobby", 0.31f,
                    new com.faceattend.spi.Embedding(MODEL, face)), seen.plusSeconds(3600));
        }
        assertFalse(filesContaining(dir, needleOf(face)).isEmpty(), "precondition");
        try (DerbyAttendanceStore store = DerbyAttendanceStore.openEmbedded(dir)) {
            assertEquals(1, store.purgeExpired(seen.plusSeconds(3600)));
        }
        assertEquals(List.of(), filesContaining(dir, needleOf(face)));
    }

    @Test
    void deletingAnUnknownEmployeeSaysHowToFindCodes() {
        try (DerbyAttendanceStore store = DerbyAttendanceStore.openEmbedded(tmp.resolve("db"))) {
            StoreException e = assertThrows(StoreException.class, () -> store.deleteEmployee("NOPE", "dpo"));
            assertEquals("no employee with code 'NOPE'", e.getMessage());
            assertEquals(com.faceattend.spi.Problem.Kind.NOT_FOUND, e.kind());
        }
    }
}
