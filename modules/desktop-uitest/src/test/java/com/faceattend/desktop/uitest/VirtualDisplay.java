package com.faceattend.desktop.uitest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** A private Xvfb screen for one test. */
final class VirtualDisplay implements AutoCloseable {
    private final Process xvfb;
    final String name;

    private VirtualDisplay(Process xvfb, String name) {
        this.xvfb = xvfb;
        this.name = name;
    }

    static VirtualDisplay start(Path log) throws IOException, InterruptedException {
        for (int n = 70; n < 100; n++) {
            if (Files.exists(Path.of("/tmp/.X11-unix/X" + n)) || Files.exists(Path.of("/tmp/.X" + n + "-lock"))) {
                continue;
            }
            Process p;
            try {
                p = new ProcessBuilder("Xvfb", ":" + n, "-screen", "0", "1280x800x24", "-nolisten", "tcp")
                        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            } catch (IOException e) {
                throw new IllegalStateException("Xvfb is not installed: the desktop UI test needs a virtual screen "
                        + "(apt-get install xvfb; .ci/run installs it)", e);
            }
            for (int i = 0; i < 50 && p.isAlive(); i++) {
                if (Files.exists(Path.of("/tmp/.X11-unix/X" + n))) {
                    return new VirtualDisplay(p, ":" + n);
                }
                Thread.sleep(100);
            }
            p.destroy();
        }
        throw new IllegalStateException("could not start Xvfb on displays :70-:99; see " + log);
    }

    @Override
    public void close() throws InterruptedException {
        xvfb.destroy();
        xvfb.waitFor(10, TimeUnit.SECONDS);
    }
}
