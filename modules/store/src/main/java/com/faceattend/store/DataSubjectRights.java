package com.faceattend.store;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The rights of the people whose data the store holds (GDPR art. 15, 17, 5(1)(e)): everything
 * stored about a person, for export; erasure that leaves a signed record without personal data;
 * and the retention of attendance rows, applied once a day.
 *
 * <pre>
 * DataSubjectRights rights = new DataSubjectRights(store, hmacKey);
 * PersonalData all = rights.export("E7", "dpo");
 * ErasureRecord proof = rights.erase("E7", "dpo");
 * rights.applyRetentionIfDue(Instant.now(), "retention");
 * </pre>
 */
public final class DataSubjectRights {
    /**
     * The retention suggested to users: two years. Not applied until set: deleting an upgraded
     * site's payroll history on its own would be worse than keeping it.
     */
    public static final int SUGGESTED_RETENTION_DAYS = 730;
    static final String RETENTION_KEY = "attendance_retention_days";
    static final String RETENTION_RUN_KEY = "attendance_retention_last_run";
    private static final int MAX_RETENTION_DAYS = 36_500;
    private static final Instant FAR_FUTURE = Instant.parse("9999-01-01T00:00:00Z");

    private final DerbyAttendanceStore store;
    private final Database db;
    private final byte[] hmacKey;

    /** @param hmacKey the key that signs erasure records (32 random bytes from the secrets folder) */
    public DataSubjectRights(DerbyAttendanceStore store, byte[] hmacKey) {
        this.store = Objects.requireNonNull(store, "store");
        this.db = store.database();
        if (hmacKey == null || hmacKey.length < 16) {
            throw new IllegalArgumentException("the erasure-record key needs at least 16 bytes");
        }
        this.hmacKey = hmacKey.clone();
    }

    /** A person's templates summarised per model: how many and when, never the vectors. */
    public record TemplateSummary(String modelId, int count, Instant firstEnrolled, Instant lastEnrolled) {
    }

    /** Everything the store holds about one person (templates only as counts and dates). */
    public record PersonalData(Employee employee, List<TemplateSummary> templates, List<AttendanceRecord> attendance,
                               List<Correction> corrections) {
    }

    /** The proof left by an erasure: no name, no code, no biometric data. */
    public record ErasureRecord(String receipt, Instant erasedAt, String actor, int templates, int events, String signature) {
    }

