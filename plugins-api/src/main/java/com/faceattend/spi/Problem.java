package com.faceattend.spi;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.Objects;

/**
 * Something FaceAttend cannot do, told so that a person can act on it: {@link #problem()} names
 * what is wrong, {@link #fix()} what to do, and {@link #kind()} lets each front end decide once how
 * to present it (the command line picks its exit code, the desktop its dialog). Every module
 * (store, engine, providers, reports, front ends) throws this type or a subclass of it, never a
 * look-alike of its own.
 *
 * <p>Fix texts must suit every front end: they say what to do ("check the employee code"), not
 * which command or menu to use; a front end may add its own hint.
 *
 * <pre>{@code
 * throw new Problem(Problem.Kind.NOT_FOUND, "no employee with code 'E7'", "check the code in the employee list");
 * }</pre>
 *
 * @since 0.3
 */
public class Problem extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What sort of failure it is; front ends map kinds to exit codes and dialog icons. */
    public enum Kind {
        /** A value given by the user (option, setting, argument) is not acceptable. */
        BAD_VALUE,
        /** An input file or image is unusable (missing, corrupt, no face where one is needed). */
        BAD_INPUT,
        /** A named thing (employee, shift, event, alert, provider) does not exist. */
        NOT_FOUND,
        /** FaceAttend will not do this (no consent recorded, already done, would break a rule). */
        REFUSED,
        /** The database cannot be opened or written. */
        STORE_UNAVAILABLE,
        /** A model or provider cannot be loaded or run. */
        MODEL_UNAVAILABLE,
        /** A camera, video file or stream cannot be opened or was lost for good. */
        SOURCE_UNAVAILABLE,
        /** The user stopped it; nothing was written. */
        CANCELLED,
        /** A bug or an unexpected condition; the log has the details. */
        INTERNAL
    }

    private final Kind kind;
    private final String fix;

    public Problem(Kind kind, String problem, String fix) {
        this(kind, problem, fix, null);
    }

    public Problem(Kind kind, String problem, String fix, Throwable cause) {
        super(Objects.requireNonNull(problem, "problem"), cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.fix = fix == null ? "" : fix;
    }

    public Kind kind() {
        return kind;
    }

    /** What is wrong, one sentence (same as {@link #getMessage()}). */
    public String problem() {
        return getMessage();
    }

    /** What the user can do about it, one or two sentences. */
    public String fix() {
        return fix;
    }

    /** One line: "Problem. Fix." */
    public String sentence() {
        return capitalise(problem()) + ". " + capitalise(fix) + ".";
    }

    /**
     * The {@code Problem} in {@code failure}'s cause chain, or one describing a file-system failure
     * found there, or else an {@link Kind#INTERNAL} problem. Never returns null.
     */
    public static Problem of(Throwable failure) {
        Throwable t = failure;
        for (int depth = 0; t != null && depth < 16; depth++, t = t.getCause()) {
            if (t instanceof Problem p) {
                return p;
            }
            if (t instanceof NoSuchFileException e) {
                return new Problem(Kind.BAD_INPUT, "the file " + e.getFile() + " does not exist", "check the path and try again", failure);
            }
            if (t instanceof AccessDeniedException e) {
                return new Problem(Kind.BAD_INPUT, "FaceAttend may not access " + e.getFile(), "check the file's permissions", failure);
            }
            if (t instanceof FileSystemException e && e.getReason() != null && e.getReason().contains("space")) {
                return new Problem(Kind.BAD_INPUT, "the disk is full (" + e.getFile() + ")", "free some disk space and try again", failure);
            }
            if (t instanceof IOException e) {
                return new Problem(Kind.BAD_INPUT, "a file could not be read or written: " + e.getMessage(),
                        "check the path, its permissions and free disk space", failure);
            }
            if (t instanceof OutOfMemoryError) {
                return new Problem(Kind.INTERNAL, "FaceAttend ran out of memory",
                        "close other programs, or give Java more memory (for example -Xmx4g)", failure);
            }
        }
        return new Problem(Kind.INTERNAL, "an unexpected error occurred (" + failure.getClass().getSimpleName()
                + (failure.getMessage() == null ? "" : ": " + failure.getMessage()) + ")",
                "report it to support with the log file", failure);
    }

    private static String capitalise(String s) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        String t = s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
        return Character.toUpperCase(t.charAt(0)) + t.substring(1);
    }
}
