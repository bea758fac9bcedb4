package com.faceattend.desktop.support;

import java.lang.management.ManagementFactory;
import java.util.logging.Logger;
import org.openide.modules.OnStart;
import org.openide.windows.OnShowing;

/** Start-up: models and native code warm in the background; the time to a usable window is logged. */
public final class Startup {
    private static final Logger LOG = Logger.getLogger(Startup.class.getName());

    private Startup() {
    }

    /** Runs in the background while the window system starts. */
    @OnStart
    public static final class WarmUp implements Runnable {
        @Override
        public void run() {
            Background.workers().post(() -> Suite.services().warmUp());
            // Opening the database early also finds "locked by another instance" before the user acts.
            Background.run("open the attendance database", () -> Suite.services().store(), store -> { });
        }
    }

    /** Runs on the Swing thread once the main window is visible. */
    @OnShowing
    public static final class WindowShown implements Runnable {
        @Override
        public void run() {
            long ms = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
            LOG.info("FaceAttend main window usable after " + ms + " ms");
            StartupQueue.windowShown();
        }
    }
}
