package com.faceattend.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.FileHandler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * All logging goes through java.util.logging into {@code <data>/logs/faceattend.log} (rotated);
 * the console shows only what a command prints itself.
 */
final class Logging {
    private static Path logFile = Path.of("faceattend.log");

    private Logging() {
    }

    static void configure(Path dataDir, boolean verbose) {
        Logger root = Logger.getLogger("");
        for (var h : root.getHandlers()) {
            root.removeHandler(h);
        }
        root.setLevel(verbose ? Level.FINE : Level.INFO);
        try {
            Path dir = dataDir.resolve("logs");
            Files.createDirectories(dir);
            logFile = dir.resolve("faceattend.log");
            FileHandler file = new FileHandler(dir.resolve("faceattend%g.log").toString(), 5_000_000, 3, true);
            file.setFormatter(new SimpleFormatter());
            root.addHandler(file);
            logFile = dir.resolve("faceattend0.log");
        } catch (IOException | RuntimeException e) {
            // Logging must never stop the command; say so once.
            System.err.println("warning: cannot write the log in " + dataDir + "/logs (" + e.getMessage() + ")");
        }
    }

    static Path logFile() {
        return logFile;
    }
}
