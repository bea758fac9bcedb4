package com.faceattend.store;

import static com.faceattend.store.StoreTestSupport.MODEL;
import static com.faceattend.store.StoreTestSupport.addConsented;
import static com.faceattend.store.StoreTestSupport.distinctive;
import static com.faceattend.store.StoreTestSupport.template;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.faceattend.store.testdb.StoreEngine;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass(name = "{0}")
@EnumSource(StoreEngine.class)
class TemplateStoreTest {
    @Parameter
    StoreEngine engine;
    @TempDir
    Path tmp;
    StoreEngine.TestDatabase db;
    DerbyAttendanceStore store;

    @BeforeEach
    void open() {
        db = engine.fresh(tmp);
        store = db.open();
    }

    @AfterEach
    void close() {
        store.close();
        db.close();
    }

    @Test
    void templatesRoundTripBitExactly() {
        addConsented(store, "E1");
        // values whose bits a lossy path (double conversion, text, big-endian mix-up) would change
        float[] tricky = {Float.MIN_VALUE, -0.0f, 0.0f, Float.MAX_VALUE, -Float.MAX_VALUE, 1e-38f, 0.1f, 1f / 3f,
                -123.456f, Math.nextUp(1.0f), Float.MIN_NORMAL, 0x1.fffffep-127f};
        float[] longOne = distinctive(512, 0.5f);
        // the same values with the zeros' signs swapped: other bits, so another template (identical bits would be
        // the same template enrolled twice, stored once since issue 18)
        float[] signSwapped = tricky.clone();
        signSwapped[1] = 0.0f;
        signSwapped[2] = -0.0f;
        float[][] expected = {tricky, signSwapped};
        assertEquals(2, store.addTemplates("E1", List.of(template(MODEL, tricky, 0.9f), template(MODEL, signSwapped, 0.25f)),
                "operator"));

        List<StoredTemplate> loaded = store.loadTemplates(MODEL);
        assertEquals(2, loaded.size());
        for (int k = 0; k < loaded.size(); k++) {
            StoredTemplate t = loaded.get(k);
            assertEquals(tricky.length, t.vector().length);
            for (int i = 0; i < tricky.length; i++) {
                assertEquals(Float.floatToRawIntBits(expected[k][i]), Float.floatToRawIntBits(t.vector()[i]), "element " + i);
            }
            assertEquals("E1", t.employeeCode());
            assertEquals("Name of E1", t.employeeName());
            assertEquals(MODEL, t.modelId());
        }
        assertEquals(0.9f, loaded.get(0).quality());
        assertEquals(0.25f, loaded.get(1).quality());

        store.addTemplates("E1", List.of(template("other-model", longOne, 1f)), "operator");
        assertArrayEquals(longOne, store.loadTemplates("other-model").get(0).vector());
        assertEquals(3, store.countTemplates("E1"));
        assertEquals(Map.of(MODEL, 2, "other-model", 1), store.templateCountsByModel());
        assertTrue(store.loadTemplates("never-used").isEmpty());
    }

    @Test
    void vectorCodecIsLittleEndianFloat32() {
        byte[] bytes = VectorCodec.encode(new float[] {1.0f});
        assertArrayEquals(new byte[] {0, 0, (byte) 0x80, 0x3f}, bytes);
        assertArrayEquals(new float[] {1.0f, -2.5f}, VectorCodec.decode(VectorCodec.encode(new float[] {1.0f, -2.5f})));
    }

    @Test
    void refusesTemplatesWithoutConsentUntilConsentIsRecorded() {
        store.addEmployee("E1", "Ann", null, null);
        List<TemplateToSave> one = List.of(template(MODEL, distinctive(8, 1f), 1f));
        StoreException e = assertThrows(StoreException.class, () -> store.addTemplates("E1", one, "operator"));
        assertTrue(e.getMessage().contains("no consent"), e.getMessage());
        assertTrue(e.fix().startsWith("record the employee's consent first"), e.fix());
        assertEquals(0, store.countTemplates("E1"));

        store.recordConsent("E1", Instant.parse("2025-03-01T08:00:00Z"));
        assertEquals(Instant.parse("2025-03-01T08:00:00Z"), store.requireEmployee("E1").consentRecordedAt());
        assertEquals(1, store.addTemplates("E1", one, "operator"));
    }

