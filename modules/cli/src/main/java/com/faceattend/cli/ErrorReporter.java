package com.faceattend.cli;

import com.faceattend.reports.ReportException;
import com.faceattend.spi.ImageDecodeException;
import com.faceattend.spi.ProviderException;
import com.faceattend.store.StoreException;
import java.io.PrintWriter;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;

/**
 * Turns any failure into a short message that names the problem and the fix, and an exit code;
 * the stack trace goes to the log file only.
 */
final class ErrorReporter implements CommandLine.IExecutionExceptionHandler {
    private static final Logger LOG = Logger.getLogger(ErrorReporter.class.getName());

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parsed) {
        PrintWriter err = cmd.getErr();
        Failure f = classify(ex);
        LOG.log(f.exitCode == ExitCode.INTERNAL ? Level.SEVERE : Level.INFO, "command failed", ex);
        err.println("error: " + f.problem);
        if (f.fix != null && !f.fix.isBlank()) {
            err.println("  fix: " + f.fix);
        }
        err.flush();
        return f.exitCode;
    }

    record Failure(String problem, String fix, int exitCode) { }

    static Failure classify(Throwable ex) {
        Throwable t = ex;
        while (t != null) {
            if (t instanceof UserFacingException u) {
                return new Failure(u.getMessage(), u.fix(), u.exitCode());
            }
            if (t instanceof ReportException r) {
                return new Failure(r.getMessage(), r.fix(), switch (r.kind()) {
                    case BAD_REQUEST -> ExitCode.USAGE;
                    case NOT_FOUND -> ExitCode.NOT_FOUND;
                    case FILE -> ExitCode.BAD_INPUT;
                    case CANCELLED -> ExitCode.PARTIAL;
                });
            }
            if (t instanceof StoreException s) {
                return new Failure(s.getMessage(), s.fix(), s.fix() != null && (s.getMessage().startsWith("no employee")
                        || s.getMessage().startsWith("no shift") || s.getMessage().startsWith("no attendance event")
                        || s.getMessage().startsWith("no alert"))
                        ? ExitCode.NOT_FOUND : ExitCode.STORE_UNAVAILABLE);
            }
            if (t instanceof ImageDecodeException d) {
                return new Failure(d.getMessage(), d.fix(), ExitCode.BAD_INPUT);
            }
            if (t instanceof ProviderException p) {
                boolean source = p.getMessage() != null && (p.getMessage().contains("camera") || p.getMessage().contains("video")
                        || p.getMessage().contains("stream") || p.getMessage().contains("source"));
                return new Failure(p.getMessage(), p.fix(), source ? ExitCode.SOURCE_ERROR : ExitCode.MODEL_ERROR);
            }
            if (t instanceof OutOfMemoryError) {
                return new Failure("FaceAttend ran out of memory", "close other programs or give Java more memory (FACEATTEND_OPTS=-Xmx4g)", ExitCode.INTERNAL);
            }
            t = t.getCause();
        }
        return new Failure("unexpected internal error (" + ex.getClass().getSimpleName() + ": " + ex.getMessage() + ")",
                "please report it with the log file " + Logging.logFile(), ExitCode.INTERNAL);
    }
}
