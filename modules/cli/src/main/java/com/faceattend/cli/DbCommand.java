package com.faceattend.cli;

import com.faceattend.suite.SuiteServices;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code faceattend db compact}: database maintenance. */
@Command(name = "db", description = "Database maintenance.", subcommands = DbCommand.Compact.class)
final class DbCommand {
    @ParentCommand
    FaceAttendCli app;

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
