package com.faceattend.cli;

import com.faceattend.spi.Problem;
import java.io.PrintWriter;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;

/**
 * Turns any failure into a short message that names the problem and the fix, and the exit code
 * of its {@link Problem.Kind}; the stack trace goes to the log file only.
 */
final class ErrorReporter implements CommandLine.IExecutionExceptionHandler {
    private static final Logger LOG = Logger.getLogger(ErrorReporter.class.getName());

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parsed) {
        return report(ex, cmd.getErr());
    }

    /** Prints {@code failure} as "error:"/"fix:" lines on {@code err}; returns its exit code. */
    static int report(Throwable failure, PrintWriter err) {
        Problem p = Problem.of(failure);
        int exitCode = ExitCode.of(p.kind());
        try {
            LOG.log(p.kind() == Problem.Kind.INTERNAL ? Level.SEVERE : Level.FINE, "command failed", failure);
        } catch (RuntimeException | OutOfMemoryError logFailed) {
            // the message below still reaches the user
        }
        err.println("error: " + p.problem());
        String fix = p.kind() == Problem.Kind.INTERNAL && !(failure instanceof OutOfMemoryError)
                ? p.fix() + " (" + Logging.logFile() + ")" : p.fix();
        if (!fix.isBlank()) {
            err.println("  fix: " + fix);
        }
        err.flush();
        return exitCode;
    }
}
