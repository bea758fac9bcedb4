package com.faceattend.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.faceattend.store.DerbyAttendanceStore;
import com.faceattend.store.ScheduleStore;
import com.faceattend.store.testdb.StoreEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.Locale;
import java.util.TimeZone;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The report over half a million passes on embedded Derby and on PostgreSQL: the same streaming
 * read (a forward-only cursor, never a list of all rows) must give the worked minutes the generator
 * put in, on both engines. {@value #EMPLOYEES} employees pass IN and OUT every day of
 * {@value #DAYS} days; employee e arrives at 08:00 + (e mod 7) min and leaves at 16:30 + (e mod 11)
 * min (UTC), so each of their days is worth 510 + e mod 11 − e mod 7 minutes. The rows go in by
 * the engines' bulk loaders (the store has no bulk import; a station writes one pass per transaction).
 */
class LargeReportOnEveryEngineTest {
    static final int EMPLOYEES = 1_000;
    static final int DAYS = 250;
    static final LocalDate FIRST = LocalDate.of(2025, 1, 1);

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = StoreEngine.class, names = {"DERBY_EMBEDDED", "POSTGRESQL"})
    void reportOverHalfAMillionPasses(StoreEngine engine) throws Exception {
        try (StoreEngine.TestDatabase db = engine.fresh(tmp); DerbyAttendanceStore store = db.open()) {
            new ScheduleStore(store).setOrganisationZone(ZoneId.of("UTC"), "test");
            long station = store.ensureStation("main door");
            long t0 = System.nanoTime();
            long rows = insert(db, station, tmp);
            double loadSeconds = (System.nanoTime() - t0) / 1e9;
            assertEquals(2L * EMPLOYEES * DAYS, rows);
            assertEquals(rows, store.countAttendance());

            ReportRequest request = new ReportRequest(FIRST, FIRST.plusDays(DAYS - 1), null);
            t0 = System.nanoTime();
            AttendanceReport report = new ReportService(store).build(request, ProgressListener.NONE, CancellationToken.none());
            double reportSeconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "%s: %,d passes loaded in %.1f s; report over them in %.1f s%n",
                    engine, rows, loadSeconds, reportSeconds);

            assertEquals(EMPLOYEES, report.timesheets().size());
            long expectedTotal = 0;
            for (EmployeeTimesheet t : report.timesheets()) {
                int e = Integer.parseInt(t.employee().code().substring(1));
                int perDay = 510 + e % 11 - e % 7;
                assertEquals(DAYS * perDay, t.workedMinutes(), t.employee().code());
                assertEquals(DAYS, t.daysAttended(), t.employee().code());
                expectedTotal += (long) DAYS * perDay;
            }
            assertEquals(expectedTotal, report.workedMinutes());
        }
    }

    /** Employees by a JDBC batch, their passes by the engine's bulk loader (Derby's import, PostgreSQL's COPY). */
    private static long insert(StoreEngine.TestDatabase db, long station, Path scratch) throws Exception {
        Calendar utc = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        long rows = 0;
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            long[] ids = new long[EMPLOYEES];
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO employee (code, name, department, "
                    + "consent_recorded_at, active, created_at) VALUES (?, ?, ?, ?, TRUE, ?)")) {
                for (int e = 0; e < EMPLOYEES; e++) {
                    ps.setString(1, String.format(Locale.ROOT, "E%04d", e));
                    ps.setString(2, "Employee " + e);
                    ps.setString(3, "Dept " + e % 10);
                    Timestamp hired = Timestamp.from(FIRST.minusDays(30).atStartOfDay().toInstant(ZoneOffset.UTC));
                    ps.setTimestamp(4, hired, utc);
                    ps.setTimestamp(5, hired, utc);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT id, code FROM employee");
                 var rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids[Integer.parseInt(rs.getString(2).substring(1))] = rs.getLong(1);
                }
            }
            c.commit();
            // the engines' own bulk loaders (a JDBC batch of 500k single-row inserts takes minutes on a small machine)
            Path csv = Files.createTempFile(scratch, "passes", ".csv");
            try (var w = Files.newBufferedWriter(csv)) {
                for (int d = 0; d < DAYS; d++) {
                    LocalDate day = FIRST.plusDays(d);
                    for (int e = 0; e < EMPLOYEES; e++) {
                        rows += line(w, ids[e], station, day.atTime(8, e % 7), "IN");
                        rows += line(w, ids[e], station, day.atTime(16, 30 + e % 11), "OUT");
                    }
                }
            }
            String columns = "employee_id, station_id, event_time, direction, similarity, live_score, source";
            if (c.isWrapperFor(org.postgresql.PGConnection.class)) {
                try (var in = Files.newBufferedReader(csv)) {
                    c.unwrap(org.postgresql.PGConnection.class).getCopyAPI()
                            .copyIn("COPY attendance_event (" + columns + ") FROM STDIN WITH (FORMAT csv)", in);
                }
            } else {
                try (var ps = c.prepareCall("CALL SYSCS_UTIL.SYSCS_IMPORT_DATA(NULL, 'ATTENDANCE_EVENT', ?, NULL, ?, NULL, NULL, NULL, 0)")) {
                    ps.setString(1, columns.toUpperCase(Locale.ROOT).replace(" ", ""));
                    ps.setString(2, csv.toString());
                    ps.execute();
                }
            }
            c.commit();
            Files.delete(csv);
        }
        return rows;
    }

    /** One pass as a CSV line; times are UTC wall-clock, as the store keeps them. */
    private static int line(java.io.Writer w, long employee, long station, LocalDateTime utcTime, String direction)
            throws java.io.IOException {
        w.write(employee + "," + station + "," + utcTime.toLocalDate() + " " + utcTime.toLocalTime() + ":00," + direction
                + ",0.8,0.97,camera\n");
        return 1;
    }
}
