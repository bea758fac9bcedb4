package com.faceattend.reports.charts;

import com.faceattend.spi.Problem;
import com.faceattend.reports.AttendanceReport;
import com.faceattend.reports.ReportException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes all of a report's charts as PNG files into one folder. */
public final class ChartFiles {
    private ChartFiles() {
    }

    /**
     * Writes hours-per-day.png, lateness-trend.png and arrivals-by-hour.png into {@code dir}
     * (created if missing), {@link ReportCharts#WIDTH} x {@link ReportCharts#HEIGHT} pixels.
     *
     * @return the files written
     */
    public static List<Path> writeAll(AttendanceReport report, Path dir) {
        Path d = dir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(d);
            List<Path> files = List.of(d.resolve("hours-per-day.png"), d.resolve("lateness-trend.png"),
                    d.resolve("arrivals-by-hour.png"));
            ReportCharts.writePng(ReportCharts.hoursPerDay(report), files.get(0), ReportCharts.WIDTH, ReportCharts.HEIGHT);
            ReportCharts.writePng(ReportCharts.latenessTrend(report), files.get(1), ReportCharts.WIDTH, ReportCharts.HEIGHT);
            ReportCharts.writePng(ReportCharts.arrivalsHistogram(report), files.get(2), ReportCharts.WIDTH, ReportCharts.HEIGHT);
            return files;
        } catch (IOException e) {
            throw new ReportException(Problem.Kind.BAD_INPUT, "cannot write the charts into " + d + ": " + e.getMessage(),
                    "Choose a folder you may write to.", e);
        }
    }
}
