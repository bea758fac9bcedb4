package com.faceattend.fleet.sync;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The FaceAttend version a station reports, from the build (fleet-sync.properties, filtered by Maven). */
public final class FleetVersion {
    private static final String VERSION = read();

    private FleetVersion() {
    }

    public static String current() {
        return VERSION;
    }

    private static String read() {
        try (InputStream in = FleetVersion.class.getResourceAsStream("fleet-sync.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "unknown").strip();
            return v.isEmpty() || v.startsWith("${") ? "unknown" : v;
        } catch (IOException e) {
            return "unknown";
        }
    }
}
