package com.faceattend.store.testdb;

import com.faceattend.store.StoreLogin;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for the tests, one per test JVM: {@code initdb} into a fresh temporary
 * folder, {@code pg_ctl start} on a free loopback port with password (SCRAM) authentication, stopped
 * and deleted when the JVM exits. Each test takes a fresh database of its own ({@link #newDatabase}).
 *
 * <p>PostgreSQL refuses to run as root, so as root (CI containers) the server runs as the
 * {@code postgres} user (Debian's package creates it), else {@code nobody}, through {@code runuser}.
 * The binaries are found in {@code $FACEATTEND_PG_BIN}, {@code /usr/lib/postgresql/N/bin} (newest
 * N) or on the PATH; without them the tests fail saying how to install them.
 */
public final class PostgresServer {
    /** The database role the tests sign in as (the superuser of this throw-away cluster). */
    public static final String USER = "faceattend";
    private static PostgresServer shared;
    /** System property naming a file the server's CPU time is appended to when it stops (for CI cost figures). */
    public static final String CPU_LOG_PROPERTY = "faceattend.test.postgresCpuLog";

    private final Path bin;
    private final Path root;
    private final Path data;
    private final int port;
    private final String password;
    private final String runAs;
    private final AtomicInteger databases = new AtomicInteger();

    private PostgresServer(Path bin, Path root, int port, String password, String runAs) {
        this.bin = bin;
        this.root = root;
        this.data = root.resolve("data");
        this.port = port;
        this.password = password;
        this.runAs = runAs;
    }

    /** The server of this JVM, started on first use. */
    public static synchronized PostgresServer shared() {
        if (shared == null) {
            shared = start();
            PostgresServer s = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(s::stop, "stop-test-postgresql"));
        }
        return shared;
    }

    /** The cluster's data folder (for tests that scan the files). */
    public Path dataDirectory() {
        return data;
    }

    public int port() {
        return port;
    }

    /** The sign-in the store uses: {@link #USER} with this cluster's random password. */
    public StoreLogin login() {
        return StoreLogin.user(USER, password);
    }

    public String password() {
        return password;
    }

    /** The JDBC URL of {@code database} on this server. */
    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** Creates an empty database and returns its JDBC URL. */
    public String newDatabase(String prefix) {
        return newDatabase(prefix, null);
    }

    /**
     * Creates a database as a copy of {@code template} (a database of this server nobody is
     * connected to; null: PostgreSQL's empty default) and returns its JDBC URL. A copy is a file
     * copy inside the server, far cheaper than running the migrations again.
     */
    public String newDatabase(String prefix, String template) {
        String name = (prefix.replaceAll("[^a-z0-9_]", "_") + "_" + databases.incrementAndGet()).toLowerCase(java.util.Locale.ROOT);
        try (Connection c = connect(url("postgres")); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name + (template == null ? "" : " TEMPLATE " + template));
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the test database " + name + ": " + e.getMessage(), e);
        }
        return url(name);
    }

    /** Drops the database at {@code url} (made by {@link #newDatabase}), closing any connection left to it. */
    public void dropDatabase(String url) {
        String name = url.substring(url.lastIndexOf('/') + 1);
        try (Connection c = connect(url("postgres")); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop the test database " + name + ": " + e.getMessage(), e);
        }
    }

    /** A plain JDBC connection to {@code url} as {@link #USER}. */
    public Connection connect(String url) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", USER);
        p.setProperty("password", password);
        return DriverManager.getConnection(url, p);
    }

    private static PostgresServer start() {
        Path bin = findBinaries();
        String runAs = isRoot() ? unprivilegedUser() : null;
        try {
            Path root = Files.createTempDirectory("faceattend-pg-", PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwx------")));
            byte[] random = new byte[18];
            new SecureRandom().nextBytes(random);
            String password = HexFormat.of().formatHex(random);
            Path pwfile = root.resolve("pwfile");
            Files.writeString(pwfile, password + "\n");
            if (runAs != null) {
                run(List.of("chown", "-R", runAs, root.toString()), root, null);
            }
            PostgresServer server = new PostgresServer(bin, root, freePort(), password, runAs);
            server.initdb(pwfile);
            Files.deleteIfExists(pwfile);
            server.pgCtl("start", "-w", "-t", "60", "-l", root.resolve("server.log").toString(), "-o",
                    "-p " + server.port + " -k " + root + " -c listen_addresses=127.0.0.1 -c max_connections=100");
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("could not start the test PostgreSQL server: " + e.getMessage(), e);
        }
    }

    private void initdb(Path pwfile) throws IOException {
        asServerUser(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", USER,
                "--pwfile=" + pwfile, "--auth=scram-sha-256", "--encoding=UTF8", "--locale=C", "--no-sync"));
    }

    private void pgCtl(String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString()));
        cmd.addAll(List.of(args));
        asServerUser(cmd);
    }

    private void asServerUser(List<String> cmd) throws IOException {
        List<String> full = new ArrayList<>();
        if (runAs != null) {
            full.addAll(List.of("runuser", "-u", runAs, "--"));
        }
        full.addAll(cmd);
        run(full, root, root.resolve("server.log"));
    }

    /** Stops the server and deletes its files. */
    public void stop() {
        String cpu = serverCpu();
        if (cpu != null) {
            // the server is not a child of the test JVM: its CPU time shows in no surefire or `time`
            // figure. Surefire no longer reads a fork's output in shutdown hooks: a file can be named.
            String line = "test PostgreSQL server: " + cpu;
            String file = System.getProperty(CPU_LOG_PROPERTY);
            if (file == null) {
                System.err.println(line);
            } else {
                try {
                    Files.writeString(Path.of(file), line + System.lineSeparator(), java.nio.file.StandardOpenOption.CREATE,
                            java.nio.file.StandardOpenOption.APPEND);
                } catch (IOException e) {
                    System.err.println(line);
                }
            }
        }
        try {
            pgCtl("stop", "-m", "immediate", "-w", "-t", "30");
        } catch (IOException | RuntimeException e) {
            System.err.println("test PostgreSQL server: stop failed: " + e.getMessage());
        }
        try (Stream<Path> all = Files.walk(root)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder: the OS cleans it up
        }
    }

    /**
     * The CPU time the server used, its own and its exited backends' (Linux: the postmaster's
     * utime, stime, cutime and cstime in /proc), or null where that cannot be read.
     */
    String serverCpu() {
        try {
            String pid = Files.readAllLines(data.resolve("postmaster.pid")).get(0).strip();
            String stat = Files.readString(Path.of("/proc", pid, "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields 14-17 of proc(5), counted from the state field (3) on
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
            return String.format(java.util.Locale.ROOT, "%.1f s CPU (server and finished backends)", ticks / 100.0);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static void run(List<String> cmd, Path dir, Path log) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
        Process p = pb.start();
        String out;
        try {
            out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", cmd) + " did not finish in 120 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (p.exitValue() != 0) {
            String serverLog = "";
            if (log != null && Files.exists(log)) {
                serverLog = "\nserver log:\n" + Files.readString(log);
            }
            throw new IOException(String.join(" ", cmd) + " failed with exit code " + p.exitValue() + ":\n" + out + serverLog);
        }
    }

    private static Path findBinaries() {
        List<Path> candidates = new ArrayList<>();
        String env = System.getenv("FACEATTEND_PG_BIN");
        if (env != null && !env.isBlank()) {
            candidates.add(Path.of(env));
        }
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                versions.filter(v -> v.getFileName().toString().matches("\\d+"))
                        .sorted(Comparator.comparingInt((Path v) -> Integer.parseInt(v.getFileName().toString())).reversed())
                        .forEach(v -> candidates.add(v.resolve("bin")));
            } catch (IOException ignored) {
                // fall through to the PATH
            }
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!dir.isBlank()) {
                candidates.add(Path.of(dir));
            }
        }
        for (Path c : candidates) {
            if (Files.isExecutable(c.resolve("initdb")) && Files.isExecutable(c.resolve("pg_ctl"))) {
                return realFolder(c);
            }
        }
        throw new IllegalStateException("PostgreSQL is not installed: the PostgreSQL store tests need initdb and pg_ctl. "
                + "Install Debian's postgresql package (`apt-get install postgresql`; .ci/run does this) or set "
                + "FACEATTEND_PG_BIN to the folder holding them.");
    }

    /** /usr/local/bin/pg_ctl may be a link into /usr/lib/postgresql/N/bin: use the real folder. */
    private static Path realFolder(Path dir) {
        try {
            return dir.resolve("initdb").toRealPath().getParent();
        } catch (IOException e) {
            return dir;
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static String unprivilegedUser() {
        for (String user : List.of("postgres", "nobody")) {
            try {
                run(List.of("id", "-u", user), Path.of("/"), null);
                return user;
            } catch (IOException absent) {
                // try the next
            }
        }
        throw new IllegalStateException("running as root, and neither the postgres nor the nobody user exists to run "
                + "the test PostgreSQL server (it refuses root)");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
