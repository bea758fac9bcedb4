package com.faceattend.desktop.reports;

import com.faceattend.desktop.support.Background;
import com.faceattend.desktop.support.Startup;
import com.faceattend.reports.charts.ReportCharts;
import com.faceattend.reports.today.TodayOverview;
import com.faceattend.reports.today.TodayService;
import com.faceattend.store.DerbyAttendanceStore;
import java.time.Clock;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.swing.UIManager;
import org.jfree.chart.JFreeChart;
import org.openide.modules.OnStart;

/**
 * One read of today for the Today window, done off the Swing thread: the numbers, and their chart
 * when the arrivals changed (the first chart loads a few hundred JFreeChart classes; the Swing thread
 * then only wraps it in a panel).
 *
 * @param store    the database it was read from, for the window to follow its employee changes
 * @param overview today's numbers
 * @param chart    arrivals by hour, or null when they are the ones already shown
 * @param readAt   when it was read ({@link System#nanoTime}), so a start-up read is not shown stale
 */
record TodayReading(DerbyAttendanceStore store, TodayOverview overview, JFreeChart chart, long readAt) {
    private static final Logger LOG = Logger.getLogger(TodayReading.class.getName());
    /** The read made while the window system starts; taken once by the Today window's first read. */
    private static final AtomicReference<CompletableFuture<TodayReading>> AT_START = new AtomicReference<>();

    /**
     * @param store         an open database
     * @param shownArrivals the arrivals by hour already on screen, or null when none are
     */
    static TodayReading read(DerbyAttendanceStore store, int[] shownArrivals) {
        TodayOverview today = new TodayService(store, Clock.systemUTC()).today();
        JFreeChart chart = Arrays.equals(shownArrivals, today.arrivalsByHour()) ? null
                : themed(ReportCharts.arrivalsToday(today));
        return new TodayReading(store, today, chart, System.nanoTime());
    }

    /**
     * The start-up read if it is done, fresh and not taken yet: the window then shows it at once
     * instead of queueing behind the other windows the platform opens after the main window shows.
     */
    static TodayReading takeIfDone(long freshForMs) {
        CompletableFuture<TodayReading> f = AT_START.get();
        if (f == null || !f.isDone() || !AT_START.compareAndSet(f, null)) {
            return null;
        }
        return fresh(f.getNow(null), freshForMs);
    }

    /**
     * The start-up read, waited for if it is still running (so the first refresh does not read the
     * same day twice at once), or null when there is none or it is stale. Off the Swing thread only.
     */
    static TodayReading takeWaiting(long freshForMs) {
        CompletableFuture<TodayReading> f = AT_START.getAndSet(null);
        if (f == null) {
            return null;
        }
        try {
            return fresh(f.get(), freshForMs);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException e) {
            return null;
        }
    }

    private static TodayReading fresh(TodayReading r, long freshForMs) {
        return r != null && (System.nanoTime() - r.readAt) / 1_000_000 < freshForMs ? r : null;
    }

    /** The chart in the window's colours, so it is not a white block in the dark look. */
    private static JFreeChart themed(JFreeChart c) {
        java.awt.Color back = UIManager.getColor("Panel.background");
        java.awt.Color text = UIManager.getColor("Label.foreground");
        if (back == null || text == null) {
            return c;
        }
        c.setBackgroundPaint(back);
        c.getTitle().setPaint(text);
        org.jfree.chart.plot.CategoryPlot plot = c.getCategoryPlot();
        plot.setBackgroundPaint(back);
        for (org.jfree.chart.axis.Axis axis : new org.jfree.chart.axis.Axis[] {plot.getDomainAxis(), plot.getRangeAxis()}) {
            axis.setLabelPaint(text);
            axis.setTickLabelPaint(text);
        }
        return c;
    }

    /**
     * Reads today as soon as the database opened during start-up, on the worker that opened it,
     * while the window system is still starting: the Today window then paints its numbers as soon
     * as it shows. A problem here is left to the window's own read, which reports it.
     */
    @OnStart
    public static final class ReadAtStart implements Runnable {
        @Override
        public void run() {
            CompletableFuture<TodayReading> reading = new CompletableFuture<>();
            AT_START.set(reading);
            Startup.databaseOpenedEarly().whenCompleteAsync((store, opening) -> {
                if (store == null) {
                    reading.complete(null);
                    return;
                }
                try {
                    reading.complete(read(store, null));
                } catch (RuntimeException e) {
                    LOG.log(Level.FINE, "today not read during start-up", e);
                    reading.complete(null);
                }
            }, Background.workers());
        }
    }
}
