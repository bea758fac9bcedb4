package com.faceattend.cli;

import com.faceattend.spi.Problem;
import com.faceattend.store.PasswordRules;
import com.faceattend.store.StoreLogin;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where the command line gets an account's credentials, first found wins: {@code --credentials
 * FILE} (a properties file with {@code user=} and {@code password=}, refused unless only its owner
 * may read it), the environment ({@code FACEATTEND_USER}, {@code FACEATTEND_PASSWORD}), or a prompt
 * on the terminal without echo ({@code --user NAME} alone, or FACEATTEND_USER alone). None of these:
 * no account, which a database without accounts accepts.
 */
final class CliCredentials {
    static final String USER_ENV = "FACEATTEND_USER";
    static final String PASSWORD_ENV = "FACEATTEND_PASSWORD";
    private static final Set<PosixFilePermission> GROUP_OR_OTHER = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE);

    private CliCredentials() {
    }

    static StoreLogin resolve(String userOption, Path credentialsFile, Map<String, String> env) {
        if (credentialsFile != null) {
            return StoreLogin.fromFile(credentialsFile);
        }
        String user = userOption != null ? userOption : env.get(USER_ENV);
        if (user == null || user.isBlank()) {
            return StoreLogin.none();
        }
        String password = userOption == null ? env.get(PASSWORD_ENV) : null;
        if (password == null) {
            password = prompt("Password for " + user + ": ");
        }
        return StoreLogin.user(user, password);
    }

    /**
     * A new password: from {@code file} (owner-only; its first line), else typed twice at the
     * terminal. Checked against {@link PasswordRules} by the store.
     */
    static String newPassword(Path file, String forUser) {
        if (file != null) {
            try {
                checkPrivate(file, "password file");
                return Files.readAllLines(file).stream().findFirst().orElse("").strip();
            } catch (IOException e) {
                throw new Problem(Problem.Kind.BAD_INPUT, "cannot read the password file " + file + " (" + e.getMessage() + ")",
                        "Check the path and that you may read it.");
            }
        }
        String first = prompt("New password for " + forUser + " (" + PasswordRules.describe() + "): ");
        String again = prompt("The same again: ");
        if (!first.equals(again)) {
            throw new Problem(Problem.Kind.BAD_VALUE, "the two passwords differ", "Type the same password twice.");
        }
        return first;
    }

    private static String prompt(String text) {
        java.io.Console console = System.console();
        if (console == null) {
            throw new Problem(Problem.Kind.BAD_VALUE, "a password is needed but there is no terminal to ask on",
                    "Give it in the environment (" + PASSWORD_ENV + ") or in an owner-only file (--credentials FILE, "
                            + "or --password-file FILE for a new password).");
        }
        char[] typed = console.readPassword("%s", text);
        if (typed == null) {
            throw new Problem(Problem.Kind.CANCELLED, "no password given", "Run the command again and type the password.");
        }
        return new String(typed);
    }

    /** Refuses a secret others may read: it may already be known, and using it would hide that. */
    private static void checkPrivate(Path file, String what) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            var perms = Files.getPosixFilePermissions(file);
            if (perms.stream().anyMatch(GROUP_OR_OTHER::contains)) {
                throw new Problem(Problem.Kind.REFUSED, "the " + what + " " + file + " may be read or changed by other users",
                        "Make it private with `chmod 600 " + file + "` (and change the password if others could read it).");
            }
        }
    }
}
