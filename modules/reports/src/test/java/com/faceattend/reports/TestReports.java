package com.faceattend.reports;

import com.faceattend.store.DerbyAttendanceStore;
import java.nio.file.Path;

/** Gives tests in other packages the {@link ReportFixture} database. */
public final class TestReports {
    private TestReports() {
    }

    public static DerbyAttendanceStore fixture(Path dir) {
        return ReportFixture.create(dir);
    }
}
