package com.faceattend.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Locale;

/** Text and JSON output of commands, and progress for long work (on stderr, so stdout stays parseable). */
final class Console {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Console() {
    }

    static void printJson(PrintWriter out, Object value) {
        try {
            out.println(JSON.writeValueAsString(value));
            out.flush();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How progress is shown: chosen once per run by {@link FaceAttendCli#progressStyle}. */
    enum ProgressStyle {
        /** A bar redrawn in place with carriage returns: only on a terminal. */
        BAR,
        /** A plain line now and then and one at the end: a log file or a pipe keeps readable lines. */
        LINES,
        /** Nothing: {@code --quiet}, or JSON output. */
        OFF
    }

    /** Progress through a known number of items. */
    static final class Progress {
        private static final long BAR_REDRAW_NANOS = 100_000_000L;
        private static final long LINE_EVERY_NANOS = 10_000_000_000L;

        private final PrintWriter err;
        private final String label;
        private final int total;
        private final ProgressStyle style;
        private final long started = System.nanoTime();
        private long lastShown = started;
        private int done;

        Progress(PrintWriter err, String label, int total, ProgressStyle style) {
            this.err = err;
            this.label = label;
            this.total = Math.max(1, total);
            this.style = style;
        }

        void step(String item) {
            done++;
            long now = System.nanoTime();
            boolean last = done >= total;
            switch (style) {
                case OFF -> { }
                case BAR -> {
                    if (now - lastShown >= BAR_REDRAW_NANOS || last) {
                        lastShown = now;
                        drawBar(item, last);
                    }
                }
                case LINES -> {
                    if (now - lastShown >= LINE_EVERY_NANOS || last) {
                        lastShown = now;
                        err.printf(Locale.ROOT, "%s: %d/%d (%d %%)%s%n", label, done, total, 100L * done / total, last ? ", done" : "");
                        err.flush();
                    }
                }
            }
        }

        private void drawBar(String item, boolean last) {
            int width = 30;
            int filled = (int) ((long) width * done / total);
            String shown = item.length() > 30 ? "…" + item.substring(item.length() - 29) : item;
            err.printf("\r%s [%s%s] %d/%d %-30s", label, "#".repeat(filled), ".".repeat(width - filled), done, total, shown);
            if (last) {
                err.println();
            }
            err.flush();
        }
    }
}
