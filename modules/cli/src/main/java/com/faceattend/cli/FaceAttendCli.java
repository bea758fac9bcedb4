package com.faceattend.cli;

import com.faceattend.engine.providers.PluginFolder;
import com.faceattend.engine.providers.ProviderRegistry;
import java.nio.file.Path;
import picocli.CommandLine;
import com.faceattend.suite.SuiteServices;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

/** {@code faceattend}: the headless FaceAttend suite. */
@Command(name = "faceattend", mixinStandardHelpOptions = true, versionProvider = FaceAttendCli.Version.class,
        description = "Offline face attendance: enrol employees, identify faces, run a camera station, evaluate and benchmark.",
        subcommands = {EnrollCommand.class, IdentifyCommand.class, VerifyCommand.class, RunCommand.class,
            EmployeesCommand.class, EventsCommand.class, EvalCommand.class, BenchCommand.class, ModelsCommand.class,
            DbCommand.class, ServerCommand.class,
            ReportCommand.class, ScheduleCommand.class, HolidayCommand.class, AttendanceCommand.class,
            AlertsCommand.class, PluginsCommand.class, UsersCommand.class, AuditCommand.class, StationsCommand.class,
            CompletionCommand.class,
            CommandLine.HelpCommand.class},
        footerHeading = "%nExit codes:%n",
        footer = {"  0 done (verify: same person)   1 done, some inputs rejected   2 usage error",
            "  3 unusable input file   4 not found   5 database unavailable   6 model error",
            "  7 video source error   10 verify: different person   70 internal error (see log)"})
public final class FaceAttendCli {

    @Option(names = "--data", paramLabel = "DIR",
            description = "Data folder: database, logs (default: $FACEATTEND_HOME or ~/.faceattend).")
    Path dataDir;

    @Option(names = "--db-server", paramLabel = "HOST[:PORT][/DB]",
            description = "Use a Derby network server (several stations) instead of the embedded database; DB is the "
                    + "database path `faceattend server` prints (its server-user.pass in this machine's keys folder means TLS and its password).")
    String dbServer;

    @Option(names = "--db", paramLabel = "JDBC_URL",
            description = "Use this central database: jdbc:postgresql://HOST:PORT/DATABASE (PostgreSQL) or "
                    + "jdbc:derby://HOST:PORT/NAME (default: the data folder's settings entry 'database', else the embedded database). "
                    + "Sign in with --user/--credentials or FACEATTEND_USER and FACEATTEND_PASSWORD; never put the password in the URL.")
    String db;

    @Option(names = "--verbose", description = "Log more detail to the log file.")
    boolean verbose;

    @Option(names = {"-q", "--quiet"}, description = "No progress and no informational lines on stderr; errors and warnings still show.")
    boolean quiet;

    /** Whether stderr is a terminal, so progress may redraw in place (set by {@link #execute}). */
    private boolean stderrIsTerminal;

    @Option(names = "--user", paramLabel = "NAME",
            description = "Sign in as this account (the password is asked for; default: $FACEATTEND_USER with $FACEATTEND_PASSWORD). "
                    + "Needed once the database has accounts (faceattend users init).")
    String user;

    @Option(names = "--credentials", paramLabel = "FILE",
            description = "Sign in with the user= and password= lines of this owner-only file (chmod 600).")
    Path credentials;

    private ProviderRegistry providers;

    /**
     * The providers built in and those installed in the data folder's {@code plugins/}: what
     * {@code run} and the suite see, for the commands that pick a provider without opening the suite.
     */
    ProviderRegistry providers() {
        if (providers == null) {
            providers = new ProviderRegistry(new PluginFolder(dataDir()).classLoader(FaceAttendCli.class.getClassLoader()));
        }
        return providers;
    }

    Path dataDir() {
        if (dataDir != null) {
            return dataDir.toAbsolutePath();
        }
        return com.faceattend.suite.DataFolder.resolve(); // the same rule as the desktop suite
    }

