package com.faceattend.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

/** Text and JSON output of commands, and a progress bar for long work (on stderr, so stdout stays parseable). */
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

    /** A one-line progress bar redrawn in place; silent when stderr is not a terminal unless forced. */
    static final class Progress {
        private final PrintWriter err;
        private final String label;
        private final int total;
        private final boolean enabled;
        private long lastDraw;
        private int done;

        Progress(PrintWriter err, String label, int total, boolean quiet) {
            this.err = err;
            this.label = label;
            this.total = Math.max(1, total);
            this.enabled = !quiet;
        }

        void step(String item) {
            done++;
            long now = System.nanoTime();
            if (!enabled || (now - lastDraw < 100_000_000L && done < total)) {
                return;
            }
            lastDraw = now;
            int width = 30;
            int filled = (int) ((long) width * done / total);
            String shown = item.length() > 30 ? "…" + item.substring(item.length() - 29) : item;
            err.printf("\r%s [%s%s] %d/%d %-30s", label, "#".repeat(filled), ".".repeat(width - filled), done, total, shown);
            if (done >= total) {
                err.println();
            }
            err.flush();
        }
    }
}
