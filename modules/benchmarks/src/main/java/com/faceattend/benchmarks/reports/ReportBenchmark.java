package com.faceattend.benchmarks.reports;

import com.faceattend.reports.AttendanceReport;
import com.faceattend.reports.CancellationToken;
import com.faceattend.reports.ProgressListener;
import com.faceattend.reports.ReportRequest;
import com.faceattend.reports.ReportService;
import com.faceattend.reports.export.CsvExporter;
import com.faceattend.reports.export.XlsxExporter;
import com.faceattend.store.BootSecret;
import com.faceattend.store.DerbyAttendanceStore;
import com.faceattend.store.ScheduleStore;
import com.faceattend.store.WorkShift;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Calendar;
import java.util.EnumSet;
import java.util.GregorianCalendar;
import java.util.Locale;
import java.util.Random;
import java.util.TimeZone;
import java.util.function.Supplier;

/**
 * Times the monthly report and its exports on a realistic database: {@value #EMPLOYEES} employees
 * in 10 departments (one on a night shift) over one year, about half a million passes, generated
 * once into {@code target/report-bench-db} (reused on later runs).
 *
 * <p>Run (from the repository root):
 * <pre>
 * mvn -B -q -pl modules/benchmarks -am package -DskipTests dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -Xmx512m -Djava.awt.headless=true -cp modules/benchmarks/target/classes:$(cat modules/benchmarks/target/cp.txt) \
 *      com.faceattend.benchmarks.reports.ReportBenchmark [DB_DIR]
 * </pre>
 * {@code -Dbench.monthOnly=true} skips the yearly report and export.
 * Prints the wall and CPU time of each step and the peak heap it used (all heap pools' peaks after a reset).
 */
public final class ReportBenchmark {
    static final int EMPLOYEES = 1_000;
    static final int YEAR = 2025;
    static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    private ReportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path db = Path.of(args.length > 0 ? args[0] : "modules/benchmarks/target/report-bench-db").toAbsolutePath();
        Path out = db.resolveSibling("report-bench-out");
        Files.createDirectories(out);
        if (!Files.isDirectory(db)) {
            long t0 = System.nanoTime();
            long rows = generate(db);
            System.out.printf(Locale.ROOT, "generated %,d passes of %,d employees in %.1f s%n", rows, EMPLOYEES,
                    (System.nanoTime() - t0) / 1e9);
        }
        System.out.printf(Locale.ROOT, "java %s, %d cpus, max heap %d MiB%n", Runtime.version(),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        try (DerbyAttendanceStore store = DerbyAttendanceStore.openEmbedded(db)) {
            System.out.printf(Locale.ROOT, "database: %,d passes%n", store.countAttendance());
            ReportService service = new ReportService(store);
            ReportRequest march = ReportRequest.month(YEAR, 3, null);
            time("monthly report (first, cold)", () -> service.build(march, ProgressListener.NONE, CancellationToken.none()));
            AttendanceReport report = null;
            for (int i = 0; i < 3; i++) {
                report = time("monthly report (repeat " + (i + 1) + ")",
                        () -> service.build(march, ProgressListener.NONE, CancellationToken.none()));
            }
            AttendanceReport month = report;
            System.out.printf(Locale.ROOT, "  %d employees, %,d employee-days, %.1f h worked%n", month.timesheets().size(),
                    (long) month.timesheets().size() * march.days(), month.workedMinutes() / 60.0);
            time("monthly xlsx export", () -> {
                XlsxExporter.export(month, out.resolve("march.xlsx"), ProgressListener.NONE, CancellationToken.none());
                return null;
            });
            time("monthly xlsx export (repeat)", () -> {
                XlsxExporter.export(month, out.resolve("march.xlsx"), ProgressListener.NONE, CancellationToken.none());
                return null;
            });
            time("monthly csv export", () -> {
                CsvExporter.export(month, out.resolve("march.csv"), ProgressListener.NONE, CancellationToken.none());
                return null;
            });
            System.out.printf(Locale.ROOT, "  march.xlsx %,d KiB%n", Files.size(out.resolve("march.xlsx")) >> 10);
            if (Boolean.getBoolean("bench.monthOnly")) {
                return;
            }
            ReportRequest year = new ReportRequest(LocalDate.of(YEAR, 1, 1), LocalDate.of(YEAR, 12, 31), null);
            AttendanceReport whole = time("yearly report", () -> service.build(year, ProgressListener.NONE, CancellationToken.none()));
            time("yearly xlsx export (" + whole.timesheets().size() * year.days() + " timesheet rows)", () -> {
                XlsxExporter.export(whole, out.resolve("year.xlsx"), ProgressListener.NONE, CancellationToken.none());
                return null;
            });
            System.out.printf(Locale.ROOT, "  year.xlsx %,d KiB%n", Files.size(out.resolve("year.xlsx")) >> 10);
        }
    }

