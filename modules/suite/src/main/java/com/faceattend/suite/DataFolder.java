package com.faceattend.suite;

import java.nio.file.Path;

/**
 * Where FaceAttend keeps its database, settings and logs on this machine. The same rule for the
 * desktop suite and the CLI, so both see the same employees.
 */
public final class DataFolder {
    /** System property that overrides the data folder (the desktop launcher passes it with -J-D…). */
    public static final String PROPERTY = "faceattend.home";
    /** Environment variable that overrides the data folder. */
    public static final String ENVIRONMENT = "FACEATTEND_HOME";

    private DataFolder() {
    }

    /** {@value #PROPERTY}, else ${@value #ENVIRONMENT}, else {@code ~/.faceattend}. */
    public static Path resolve() {
        String property = System.getProperty(PROPERTY);
        if (property != null && !property.isBlank()) {
            return Path.of(property).toAbsolutePath().normalize();
        }
        String env = System.getenv(ENVIRONMENT);
        if (env != null && !env.isBlank()) {
            return Path.of(env).toAbsolutePath().normalize();
        }
        return Path.of(System.getProperty("user.home"), ".faceattend");
    }
}
