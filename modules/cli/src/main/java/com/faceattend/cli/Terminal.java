package com.faceattend.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether the process's standard error is a terminal (a person watching), so progress may be drawn
 * in place with carriage returns; when it is redirected to a file, a pipe or a service's journal,
 * such redraws would be garbage there. {@code System.console()} cannot tell: since Java 22 it is
 * never null, and it speaks for standard input and output, not standard error.
 */
final class Terminal {
    private Terminal() {
    }

    static boolean stderrIsTerminal() {
        if ("dumb".equals(System.getenv("TERM"))) {
            return false;
        }
        Path fd = Path.of("/proc/self/fd/2");
        if (Files.exists(fd)) { // Linux: where descriptor 2 points
            try {
                String target = Files.readSymbolicLink(fd).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
            } catch (IOException | UnsupportedOperationException e) {
                return false;
            }
        }
        java.io.Console console = System.console(); // elsewhere: the best Java itself knows
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console); // Java 22+
        } catch (ReflectiveOperationException e) {
            return true; // Java 21: a console exists only on a terminal
        }
    }
}
