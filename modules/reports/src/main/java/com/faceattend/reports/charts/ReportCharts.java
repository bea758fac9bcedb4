package com.faceattend.reports.charts;

import com.faceattend.reports.AttendanceReport;
import com.faceattend.reports.EmployeeTimesheet;
import com.faceattend.reports.today.TodayOverview;
import com.faceattend.reports.rules.DayRecord;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The report's charts as JFreeChart objects (a Swing UI shows them in a {@code ChartPanel}; the
 * exporters render them to PNG). Builds headless: only AWT graphics, no window.
 *
 * <ul>
 * <li>{@link #hoursPerDay}: total hours worked per date</li>
 * <li>{@link #latenessTrend}: late arrivals per date</li>
 * <li>{@link #arrivalsHistogram}: first check-ins per hour of the day</li>
 * <li>{@link #arrivalsToday}: the same for today only (the Today dashboard)</li>
 * </ul>
 */
public final class ReportCharts {
    /** Default PNG size, pixels. */
    public static final int WIDTH = 900;
    public static final int HEIGHT = 450;

    private static final Color BAR = new Color(0x2F6DB5);
    private static final Color LATE = new Color(0xC8553D);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd MMM");

    private ReportCharts() {
    }

    /** Hours worked per date, all employees in the report together. */
    public static JFreeChart hoursPerDay(AttendanceReport report) {
        int n = report.request().days();
        long[] minutes = new long[n];
        for (EmployeeTimesheet t : report.timesheets()) {
            for (DayRecord d : t.days()) {
                minutes[(int) ChronoUnit.DAYS.between(report.request().from(), d.date())] += d.workedMinutes();
            }
        }
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (int i = 0; i < n; i++) {
            data.addValue(minutes[i] / 60.0, "Hours worked", label(report.request().from().plusDays(i)));
        }
        JFreeChart chart = ChartFactory.createBarChart("Hours worked per day – " + subtitle(report), null, "Hours",
                data, PlotOrientation.VERTICAL, false, true, false);
        styleBars(chart, BAR);
        rotateLabelsIfMany(chart, n);
        return chart;
    }

    /** Late arrivals per date. */
    public static JFreeChart latenessTrend(AttendanceReport report) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (AttendanceReport.LatenessDay d : report.latenessTrend()) {
            data.addValue(d.lateArrivals(), "Late arrivals", label(d.date()));
        }
        JFreeChart chart = ChartFactory.createLineChart("Late arrivals per day – " + subtitle(report), null,
                "Employees late", data, PlotOrientation.VERTICAL, false, true, false);
        CategoryPlot plot = chart.getCategoryPlot();
        style(chart);
        LineAndShapeRenderer r = (LineAndShapeRenderer) plot.getRenderer();
        r.setSeriesPaint(0, LATE);
        r.setSeriesStroke(0, new BasicStroke(2f));
        r.setDefaultShapesVisible(true);
        NumberAxis counts = (NumberAxis) plot.getRangeAxis();
        counts.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        counts.setUpperMargin(0.15); // keep the highest point off the frame
        rotateLabelsIfMany(chart, report.request().days());
        return chart;
    }

    /** How many first check-ins fell into each hour of the day (local time). */
    public static JFreeChart arrivalsHistogram(AttendanceReport report) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (AttendanceReport.HourPresence h : report.presenceByHour()) {
            data.addValue(h.arrivals(), "Arrivals", String.format("%02d", h.hour()));
        }
        JFreeChart chart = ChartFactory.createBarChart("Arrivals by hour of day – " + subtitle(report),
                "Hour (" + report.zone().getId() + ")", "First check-ins", data, PlotOrientation.VERTICAL,
                false, true, false);
        styleBars(chart, BAR);
        ((NumberAxis) chart.getCategoryPlot().getRangeAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        return chart;
    }

    /** Today's first check-ins per hour of the day (local time), for the Today dashboard. */
    public static JFreeChart arrivalsToday(TodayOverview today) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        int[] hours = today.arrivalsByHour();
        for (int h = 0; h < hours.length; h++) {
            data.addValue(hours[h], "Arrivals", String.format("%02d", h));
        }
        // what the bars count is in the title, not on the value axis: a vertical label is drawn rotated,
        // and the first rotated text takes a quarter of a second on the start-up path of the Today window
        JFreeChart chart = ChartFactory.createBarChart("First check-ins by hour – " + today.date(),
                "Hour (" + today.zone().getId() + ")", null, data, PlotOrientation.VERTICAL,
                false, true, false);
        styleBars(chart, BAR);
        ((NumberAxis) chart.getCategoryPlot().getRangeAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        return chart;
    }

    /** Renders {@code chart} as PNG bytes. */
    public static byte[] png(JFreeChart chart, int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        writePng(chart, out, width, height);
        return out.toByteArray();
    }

    /** Writes {@code chart} to a PNG file. */
    public static void writePng(JFreeChart chart, Path file, int width, int height) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            writePng(chart, out, width, height);
        }
    }

    private static void writePng(JFreeChart chart, OutputStream out, int width, int height) {
        try {
            ChartUtils.writeChartAsPNG(out, chart, width, height);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String subtitle(AttendanceReport report) {
        String who = report.request().department() == null ? "all departments" : report.request().department();
        return who + ", " + report.request().from() + " to " + report.request().to();
    }

    private static String label(LocalDate d) {
        return DAY.format(d);
    }

    private static void style(JFreeChart chart) {
        chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        chart.setBackgroundPaint(Color.WHITE);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xD0D0D0));
        plot.setOutlineVisible(false);
    }

    private static void styleBars(JFreeChart chart, Color color) {
        style(chart);
        BarRenderer r = (BarRenderer) chart.getCategoryPlot().getRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setSeriesPaint(0, color);
        r.setItemMargin(0.0);
    }

    private static void rotateLabelsIfMany(JFreeChart chart, int categories) {
        CategoryAxis axis = chart.getCategoryPlot().getDomainAxis();
        if (categories > 14) {
            axis.setCategoryLabelPositions(CategoryLabelPositions.UP_90);
            axis.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 9));
        }
        axis.setCategoryMargin(0.15);
    }
}
