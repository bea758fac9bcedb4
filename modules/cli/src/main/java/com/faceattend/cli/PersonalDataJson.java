package com.faceattend.cli;

import com.faceattend.store.AttendanceRecord;
import com.faceattend.store.Correction;
import com.faceattend.store.DataSubjectRights;
import com.faceattend.store.Employee;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON shape of {@code employees export}: plain maps with ISO-8601 UTC times and dates, stable field order. */
final class PersonalDataJson {
    private PersonalDataJson() {
    }

    static Map<String, Object> of(DataSubjectRights.PersonalData d) {
        Map<String, Object> root = new LinkedHashMap<>();
        Employee e = d.employee();
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("code", e.code());
        person.put("name", e.name());
        person.put("department", e.department());
        person.put("consentRecordedAt", str(e.consentRecordedAt()));
        person.put("active", e.active());
        // ISO dates (yyyy-mm-dd), null when not recorded: part of what the store holds about the person
        person.put("hireDate", str(e.hireDate()));
        person.put("leaveDate", str(e.leaveDate()));
        root.put("employee", person);
        root.put("faceTemplates", d.templates().stream().map(t -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("model", t.modelId());
            m.put("count", t.count());
            m.put("firstEnrolledAt", str(t.firstEnrolled()));
            m.put("lastEnrolledAt", str(t.lastEnrolled()));
            return m;
        }).toList());
        root.put("attendance", d.attendance().stream().map(PersonalDataJson::pass).toList());
        root.put("corrections", d.corrections().stream().map(PersonalDataJson::correction).toList());
        root.put("notes", List.of("FaceAttend stores no photos or face images.",
                "Face templates are stored as numbers only the recognition model can use; this export counts them and gives their dates."));
        return root;
    }

    private static Map<String, Object> pass(AttendanceRecord a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("time", str(a.time()));
        m.put("station", a.station());
        m.put("direction", a.direction().name());
        m.put("similarity", Float.isNaN(a.similarity()) ? null : a.similarity());
        m.put("liveScore", Float.isNaN(a.liveScore()) ? null : a.liveScore());
        return m;
    }

    private static Map<String, Object> correction(Correction c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", c.kind().name());
        m.put("time", str(c.time()));
        m.put("direction", c.direction().name());
        m.put("reason", c.reason());
        m.put("by", c.actor());
        m.put("at", str(c.createdAt()));
        return m;
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }
}