    private static <T> T time(String what, Supplier<T> work) {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        long t0 = System.nanoTime();
        long cpu0 = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        T result = work.get();
        double s = (System.nanoTime() - t0) / 1e9;
        double cpu = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu0) / 1e9;
        long peak = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        // on a shared machine the wall time includes waiting for a core; the thread's CPU time does not
        System.out.printf(Locale.ROOT, "%-58s %7.2f s wall %7.2f s cpu   peak heap %4d MiB%n", what, s, cpu, peak >> 20);
        return result;
    }

    private static long generate(Path db) throws SQLException {
        return generate(db, BootSecret.none());
    }

    /**
     * Employees, shifts and holidays through the store; the year's passes by JDBC batches (the store
     * has no bulk import), while the store keeps the database booted with its {@code secret}.
     */
    static long generate(Path db, BootSecret secret) throws SQLException {
        long station;
        long[] ids;
        try (DerbyAttendanceStore store = DerbyAttendanceStore.openEmbedded(db, secret)) {
            Instant consent = Instant.parse("2024-12-01T00:00:00Z");
            for (int i = 0; i < EMPLOYEES; i++) {
                store.addEmployee(String.format("E%04d", i), "Employee " + i, "Dept " + (i % 10), consent);
            }
            ids = store.listEmployees(true).stream().mapToLong(e -> e.id()).toArray(); // ordered by code
            station = store.ensureStation("bench door");
            ScheduleStore s = new ScheduleStore(store);
            s.setOrganisationZone(ZONE, "bench");
            s.saveShift(new WorkShift("day", LocalTime.of(9, 0), LocalTime.of(17, 0), 5,
                    EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY)), "bench");
            s.saveShift(new WorkShift("night", LocalTime.of(22, 0), LocalTime.of(6, 0), 5,
                    EnumSet.of(DayOfWeek.SUNDAY, DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
                            DayOfWeek.THURSDAY)), "bench");
            for (int d = 0; d < 10; d++) {
                s.assignToDepartment(d == 9 ? "night" : "day", "Dept " + d, LocalDate.of(YEAR - 1, 12, 1), "bench");
            }
            for (String h : new String[] {"01-01", "04-18", "04-21", "05-01", "05-29", "06-09", "10-03", "12-25", "12-26"}) {
                s.addHoliday(LocalDate.parse(YEAR + "-" + h), "Holiday " + h, "bench");
            }
            return insertPasses(db, ids, station);
        }
    }

    private static long insertPasses(Path db, long[] ids, long station) throws SQLException {
        String url = "jdbc:derby:" + db; // booted by the open store, so no boot secret is needed here
        Calendar utc = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        Random random = new Random(42);
        long rows = 0;
        try (Connection c = DriverManager.getConnection(url)) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO attendance_event (employee_id, station_id, "
                    + "event_time, direction, similarity, live_score, source) VALUES (?, ?, ?, ?, ?, ?, 'camera')")) {
                // day by day, as stations record them, so a month's rows sit together on disk as in real use
                for (LocalDate d = LocalDate.of(YEAR, 1, 1); d.getYear() == YEAR; d = d.plusDays(1)) {
                    DayOfWeek dow = d.getDayOfWeek();
                    for (int e = 0; e < EMPLOYEES; e++) {
                        boolean night = e % 10 == 9;
                        boolean works = night ? dow != DayOfWeek.FRIDAY && dow != DayOfWeek.SATURDAY : dow.getValue() <= 5;
                        if (!works || random.nextDouble() < 0.06) {
                            continue; // day off, or absent / on leave
                        }
                        Instant in = d.atTime(night ? LocalTime.of(22, 0) : LocalTime.of(9, 0)).atZone(ZONE).toInstant()
                                .plusSeconds((long) ((random.nextGaussian() * 6 - 4) * 60));
                        Instant out = in.plusSeconds(8 * 3600 + (long) ((random.nextGaussian() * 12 + 10) * 60));
                        rows += add(ps, ids[e], station, in, "IN", utc);
                        if (random.nextDouble() >= 0.01) { // 1 % forget to check out
                            rows += add(ps, ids[e], station, out, "OUT", utc);
                        }
                    }
                    ps.executeBatch();
                    c.commit();
                }
            }
        }
        return rows; // the store's close shuts the database down
    }

    private static int add(PreparedStatement ps, long employee, long station, Instant t, String direction, Calendar utc)
            throws SQLException {
        ps.setLong(1, employee);
        ps.setLong(2, station);
        ps.setTimestamp(3, Timestamp.from(t), (Calendar) utc.clone());
        ps.setString(4, direction);
        ps.setFloat(5, 0.7f);
        ps.setFloat(6, 0.95f);
        ps.addBatch();
        return 1;
    }
}
