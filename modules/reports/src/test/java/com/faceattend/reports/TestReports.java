package com.faceattend.reports;

import com.faceattend.store.DerbyAttendanceStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Gives tests in other packages the {@link ReportFixture} database and its March report. */
public final class TestReports {
    /** An employee name in Cyrillic letters, in the fixture as P2. */
    public static final String NON_LATIN_NAME = ReportFixture.P2_NAME;
    private static AttendanceReport march;

    private TestReports() {
    }

    public static DerbyAttendanceStore fixture(Path dir) {
        return ReportFixture.create(dir);
    }

    /**
     * The fixture's March 2026 report (all departments), built once per test JVM: the export tests
     * only read it, and building the Derby database is the slow part.
     */
    public static synchronized AttendanceReport march() {
        if (march == null) {
            try {
                Path dir = Files.createTempDirectory("report-fixture");
                try (DerbyAttendanceStore store = ReportFixture.create(dir.resolve("db"))) {
                    march = new ReportService(store).build(ReportRequest.month(2026, 3, null), null, null);
                }
                try (Stream<Path> files = Files.walk(dir)) {
                    for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(f);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return march;
    }
}
