package com.faceattend.reports.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a real program from a Debian package (LibreOffice, poppler-utils) the way a person would,
 * failing with the package to install when it is missing ({@code .ci/run} installs both).
 */
final class DebianTool {
    private DebianTool() {
    }

    /**
     * Runs {@code command} in {@code dir} and returns its standard output; fails the test when the
     * program is missing, exits non-zero, or runs longer than {@code timeoutSeconds} (a hang, not a speed limit).
     */
    static String run(String debianPackage, Path dir, long timeoutSeconds, String... command) throws IOException,
            InterruptedException {
        if (!onPath(command[0])) {
            fail(command[0] + " is not installed; fix: apt-get install " + debianPackage
                    + " (.ci/run installs it when missing)");
        }
        List<String> cmd = new ArrayList<>(List.of(command));
        Path log = Files.createTempFile(command[0] + "-", ".err");
        Path out = Files.createTempFile(command[0] + "-", ".out");
        try {
            return run(cmd, dir, timeoutSeconds, out, log);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(log);
        }
    }

    private static String run(List<String> cmd, Path dir, long timeoutSeconds, Path out, Path log) throws IOException,
            InterruptedException {
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectOutput(out.toFile())
                .redirectError(log.toFile()).start();
        boolean finished = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
        if (!finished) {
            p.destroyForcibly();
        }
        assertTrue(finished, String.join(" ", cmd) + " did not finish within " + timeoutSeconds + " s");
        assertEquals(0, p.exitValue(), String.join(" ", cmd) + " failed: " + Files.readString(log));
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
