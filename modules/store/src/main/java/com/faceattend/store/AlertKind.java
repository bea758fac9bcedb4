package com.faceattend.store;

/** What an alert is about. */
public enum AlertKind {
    /** A face that matched no employee was tracked long enough: one alert per visit. */
    STRANGER,
    /** A face resembling an employee failed the liveness check (photo, screen, mask). */
    SPOOF
}
