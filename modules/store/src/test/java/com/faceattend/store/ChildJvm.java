package com.faceattend.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Starts {@link StoreChild} in its own JVM, for tests that kill it with SIGKILL (kill -9). */
final class ChildJvm {
    private ChildJvm() {
    }

    static Process start(Path log, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-Dderby.stream.error.file=" + log.resolveSibling(log.getFileName() + ".derby.log"),
                "-cp", System.getProperty("java.class.path"), StoreChild.class.getName()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** Waits (up to {@code seconds}) until the child's output contains {@code marker}. */
    static boolean awaitLine(Process p, Path log, String marker, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            if (java.nio.file.Files.exists(log)
                    && java.nio.file.Files.readString(log, StandardCharsets.UTF_8).contains(marker)) {
                return true;
            }
            if (!p.isAlive()) {
                return java.nio.file.Files.readString(log, StandardCharsets.UTF_8).contains(marker);
            }
            Thread.sleep(50);
        }
        return false;
    }

    /** SIGKILL on Linux: no shutdown hooks, no Derby shutdown, like a power cut to the process. */
    static void kill9(Process p) throws InterruptedException {
        p.destroyForcibly();
        p.waitFor(30, TimeUnit.SECONDS);
    }
}
