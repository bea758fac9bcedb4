package com.faceattend.desktop.support;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.openide.util.RequestProcessor;

/**
 * Work asked for on the command line (import a folder, start the station), run one after the
 * other once the main window shows, in a fixed order whatever order the options were parsed in:
 * enrolment first, so a station started in the same launch knows the people just enrolled.
 */
public final class StartupQueue {
    /** Order of startup work. */
    public enum Stage { ENROLMENT, STATION }

    private static final RequestProcessor SERIAL = new RequestProcessor("FaceAttend startup work", 1);
    private static final List<Entry> PENDING = new ArrayList<>();
    private static boolean uiReady;

    private record Entry(Stage stage, Runnable work) { }

    private StartupQueue() {
    }

    /**
     * {@code work} runs on a background thread after the main window shows and after earlier
     * stages. Options arrive before the window system exists (first launch) or while the suite runs
     * (a second launch hands its options to the running one).
     */
    public static synchronized void submit(Stage stage, Runnable work) {
        PENDING.add(new Entry(stage, work));
        if (uiReady) {
            SERIAL.post(StartupQueue::drain, 300);
        }
    }

    /** Called once the main window shows; options parsed earlier start now. */
    static synchronized void windowShown() {
        uiReady = true;
        SERIAL.post(StartupQueue::drain, 300);
    }

    private static void drain() {
        List<Entry> batch;
        synchronized (StartupQueue.class) {
            batch = new ArrayList<>(PENDING);
            PENDING.clear();
        }
        batch.sort(Comparator.comparing(Entry::stage));
        for (Entry e : batch) {
            try {
                e.work().run();
            } catch (RuntimeException ex) {
                Problems.show("run the start-up task", ex);
            }
        }
    }
}
