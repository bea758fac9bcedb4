package com.faceattend.reports.export;

import com.faceattend.spi.Problem;
import com.faceattend.reports.ReportException;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes an export next to its target and moves it into place only when complete, so a failed or
 * cancelled export never leaves a half-written file (nor clobbers an older good one).
 */
final class OutputFile implements AutoCloseable {
    private final Path target;
    private final Path temp;
    private boolean committed;

    private OutputFile(Path target, Path temp) {
        this.target = target;
        this.temp = temp;
    }

    /** Checks that {@code target} can be written and creates the temporary file beside it. */
    static OutputFile open(Path target, String extension) {
        Path file = checkWritable(target, extension);
        try {
            return new OutputFile(file, Files.createTempFile(file.getParent(), "." + file.getFileName() + "-", ".part"));
        } catch (IOException e) {
            throw failed(file, e);
        }
    }

    /** The absolute target, once it is known that it can be written; else a FILE {@link ReportException}. */
    static Path checkWritable(Path target, String extension) {
        Path file = target.toAbsolutePath().normalize();
        Path dir = file.getParent();
        if (Files.isDirectory(file)) {
            throw new ReportException(Problem.Kind.BAD_INPUT, file + " is a folder, not a file",
                    "Give a file name, e.g. " + file.resolve("attendance" + extension) + ".");
        }
        if (dir == null || !Files.isDirectory(dir)) {
            throw new ReportException(Problem.Kind.BAD_INPUT, "the folder " + dir + " does not exist",
                    "Create the folder first, or choose another place for " + file.getFileName() + ".");
        }
        if (!Files.isWritable(dir) || (Files.exists(file) && !Files.isWritable(file))) {
            throw new ReportException(Problem.Kind.BAD_INPUT, "cannot write " + file + ": permission denied",
                    "Choose a folder you may write to, or close the file if another program has it open.");
        }
        return file;
    }

    Path temp() {
        return temp;
    }

    Path target() {
        return target;
    }

    /** Moves the finished file into place. */
    void commit() {
        try {
            try {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            committed = true;
        } catch (IOException e) {
            throw failed(target, e);
        }
    }

    static ReportException failed(Path file, IOException e) {
        return new ReportException(Problem.Kind.BAD_INPUT, "cannot write " + file + ": " + e.getMessage(),
                "Check free disk space and permissions, and close the file if another program has it open.", e);
    }

    /** Deletes the temporary file unless committed. */
    @Override
    public void close() {
        if (!committed) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // a stray hidden .part file is harmless; the real target was not touched
            }
        }
    }
}
