package com.faceattend.alerts;

/**
 * Told of every new alert once it is stored (the desktop Alerts panel plays a sound and adds a row).
 * Called on the station's thread: return quickly, hand UI work to the UI thread.
 */
@FunctionalInterface
public interface AlertListener {
    void onAlert(Alert alert);
}