    /** Everything stored about {@code code}, read in one transaction; audited as an export. */
    public PersonalData export(String code, String actor) {
        Objects.requireNonNull(code, "code");
        PersonalData rows = db.transaction("export the data of employee '" + code + "'", c -> {
            Employee e = EmployeeSql.require(c, code);
            List<TemplateSummary> templates = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT model_id, COUNT(*) AS n, MIN(created_at) AS first_at, "
                    + "MAX(created_at) AS last_at "
                    + "FROM face_template WHERE employee_id = ? GROUP BY model_id ORDER BY model_id")) {
                ps.setLong(1, e.id());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        templates.add(new TemplateSummary(rs.getString("model_id"), rs.getInt("n"), UtcTime.get(rs, "first_at"),
                                UtcTime.get(rs, "last_at")));
                    }
                }
            }
            List<AttendanceRecord> attendance = AttendanceSql.list(c, Instant.EPOCH, FAR_FUTURE, e.id());
            AuditSql.insert(c, Instant.now(), actor, "personal-data-export", "code " + code);
            return new PersonalData(e, templates, attendance, List.of());
        });
        List<Correction> corrections = new CorrectionStore(store).list(Instant.EPOCH, FAR_FUTURE, code);
        return new PersonalData(rows.employee(), rows.templates(), rows.attendance(), corrections);
    }

    /**
     * Erases the person as {@link DerbyAttendanceStore#deleteEmployee} does and, in the same
     * transaction, leaves a signed {@link ErasureRecord}.
     */
    public ErasureRecord erase(String code, String actor) {
        ErasureRecord[] made = new ErasureRecord[1];
        store.deleteEmployee(code, actor, (c, at, templates, events) -> {
            String receipt = UUID.randomUUID().toString();
            Instant kept = at.truncatedTo(java.time.temporal.ChronoUnit.MICROS); // what every engine stores (UtcTime)
            ErasureRecord r = new ErasureRecord(receipt, kept, actor, templates, events, sign(receipt, kept, actor, templates, events));
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO erasure_record (receipt, erased_at, actor, templates, events, "
                    + "signature) VALUES (?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, r.receipt());
                UtcTime.set(ps, 2, r.erasedAt());
                ps.setString(3, r.actor());
                ps.setInt(4, r.templates());
                ps.setInt(5, r.events());
                ps.setString(6, r.signature());
                ps.executeUpdate();
            }
            made[0] = r;
        });
        return made[0];
    }

    /** Every erasure record, oldest first. */
    public List<ErasureRecord> erasureRecords() {
        return db.transaction("list erasure records", c -> {
            List<ErasureRecord> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT receipt, erased_at, actor, templates, events, signature "
                    + "FROM erasure_record ORDER BY id"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new ErasureRecord(rs.getString(1), UtcTime.get(rs, "erased_at"), rs.getString(3), rs.getInt(4),
                            rs.getInt(5), rs.getString(6).strip()));
                }
            }
            return out;
        });
    }

    /** Whether {@code r}'s signature matches its fields under this key (constant-time comparison). */
    public boolean verify(ErasureRecord r) {
        return MessageDigest.isEqual(sign(r.receipt(), r.erasedAt(), r.actor(), r.templates(), r.events()).getBytes(StandardCharsets.US_ASCII),
                r.signature().getBytes(StandardCharsets.US_ASCII));
    }

    private String sign(String receipt, Instant at, String actor, int templates, int events) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(hmacKey, "HmacSHA256"));
            // Derby keeps microseconds: sign what the table can hold, so a record read back verifies
            String fields = String.join("\n", "faceattend-erasure-v1", receipt, at.truncatedTo(java.time.temporal.ChronoUnit.MICROS).toString(),
                    actor, Integer.toString(templates), Integer.toString(events));
            return HexFormat.of().formatHex(mac.doFinal(fields.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    // ---------------------------------------------------------------- retention

    /** How many days attendance rows are kept; empty when no retention is set (kept for good). */
    public java.util.OptionalInt attendanceRetentionDays() {
        return db.transaction("read the attendance retention", c -> orgSetting(c, RETENTION_KEY)
                .map(v -> java.util.OptionalInt.of(Integer.parseInt(v))).orElse(java.util.OptionalInt.empty()));
    }

    /** Sets how many days attendance rows are kept (audited). */
    public void setAttendanceRetentionDays(int days, String actor) {
        if (days < 1 || days > MAX_RETENTION_DAYS) {
            throw StoreErrors.invalid("the attendance retention must be 1 to " + MAX_RETENTION_DAYS + " days, not " + days,
                    "Give it in days, for example " + SUGGESTED_RETENTION_DAYS + " for two years (check what your labour and tax law require).");
        }
        db.transaction("set the attendance retention", c -> {
            putOrgSetting(c, RETENTION_KEY, Integer.toString(days));
            AuditSql.insert(c, Instant.now(), actor, "set-attendance-retention", days + " days");
            return null;
        });
    }

    /**
     * Deletes attendance rows (and their corrections) older than the retention, at most once per
     * UTC day: callers run it at every start and once a day, cheaply. Audited with the count.
     *
     * @return rows deleted, or -1 when it already ran today or no retention is set
     */
    public int applyRetentionIfDue(Instant now, String actor) {
        String today = LocalDate.ofInstant(now, ZoneOffset.UTC).toString();
        return db.transaction("apply the attendance retention", c -> {
            if (orgSetting(c, RETENTION_RUN_KEY).filter(today::equals).isPresent()) {
                return -1;
            }
            java.util.Optional<String> set = orgSetting(c, RETENTION_KEY);
            if (set.isEmpty()) {
                return -1;
            }
            int days = Integer.parseInt(set.get());
            Instant cutoff = now.minus(Duration.ofDays(days));
            int corrections;
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM attendance_correction WHERE kind = 'ADD' AND event_time < ?")) {
                UtcTime.set(ps, 1, cutoff);
                corrections = ps.executeUpdate();
            }
            int events;
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM attendance_event WHERE event_time < ?")) {
                UtcTime.set(ps, 1, cutoff); // VOID corrections of these rows go with them (ON DELETE CASCADE)
                events = ps.executeUpdate();
            }
            putOrgSetting(c, RETENTION_RUN_KEY, today);
            if (events + corrections > 0) {
                AuditSql.insert(c, now, actor, "attendance-retention", events + " attendance events and " + corrections
                        + " manual passes older than " + days + " days deleted");
            }
            return events + corrections;
        });
    }

    private static java.util.Optional<String> orgSetting(Connection c, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT setting_value FROM org_setting WHERE setting_key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? java.util.Optional.of(rs.getString(1)) : java.util.Optional.empty();
            }
        }
    }

    private static void putOrgSetting(Connection c, String key, String value) throws SQLException {
        try (PreparedStatement del = c.prepareStatement("DELETE FROM org_setting WHERE setting_key = ?");
                PreparedStatement ins = c.prepareStatement("INSERT INTO org_setting (setting_key, setting_value) VALUES (?, ?)")) {
            del.setString(1, key);
            del.executeUpdate();
            ins.setString(1, key);
            ins.setString(2, value);
            ins.executeUpdate();
        }
    }
}
