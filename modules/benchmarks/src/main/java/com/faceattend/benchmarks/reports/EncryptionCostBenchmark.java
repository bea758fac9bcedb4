package com.faceattend.benchmarks.reports;

import com.faceattend.reports.CancellationToken;
import com.faceattend.reports.ProgressListener;
import com.faceattend.reports.ReportRequest;
import com.faceattend.reports.ReportService;
import com.faceattend.spi.AttendanceEvent;
import com.faceattend.spi.Embedding;
import com.faceattend.store.BootSecret;
import com.faceattend.store.DerbyAttendanceStore;
import com.faceattend.store.TemplateToSave;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * What Derby's encryption at rest (AES-256, {@code dataEncryption=true}) costs: enrolment
 * throughput, attendance event inserts and the report over the year's ~500k passes of
 * {@link ReportBenchmark}, on a plain and an encrypted database side by side in one JVM, rounds
 * interleaved (plain, encrypted, plain, …) so that a busy shared machine slows both alike.
 *
 * <p>Run (from the repository root):
 * <pre>
 * mvn -B -q -pl modules/benchmarks -am package -DskipTests dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -Xmx1g -cp modules/benchmarks/target/classes:$(cat modules/benchmarks/target/cp.txt) \
 *      com.faceattend.benchmarks.reports.EncryptionCostBenchmark [WORK_DIR]
 * </pre>
 * The two 500k-pass databases are generated once into WORK_DIR (default
 * {@code modules/benchmarks/target/encryption-bench}) and reused. Prints each figure's median over
 * the rounds with its range, and the encrypted/plain ratio of the medians.
 */
public final class EncryptionCostBenchmark {
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 5);
    private static final int ENROLMENTS_PER_ROUND = 40;
    private static final int EVENTS_PER_ROUND = 1_000;
    private static final BootSecret SECRET = BootSecret.password("encryption-bench-boot-secret-2a5f", "the benchmark's passphrase");

    private EncryptionCostBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args.length > 0 ? args[0] : "modules/benchmarks/target/encryption-bench").toAbsolutePath();
        Files.createDirectories(work);
        System.out.printf(Locale.ROOT, "java %s, %d cpus, %d rounds interleaved%n", Runtime.version(),
                Runtime.getRuntime().availableProcessors(), ROUNDS);
        writeWorkload(work);
        reportWorkload(work);
    }

    private static void writeWorkload(Path work) throws Exception {
        Path plainDir = work.resolve("write-plain-" + System.nanoTime());
        Path encDir = work.resolve("write-encrypted-" + System.nanoTime());
        double[][] enrol = new double[2][ROUNDS];
        double[][] events = new double[2][ROUNDS];
        try (DerbyAttendanceStore plain = DerbyAttendanceStore.openEmbedded(plainDir);
                DerbyAttendanceStore enc = DerbyAttendanceStore.openEmbedded(encDir, SECRET)) {
            DerbyAttendanceStore[] stores = {plain, enc};
            Random random = new Random(7);
            for (int r = -1; r < ROUNDS; r++) { // round -1 warms up both
                for (int v = 0; v < 2; v++) {
                    double perSecond = enrolments(stores[v], r, random);
                    if (r >= 0) {
                        enrol[v][r] = perSecond;
                    }
                }
                for (int v = 0; v < 2; v++) {
                    double perSecond = eventInserts(stores[v], r);
                    if (r >= 0) {
                        events[v][r] = perSecond;
                    }
                }
            }
        }
        print("enrolments/s (1 employee + 3 templates of 512 floats, one transaction)", enrol);
        print("attendance events/s (one transaction each)", events);
    }

    private static double enrolments(DerbyAttendanceStore store, int round, Random random) {
        long t0 = System.nanoTime();
        for (int i = 0; i < ENROLMENTS_PER_ROUND; i++) {
            List<TemplateToSave> templates = new ArrayList<>();
            for (int k = 0; k < 3; k++) {
                float[] v = new float[512];
                for (int j = 0; j < v.length; j++) {
                    v[j] = (float) random.nextGaussian();
                }
                templates.add(new TemplateToSave(new Embedding("bench@1", v), 0.9f));
            }
            store.enrol("R" + (round + 1) + "-" + i, "Bench Person " + i, "Ops", Instant.parse("2025-01-01T00:00:00Z"), templates, "bench");
        }
        return ENROLMENTS_PER_ROUND / ((System.nanoTime() - t0) / 1e9);
    }

    private static double eventInserts(DerbyAttendanceStore store, int round) {
        String code = "R" + (round + 1) + "-0";
        Instant base = Instant.parse("2025-03-01T08:00:00Z").plusSeconds((round + 1) * 100_000L);
        long t0 = System.nanoTime();
        for (int i = 0; i < EVENTS_PER_ROUND; i++) {
            store.recordAttendance(new AttendanceEvent.PersonRecognized(base.plusSeconds(i * 60L), "gate", code, "bench",
                    i % 2 == 0 ? AttendanceEvent.Direction.IN : AttendanceEvent.Direction.OUT, 0.8f, 0.95f));
        }
        return EVENTS_PER_ROUND / ((System.nanoTime() - t0) / 1e9);
    }

    private static void reportWorkload(Path work) throws Exception {
        Path plainDir = work.resolve("report-plain");
        Path encDir = work.resolve("report-encrypted");
        for (Path db : List.of(plainDir, encDir)) {
            if (!Files.isDirectory(db)) {
                long t0 = System.nanoTime();
                long rows = ReportBenchmark.generate(db, db == encDir ? SECRET : BootSecret.none());
                System.out.printf(Locale.ROOT, "generated %,d passes into %s in %.0f s%n", rows, db.getFileName(), (System.nanoTime() - t0) / 1e9);
            }
        }
        double[][] yearly = new double[2][ROUNDS];
        ReportRequest year = new ReportRequest(LocalDate.of(ReportBenchmark.YEAR, 1, 1), LocalDate.of(ReportBenchmark.YEAR, 12, 31), null);
        // Each round reopens the database, so every page is read and (for the encrypted one) decrypted again,
        // as when a manager runs the report once a month.
        for (int r = -1; r < ROUNDS; r++) {
            for (int v = 0; v < 2; v++) {
                try (DerbyAttendanceStore store = DerbyAttendanceStore.openEmbedded(v == 0 ? plainDir : encDir,
                        v == 0 ? BootSecret.none() : SECRET)) {
                    long t0 = System.nanoTime();
                    new ReportService(store).build(year, ProgressListener.NONE, CancellationToken.none());
                    if (r >= 0) {
                        yearly[v][r] = (System.nanoTime() - t0) / 1e9;
                    }
                }
            }
        }
        print("yearly report over ~500k passes, seconds (database freshly opened)", yearly);
    }

    private static void print(String what, double[][] byVariant) {
        double plain = median(byVariant[0]);
        double enc = median(byVariant[1]);
        System.out.printf(Locale.ROOT, "%s%n  plain     median %9.2f  (range %.2f-%.2f)%n  encrypted median %9.2f  (range %.2f-%.2f)%n"
                        + "  encrypted/plain = %.2f%n", what, plain, min(byVariant[0]), max(byVariant[0]), enc, min(byVariant[1]),
                max(byVariant[1]), enc / plain);
    }

    private static double median(double[] a) {
        double[] s = a.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static double min(double[] a) {
        return Arrays.stream(a).min().orElse(Double.NaN);
    }

    private static double max(double[] a) {
        return Arrays.stream(a).max().orElse(Double.NaN);
    }
}
