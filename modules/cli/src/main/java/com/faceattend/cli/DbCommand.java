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

/** {@code faceattend db compact|encrypt|rekey}: database maintenance. */
@Command(name = "db", description = "Database maintenance.",
        subcommands = {DbCommand.Compact.class, DbCommand.Encrypt.class, DbCommand.Rekey.class})
final class DbCommand {
    @ParentCommand
    FaceAttendCli app;

    /** The embedded database of the data folder; these commands work on files, not over the network. */
    Path embeddedDatabase() {
        if (app.dbServer != null) {
            throw new StoreException(Problem.Kind.REFUSED, "this command works on the data folder's own database, not on a network server",
                    "Run it on the server machine, against the server's data folder, with the server stopped.");
        }
        return app.dataDir().resolve("db");
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
}
