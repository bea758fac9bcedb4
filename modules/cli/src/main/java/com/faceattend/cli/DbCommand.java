package com.faceattend.cli;

import com.faceattend.spi.Problem;
import com.faceattend.store.StoreEncryption;
import com.faceattend.store.StoreException;
import com.faceattend.store.StoreKeys;
import com.faceattend.suite.SuiteServices;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code faceattend db compact|encrypt|rekey|use}: database maintenance and choice. */
@Command(name = "db", description = "Database maintenance, and which database this data folder uses.",
        subcommands = {DbCommand.Compact.class, DbCommand.Encrypt.class, DbCommand.Rekey.class, DbCommand.Use.class})
final class DbCommand {
    @ParentCommand
    FaceAttendCli app;

    /** The embedded database of the data folder; these commands work on files, not over the network. */
    Path embeddedDatabase() {
        if (isPostgres(app)) {
            throw new StoreException(Problem.Kind.REFUSED, "encryption at rest and re-keying are features of FaceAttend's "
                    + "Derby database, not of the PostgreSQL server this data folder uses",
                    "On PostgreSQL use its own: an encrypted "
                            + "disk or file system for encryption at rest, TLS (hostssl in pg_hba.conf) and pg_dump for backups.");
        }
        if (app.usesCentralDatabase()) {
            throw new StoreException(Problem.Kind.REFUSED, "this command works on the data folder's own database, not on a network server",
                    "Run it on the server machine, against the server's data folder, with the server stopped.");
        }
        return app.dataDir().resolve("db");
    }

    static boolean isPostgres(FaceAttendCli app) {
        String db = app.centralDatabase();
        if (db == null) {
            db = new com.faceattend.suite.SettingsFile(app.dataDir()).databaseUrl().orElse("");
        }
        return db.startsWith("jdbc:postgresql:");
    }

    /**
     * Records a key operation in the audit log. The operation itself is done and stays done, so a
     * store that refuses the entry (accounts on and nobody signed in) gets a warning, not a failure.
     */
    void audit(CommandSpec spec, String action, String detail) {
        try (SuiteServices ctx = app.openSuite()) {
            ctx.store().audit(ctx.store().account().orElse(EnrollCommand.actor()), action, detail);
        } catch (Problem e) {
            spec.commandLine().getErr().println("warning: done, but not recorded in the audit log: " + e.getMessage()
                    + " (sign in with --user or FACEATTEND_USER to have it recorded)");
        }
    }

    @Command(name = "encrypt",
            description = {"Encrypt the data folder's existing plain database in place (AES-256, Derby's own encryption), "
                    + "after a backup by Derby. New data folders are encrypted from the start.",
                "The key goes to a key file apart from the data folder (see README), or comes from $FACEATTEND_DB_PASSPHRASE.",
                "The backup is NOT encrypted: check the encrypted database, then delete the backup or keep it offline."})
    static final class Encrypt implements Callable<Integer> {
        @ParentCommand
        DbCommand parent;
        @Spec
        CommandSpec spec;
        @Option(names = "--backup", paramLabel = "DIR",
                description = "Folder for the backup taken first (default: DATA/db-backup-<date-time>).")
        Path backup;

        @Override
        public Integer call() {
            Path db = parent.embeddedDatabase();
            Path backupDir = backup != null ? backup
                    : db.resolveSibling("db-backup-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
            StoreKeys keys = StoreKeys.forDatabase(db);
            Path saved = StoreEncryption.encrypt(db, keys.forEncrypting(), backupDir);
            var out = spec.commandLine().getOut();
            out.println("database encrypted: " + db);
            out.println("  secret: " + (keys.usesPassphrase() ? "the passphrase in $" + StoreKeys.PASSPHRASE_ENV : "the key file " + keys.keyFile()
                    + " (keep a copy of it somewhere safe: without it the data is lost)"));
            out.println("  unencrypted backup: " + saved + " (delete it, or keep it offline, once FaceAttend runs)");
            parent.audit(spec, "db-encrypt", "encrypted in place; unencrypted backup " + saved);
            return ExitCode.OK;
        }
    }

    @Command(name = "rekey",
            description = {"Rotate the secret of the encrypted database: a new random key file replaces the old one "
                    + "(atomically, after the database accepts it), or, with $FACEATTEND_DB_PASSPHRASE, "
                    + "the passphrase changes to $FACEATTEND_NEW_DB_PASSPHRASE.",
                "Stop stations and windows on this data folder first."})
    static final class Rekey implements Callable<Integer> {
        @ParentCommand
        DbCommand parent;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            String where = StoreKeys.forDatabase(parent.embeddedDatabase()).rotate();
            spec.commandLine().getOut().println("database secret rotated: now " + where);
            parent.audit(spec, "key-rotation", "database secret rotated, now " + where);
            return ExitCode.OK;
        }
    }

    @Command(name = "compact", description = "Rewrite the template and stranger tables and rotate the transaction log, so deleted biometric data is gone from the database files.")
    static final class Compact implements Callable<Integer> {
        @ParentCommand
        DbCommand parent;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (SuiteServices ctx = parent.app.openSuite()) {
                ctx.store().compactBiometricData();
                spec.commandLine().getOut().println("database compacted");
                return ExitCode.OK;
            }
        }
    }

    /**
     * {@code faceattend db use [JDBC_URL | --embedded]}: the settings entry that points this data
     * folder (desktop, {@code faceattend run}, every command) at a central database.
     */
    @Command(name = "use", description = "Use a central database from now on (saved in the data folder's settings; "
            + "the desktop and `faceattend run` follow it), or with --embedded this data folder's own again. "
            + "Without arguments: show which one is used.")
    static final class Use implements Callable<Integer> {
        @ParentCommand
        DbCommand parent;
        @Spec
        CommandSpec spec;
        @picocli.CommandLine.Parameters(arity = "0..1", paramLabel = "JDBC_URL",
                description = "jdbc:postgresql://HOST:PORT/DATABASE or jdbc:derby://HOST:PORT/NAME (no password in it).")
        String url;
        @Option(names = "--embedded", description = "Forget the central database: use the data folder's own again.")
        boolean embedded;

        @Override
        public Integer call() throws java.io.IOException {
            var settings = new com.faceattend.suite.SettingsFile(parent.app.dataDir());
            var out = spec.commandLine().getOut();
            if (url == null && !embedded) {
                out.println(settings.databaseUrl().map(u -> "central database: " + u)
                        .orElse("this data folder's own database: " + parent.app.dataDir().resolve("db")));
                return ExitCode.OK;
            }
            if (url != null && embedded) {
                throw new Problem(Problem.Kind.BAD_VALUE, "a URL and --embedded contradict each other", "Give one of them.");
            }
            if (url != null) {
                // open it once: a typo or a server that refuses is reported now, not at the next station start
                parent.app.db = url;
                try (SuiteServices ctx = parent.app.openSuite()) {
                    ctx.store().describeLocation();
                }
            }
            settings.saveDatabaseUrl(embedded ? null : url);
            out.println(embedded ? "this data folder's own database is used again"
                    : "central database saved: " + url + " (schema up to date)");
            return ExitCode.OK;
        }
    }
}
