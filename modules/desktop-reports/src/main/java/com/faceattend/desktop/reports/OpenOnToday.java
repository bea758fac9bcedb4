package com.faceattend.desktop.reports;

import org.openide.windows.OnShowing;
import org.openide.windows.TopComponent;
import org.openide.windows.WindowManager;

/**
 * The suite opens on the Today window: what an HR person or a guard wants first. Options given on
 * the command line ({@code --show}, {@code --start-station}) run after this and win.
 */
@OnShowing
public final class OpenOnToday implements Runnable {
    @Override
    public void run() {
        TopComponent today = WindowManager.getDefault().findTopComponent(TodayTopComponent.ID);
        if (today != null) {
            today.open();
            today.requestActive();
        }
    }
}
