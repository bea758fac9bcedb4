package com.faceattend.reports;

import com.faceattend.store.DerbyAttendanceStore;
import com.faceattend.store.testdb.StoreEngine;
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
    private static final java.util.Map<StoreEngine, AttendanceReport> MARCH = new java.util.EnumMap<>(StoreEngine.class);

    private TestReports() {
    }

    public static DerbyAttendanceStore fixture(Path dir) {
        return ReportFixture.create(dir);
    }

    /**
     * The fixture's March 2026 report (all departments) from embedded Derby, built once per test
     * JVM: the export tests only read it, and building the database is the slow part.
     */
    public static AttendanceReport march() {
        return march(StoreEngine.DERBY_EMBEDDED);
    }

    /** The fixture's March 2026 report built from a database on {@code engine}, once per JVM and engine. */
    public static synchronized AttendanceReport march(StoreEngine engine) {
        AttendanceReport report = MARCH.get(engine);
        if (report == null) {
            try {
                Path dir = Files.createTempDirectory("report-fixture");
                try (StoreEngine.TestDatabase db = engine.fresh(dir)) {
                    try (DerbyAttendanceStore store = ReportFixture.fill(db.open())) {
                        report = new ReportService(store).build(ReportRequest.month(2026, 3, null), null, null);
                    }
                }
                try (Stream<Path> files = Files.walk(dir)) {
                    for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(f);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            MARCH.put(engine, report);
        }
        return report;
    }
}
