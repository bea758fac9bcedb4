package com.faceattend.cli;

import com.faceattend.spi.Problem;
import com.faceattend.store.PasswordRules;
import com.faceattend.store.StoreRole;
import com.faceattend.store.UserAccount;
import com.faceattend.store.UserAccounts;
import com.faceattend.suite.SuiteServices;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code faceattend users init|add|passwd|disable|list}: accounts, thin over the store's {@link UserAccounts}. */
@Command(name = "users", description = {"User accounts and roles, enforced by the database (Derby authentication and "
        + "SQL authorisation).", "Roles: admin, hr, security, station, auditor. Passwords: at least 10 characters with a letter and a digit or symbol."},
        subcommands = {UsersCommand.Init.class, UsersCommand.Add.class, UsersCommand.Passwd.class,
            UsersCommand.Disable.class, UsersCommand.ListUsers.class})
final class UsersCommand {
    @ParentCommand
    FaceAttendCli app;

    /** Opens the suite and hands the signed-in administrator's account management to {@code work}. */
    static int asAdmin(UsersCommand parent, java.util.function.Consumer<UserAccounts> work) {
        try (SuiteServices ctx = parent.app.openSuite()) {
            work.accept(ctx.store().userAccounts());
            return ExitCode.OK;
        }
    }

    @Command(name = "init", description = {"Switch accounts on: create the first administrator. From then on every command "
            + "and the desktop need an account.", "The database owner's password goes to an owner-only secret file "
            + "(DATA/secrets); keep a backup of it with the database backups."})
    static final class Init implements Callable<Integer> {
        @ParentCommand
        UsersCommand parent;
        @Spec
        CommandSpec spec;
        @Option(names = "--admin", paramLabel = "NAME", defaultValue = "admin", description = "The administrator's account name.")
        String admin;
        @Option(names = "--password-file", paramLabel = "FILE", description = "Read the password from this owner-only file "
                + "instead of asking twice.")
        Path passwordFile;

        @Override
        public Integer call() {
            if (DbCommand.isPostgres(parent.app)) {
                throw new Problem(Problem.Kind.REFUSED, "FaceAttend's own user accounts are a feature of its Derby database; "
                        + "this data folder uses a PostgreSQL server", com.faceattend.store.DerbyAttendanceStore.POSTGRES_ACCOUNTS);
            }
            if (parent.app.usesCentralDatabase()) {
                throw new Problem(Problem.Kind.REFUSED, "accounts are set up on the machine that holds the database, "
                        + "not over the network", "Run `faceattend users init` there (without --db-server).");
            }
            Path db = parent.app.dataDir().resolve("db");
            UserAccounts.initialise(db, com.faceattend.store.StoreKeys.forDatabase(db).forOpening(), admin,
                    CliCredentials.newPassword(passwordFile, admin));
            PrintWriter out = spec.commandLine().getOut();
            out.printf("accounts are on for %s: administrator '%s' created%n", db, admin);
            out.printf("from now on sign in: --user %s, or FACEATTEND_USER/FACEATTEND_PASSWORD, or --credentials FILE%n", admin);
            out.flush();
            return ExitCode.OK;
        }
    }

    @Command(name = "add", description = "Add an account (administrator only).")
    static final class Add implements Callable<Integer> {
        @ParentCommand
        UsersCommand parent;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "NAME", description = "3 to 32 lower-case letters, digits or '_'.")
        String name;
        @Option(names = "--role", required = true, paramLabel = "ROLE", description = "admin, hr, security, station or auditor.")
        String role;
        @Option(names = "--password-file", paramLabel = "FILE", description = "Read the new password from this owner-only file.")
        Path passwordFile;

        @Override
        public Integer call() {
            StoreRole r = StoreRole.parse(role).orElseThrow(() -> new Problem(Problem.Kind.BAD_VALUE,
                    "there is no role '" + role + "'", "Use one of admin, hr, security, station, auditor."));
            String password = CliCredentials.newPassword(passwordFile, name);
            PasswordRules.check(name, password);
            int code = asAdmin(parent, users -> users.add(name, r, password));
            spec.commandLine().getOut().printf("added %s with the role %s (%s)%n", name, r.name(), r.description());
            spec.commandLine().getOut().flush();
            return code;
        }
    }

    @Command(name = "passwd", description = "Set a new password for an account and unlock it (administrator only).")
    static final class Passwd implements Callable<Integer> {
        @ParentCommand
        UsersCommand parent;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "NAME")
        String name;
        @Option(names = "--password-file", paramLabel = "FILE", description = "Read the new password from this owner-only file.")
        Path passwordFile;

        @Override
        public Integer call() {
            String password = CliCredentials.newPassword(passwordFile, name);
            int code = asAdmin(parent, users -> users.setPassword(name, password));
            spec.commandLine().getOut().printf("new password set for %s%n", name);
            spec.commandLine().getOut().flush();
            return code;
        }
    }

    @Command(name = "disable", description = "Disable an account for good (administrator only); its name stays in the audit log.")
    static final class Disable implements Callable<Integer> {
        @ParentCommand
        UsersCommand parent;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        public Integer call() {
            int code = asAdmin(parent, users -> users.disable(name));
            spec.commandLine().getOut().printf("disabled %s%n", name);
            spec.commandLine().getOut().flush();
            return code;
        }
    }

    @Command(name = "list", description = "List the accounts (administrator only).")
    static final class ListUsers implements Callable<Integer> {
        @ParentCommand
        UsersCommand parent;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            int code = asAdmin(parent, users -> {
                out.printf("%-20s %-9s %-9s %s%n", "NAME", "ROLE", "STATE", "LAST SIGN-IN (UTC)");
                for (UserAccount a : users.list()) {
                    String state = a.disabled() ? "disabled"
                            : a.lockedUntil() != null && a.lockedUntil().isAfter(java.time.Instant.now()) ? "locked" : "active";
                    out.printf("%-20s %-9s %-9s %s%n", a.name(), a.role().name().toLowerCase(java.util.Locale.ROOT), state,
                            a.lastLogin() == null ? "never" : a.lastLogin());
                }
            });
            out.flush();
            return code;
        }
    }
}