    /**
     * {@code --db} or {@code --db-server} (at most one), checked; null for the data folder's settings
     * entry or its embedded database.
     */
    String centralDatabase() {
        if (db != null && dbServer != null) {
            throw new com.faceattend.spi.Problem(com.faceattend.spi.Problem.Kind.BAD_VALUE,
                    "--db and --db-server both name a database", "Give one of them.");
        }
        if (db != null) {
            String url = db.strip();
            if (!url.startsWith("jdbc:postgresql:") && !url.startsWith("jdbc:derby:")) {
                throw new com.faceattend.spi.Problem(com.faceattend.spi.Problem.Kind.BAD_VALUE,
                        "--db must be a JDBC URL of PostgreSQL or Derby, not '" + url.replaceAll("(?i)(password=)[^&;]*", "$1***") + "'",
                        "Give it as jdbc:postgresql://HOST:PORT/DATABASE (or jdbc:derby://HOST:PORT/NAME).");
            }
            if (url.toLowerCase(java.util.Locale.ROOT).contains("password=")) {
                System.err.println("warning: a password in --db is visible to everyone who can list processes; "
                        + "use FACEATTEND_PASSWORD or --credentials FILE instead");
            }
            return url;
        }
        return dbServer;
    }

    /** Whether the database is on a server (--db, --db-server or the settings entry), not this data folder's own. */
    boolean usesCentralDatabase() {
        return centralDatabase() != null || new com.faceattend.suite.SettingsFile(dataDir()).databaseUrl().isPresent();
    }

    /**
     * The application core on this data folder (and database server); the caller closes it.
     * Logging is already set up by {@link #execute}.
     */
    SuiteServices openSuite() {
        SuiteServices suite = new SuiteServices(dataDir(), centralDatabase());
        try {
            suite.signIn(CliCredentials.resolve(user, credentials, System.getenv()));
        } catch (RuntimeException e) {
            suite.close();
            throw e;
        }
        return suite;
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs a command line and returns its exit code (tests call this). */
    public static int execute(String... args) {
        return execute(new java.io.PrintWriter(System.out, true), new java.io.PrintWriter(System.err, true),
                Terminal.stderrIsTerminal(), args);
    }

    /** Runs a command line with its output going to {@code out} and {@code err} (not a terminal: no redrawn progress). */
    public static int execute(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
        return execute(out, err, false, args);
    }

    private static int execute(java.io.PrintWriter out, java.io.PrintWriter err, boolean errIsTerminal, String... args) {
        try {
            CommandLine cli = commandLine();
            ((FaceAttendCli) cli.getCommand()).stderrIsTerminal = errIsTerminal;
            cli.setOut(out);
            cli.setErr(err);
            cli.setExecutionExceptionHandler(new ErrorReporter());
            cli.setParameterExceptionHandler((ex, a) -> {
                ex.getCommandLine().getErr().println("error: " + ex.getMessage());
                ex.getCommandLine().getErr().println("  fix: see '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'");
                return ExitCode.USAGE;
            });
            // Logging goes to the data folder's log file before any command code runs, so nothing
            // (not even a failure in option checks) is logged to the console with a stack trace.
            cli.setExecutionStrategy(parsed -> {
                FaceAttendCli root = parsed.commandSpec().commandLine().getCommand();
                Logging.configure(root.dataDir(), root.verbose);
                return new CommandLine.RunLast().execute(parsed);
            });
            return cli.execute(args);
        } catch (Throwable t) { // out of memory, or a failure outside any command
            return ErrorReporter.report(t, err);
        }
    }

    /**
     * The whole command tree; every command and subcommand answers {@code -h}/{@code --help} and
     * shows the default of every option that has one.
     */
    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new FaceAttendCli());
        addHelp(cli);
        return cli;
    }

    private static void addHelp(CommandLine cmd) {
        CommandSpec spec = cmd.getCommandSpec();
        if (spec.findOption("--help") == null) {
            spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true).description("Show this help message and exit.").build());
        }
        spec.usageMessage().showDefaultValues(true);
        cmd.getSubcommands().values().forEach(FaceAttendCli::addHelp);
    }

    /** The root command of the command that {@code spec} describes (for its global options). */
    static FaceAttendCli of(CommandSpec spec) {
        return (FaceAttendCli) spec.root().userObject();
    }

    /**
     * How a long command shows progress: nothing under {@code --quiet} or when the command itself is
     * {@code silent} (JSON output), a bar on a terminal, plain lines when stderr is redirected.
     */
    Console.ProgressStyle progressStyle(boolean silent) {
        if (quiet || silent) {
            return Console.ProgressStyle.OFF;
        }
        return stderrIsTerminal ? Console.ProgressStyle.BAR : Console.ProgressStyle.LINES;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = FaceAttendCli.class.getPackage().getImplementationVersion();
            return new String[] {"FaceAttend " + (v == null ? "development build" : v)};
        }
    }
}
