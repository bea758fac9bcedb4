package com.faceattend.cli;

import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code faceattend}: the headless FaceAttend suite. */
@Command(name = "faceattend", mixinStandardHelpOptions = true, versionProvider = FaceAttendCli.Version.class,
        description = "Offline face attendance: enrol employees, identify faces, run a camera station, evaluate and benchmark.",
        subcommands = {EnrollCommand.class, IdentifyCommand.class, VerifyCommand.class, RunCommand.class,
            EmployeesCommand.class, EventsCommand.class, EvalCommand.class, BenchCommand.class, ModelsCommand.class,
            DbCommand.class,
            ReportCommand.class, ScheduleCommand.class, HolidayCommand.class, AttendanceCommand.class,
            AlertsCommand.class,
            CommandLine.HelpCommand.class},
        footerHeading = "%nExit codes:%n",
        footer = {"  0 done (verify: same person)   1 done, some inputs rejected   2 usage error",
            "  3 unusable input file   4 not found   5 database unavailable   6 model error",
            "  7 video source error   10 verify: different person   70 internal error (see log)"})
public final class FaceAttendCli {

    @Option(names = "--data", paramLabel = "DIR",
            description = "Data folder: database, logs (default: $FACEATTEND_HOME or ~/.faceattend).")
    Path dataDir;

    @Option(names = "--db-server", paramLabel = "HOST[:PORT]",
            description = "Use a Derby network server (several stations) instead of the embedded database.")
    String dbServer;

    @Option(names = "--verbose", description = "Log more detail to the log file.")
    boolean verbose;

    Path dataDir() {
        if (dataDir != null) {
            return dataDir.toAbsolutePath();
        }
        return com.faceattend.suite.DataFolder.resolve(); // the same rule as the desktop suite
    }

    AppContext openContext() {
        Logging.configure(dataDir(), verbose);
        return new AppContext(dataDir(), dbServer);
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs a command line and returns its exit code (tests call this). */
    public static int execute(String... args) {
        return execute(new java.io.PrintWriter(System.out, true), new java.io.PrintWriter(System.err, true), args);
    }

    /** Runs a command line with its output going to {@code out} and {@code err}. */
    public static int execute(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new FaceAttendCli());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler(new ErrorReporter());
        cli.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println("error: " + ex.getMessage());
            ex.getCommandLine().getErr().println("  fix: see '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'");
            return ExitCode.USAGE;
        });
        return cli.execute(args);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = FaceAttendCli.class.getPackage().getImplementationVersion();
            return new String[] {"FaceAttend " + (v == null ? "development build" : v)};
        }
    }
}
