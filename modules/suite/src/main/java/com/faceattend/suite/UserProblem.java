package com.faceattend.suite;

import com.faceattend.spi.ProviderException;
import com.faceattend.store.StoreException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/**
 * What went wrong and what to do about it, in words a user can act on. Built from the typed
 * exceptions the engine, store and providers throw; anything else is reported as an internal error
 * pointing at the log, never as a stack trace.
 */
public record UserProblem(String problem, String fix) {

    /** Describes {@code failure} for a dialog or a status line. */
    public static UserProblem of(Throwable failure) {
        Throwable t = failure;
        for (int depth = 0; t != null && depth < 8; depth++, t = t.getCause()) {
            if (t instanceof ProviderException p) {
                return new UserProblem(p.getMessage(), p.fix());
            }
            if (t instanceof StoreException s) {
                return new UserProblem(s.problem(), s.fix());
            }
            if (t instanceof SettingsException s) {
                return new UserProblem(s.getMessage(), s.fix());
            }
            if (t instanceof ActionRefusedException a) {
                return new UserProblem(a.getMessage(), a.fix());
            }
            UserProblem declared = declaredFix(t);
            if (declared != null) {
                return declared;
            }
            if (t instanceof NoSuchFileException e) {
                return new UserProblem("the file " + e.getFile() + " does not exist", "check the path and try again");
            }
            if (t instanceof AccessDeniedException e) {
                return new UserProblem("FaceAttend may not access " + e.getFile(), "check the file's permissions");
            }
            if (t instanceof FileSystemException e && e.getReason() != null && e.getReason().contains("space")) {
                return new UserProblem("the disk is full (" + e.getFile() + ")", "free some disk space and try again");
            }
            if (t instanceof IOException e) {
                return new UserProblem("a file could not be read or written: " + e.getMessage(),
                        "check the path, its permissions and free disk space");
            }
        }
        return new UserProblem("an unexpected error occurred (" + failure.getClass().getSimpleName() + ")",
                "see the log file in " + DataFolder.resolve().resolve("logs") + " and report it to support");
    }

    /**
     * Feature modules (reports, alerts, GPIO…) throw their own exceptions, each with a public
     * {@code String fix()} beside its message; read it without the suite depending on them all.
     */
    private static UserProblem declaredFix(Throwable t) {
        if (!(t instanceof RuntimeException) || t.getMessage() == null) {
            return null;
        }
        try {
            java.lang.reflect.Method fix = t.getClass().getMethod("fix");
            return fix.getReturnType() == String.class && fix.invoke(t) instanceof String f ? new UserProblem(t.getMessage(), f) : null;
        } catch (ReflectiveOperationException | SecurityException e) {
            return null;
        }
    }

    /** One line: "problem. Fix." */
    public String sentence() {
        return capitalise(problem) + ". " + capitalise(fix) + ".";
    }

    private static String capitalise(String s) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        String t = s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
        return Character.toUpperCase(t.charAt(0)) + t.substring(1);
    }
}