    @Test
    void refusesMixedModelsAndDimensions() {
        addConsented(store, "E1");
        StoreException mixed = assertThrows(StoreException.class, () -> store.addTemplates("E1",
                List.of(template(MODEL, distinctive(8, 1f), 1f), template("facenet@2", distinctive(8, 1f), 1f)), "op"));
        assertTrue(mixed.getMessage().contains("mixes templates of models"), mixed.getMessage());
        assertTrue(mixed.fix().contains("one embedder"), mixed.fix());

        store.addTemplates("E1", List.of(template(MODEL, distinctive(8, 1f), 1f)), "op");
        StoreException dims = assertThrows(StoreException.class,
                () -> store.addTemplates("E1", List.of(template(MODEL, distinctive(16, 1f), 1f)), "op"));
        assertTrue(dims.getMessage().contains("8 dimensions"), dims.getMessage());
        assertEquals(1, store.countTemplates("E1"));
    }

    @Test
    void deactivatedEmployeesAreNotLoadedForRecognition() {
        addConsented(store, "E1");
        addConsented(store, "E2");
        store.addTemplates("E1", List.of(template(MODEL, distinctive(8, 1f), 1f)), "op");
        store.addTemplates("E2", List.of(template(MODEL, distinctive(8, 2f), 1f)), "op");
        store.setActive("E2", false);

        assertEquals(List.of("E1"), store.loadTemplates(MODEL).stream().map(StoredTemplate::employeeCode).toList());
        assertEquals(List.of("E1"), store.listEmployees(false).stream().map(Employee::code).toList());
        assertEquals(2, store.listEmployees(true).size());
        assertEquals(Map.of(MODEL, 2), store.templateCountsByModel(), "templates are kept, just not loaded");

        store.setActive("E2", true);
        assertEquals(2, store.loadTemplates(MODEL).size());
        assertEquals(List.of("activate", "deactivate"),
                store.listAudit(2).stream().map(AuditEntry::action).toList());
    }

    @Test
    void addTemplatesIsAllOrNothing() {
        addConsented(store, "E1");
        int auditBefore = store.listAudit(1000).size();
        // the third item fails inside the database, after two rows went in: a constraint of the test's refuses it
        StoreEngine.execute(db, "ALTER TABLE face_template ADD CONSTRAINT test_refuses_half CHECK (quality <> 0.5)");
        List<TemplateToSave> batch = List.of(template(MODEL, distinctive(8, 1f), 0.8f),
                template(MODEL, distinctive(8, 2f), 0.7f), template(MODEL, distinctive(8, 3f), 0.5f));
        StoreException e = assertThrows(StoreException.class, () -> store.addTemplates("E1", batch, "op"));
        assertTrue(e.getMessage().startsWith("could not enrol face templates for 'E1'"), e.getMessage());
        assertTrue(e.getCause() instanceof java.sql.SQLException, "cause kept for logs");

        assertEquals(0, store.countTemplates("E1"));
        assertTrue(store.loadTemplates(MODEL).isEmpty());
        assertEquals(auditBefore, store.listAudit(1000).size(), "no audit entry for an enrolment that did not happen");
    }

    @Test
    void refusesNonFiniteVectorsBeforeTouchingTheDatabase() {
        addConsented(store, "E1");
        float[] bad = distinctive(8, 1f);
        bad[3] = Float.POSITIVE_INFINITY;
        StoreException e = assertThrows(StoreException.class,
                () -> store.addTemplates("E1", List.of(template(MODEL, bad, 1f)), "op"));
        assertTrue(e.getMessage().contains("NaN or infinity"), e.getMessage());
        // PostgreSQL's REAL would store a NaN quality that Derby's refuses: refused before either sees it
        StoreException quality = assertThrows(StoreException.class,
                () -> store.addTemplates("E1", List.of(template(MODEL, distinctive(8, 1f), Float.NaN)), "op"));
        assertTrue(quality.getMessage().contains("quality NaN"), quality.getMessage());
        assertEquals(0, store.countTemplates("E1"));
    }

    @Test
    void enrolmentIsAudited() {
        addConsented(store, "E1");
        store.addTemplates("E1", List.of(template(MODEL, distinctive(8, 1f), 1f), template(MODEL, distinctive(8, 2f), 1f)),
                "enrol-desk");
        AuditEntry last = store.listAudit(1).get(0);
        assertEquals("enrol", last.action());
        assertEquals("enrol-desk", last.actor());
        assertEquals("code E1, 2 face templates of model " + MODEL, last.detail());
    }
}
