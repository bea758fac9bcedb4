package com.faceattend.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The name of this PC or station, recorded with every audit entry ("from which station"). Read from
 * the system property {@code faceattend.station}, else the host name as the operating system keeps
 * it; no DNS lookup, which can hang for seconds on a machine without network.
 */
final class Workstation {
    static final String NAME = resolve();

    private Workstation() {
    }

    private static String resolve() {
        String configured = System.getProperty("faceattend.station");
        if (configured != null && !configured.isBlank()) {
            return configured.strip();
        }
        for (String env : new String[] {"HOSTNAME", "COMPUTERNAME"}) {
            String v = System.getenv(env);
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        try {
            String name = Files.readString(Path.of("/etc/hostname")).strip();
            if (!name.isEmpty()) {
                return name;
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or not readable: fall through
        }
        return "unknown";
    }
}
