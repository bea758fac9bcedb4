package com.faceattend.desktop.support;

import java.lang.management.ManagementFactory;
import java.util.logging.Logger;
import org.openide.windows.OnShowing;

/** Start-up: the time to a usable window is logged; then models and native code warm in the background. */
public final class Startup {
    private static final Logger LOG = Logger.getLogger(Startup.class.getName());

    private Startup() {
    }

    /**
     * Runs on the Swing thread once the main window is visible. Only then do the models, the
     * decoder's native code and the database load, in the background: on two cores, loading them
     * while the window system starts would delay the window by seconds.
     */
    @OnShowing
    public static final class WindowShown implements Runnable {
        @Override
        public void run() {
            long ms = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
            LOG.info("FaceAttend main window usable after " + ms + " ms");
            // Opening the database early also finds "locked by another instance" before the user acts.
            Background.run("open the attendance database", SignIn::openStore, store -> { });
            Background.workers().post(() -> Suite.services().warmUp());
            StartupQueue.windowShown();
        }
    }
}
