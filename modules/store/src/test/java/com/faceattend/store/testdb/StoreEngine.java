package com.faceattend.store.testdb;

import com.faceattend.store.DerbyAttendanceStore;
import com.faceattend.store.StoreLogin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The engines the store and report tests run on: embedded Derby, the Derby network server and a
 * real PostgreSQL server. {@link #fresh} gives an empty database on the engine; a parameterised
 * test class takes {@code @ParameterizedClass @EnumSource(StoreEngine.class)} and closes its
 * database after each test.
 *
 * <p>Cheap enough to run every store test three times: the servers start once per test JVM
 * ({@link DerbyNetworkServer#shared()}, {@link PostgresServer#shared()}), and a fresh database is
 * a copy of one migrated once per JVM and engine (PostgreSQL's {@code CREATE DATABASE ... TEMPLATE};
 * for Derby a copy of a cleanly shut-down database folder, which Derby documents as an offline
 * backup), so Flyway does not run per test. Tests of migrations themselves open their own folders.
 */
public enum StoreEngine {
    DERBY_EMBEDDED, DERBY_NETWORK, POSTGRESQL;

    /** One empty database on an engine: open the store on it (as often as needed) or connect by JDBC. */
    public interface TestDatabase extends AutoCloseable {
        /** Opens the store on this database (already migrated). */
        DerbyAttendanceStore open();

        /** A plain JDBC connection, for bulk test data and for checks the store has no method for. */
        Connection connect() throws SQLException;

        /** The JDBC URL; for PostgreSQL its user and password are {@link #login()}'s. */
        String url();

        StoreLogin login();

        StoreEngine engine();

        /**
         * Lets the database go: a Derby database is shut down (a server that kept every test's
         * database booted would hold their page caches), a PostgreSQL database dropped. Close the
         * stores opened on it first.
         */
        @Override
        void close();
    }

    private static Path derbyTemplate;
    private static String postgresTemplate;

    /** Whether this is one of the Derby engines (for the few assertions about Derby's own behaviour). */
    public boolean isDerby() {
        return this != POSTGRESQL;
    }

    /** An empty, migrated database on this engine; Derby keeps its files under {@code scratch}. */
    public TestDatabase fresh(Path scratch) {
        return switch (this) {
            case DERBY_EMBEDDED -> {
                Path dir = copyOfDerbyTemplate(scratch.resolve("db"));
                yield new Db(this, "jdbc:derby:" + dir, StoreLogin.none(), () -> DerbyAttendanceStore.openEmbedded(dir), null);
            }
            case DERBY_NETWORK -> {
                Path dir = copyOfDerbyTemplate(scratch.resolve("netdb"));
                String url = DerbyNetworkServer.shared().url(dir.toString());
                yield new Db(this, url, StoreLogin.none(), () -> DerbyAttendanceStore.openJdbc(url, StoreLogin.none()), null);
            }
            case POSTGRESQL -> {
                PostgresServer pg = PostgresServer.shared();
                String url = pg.newDatabase("fa_" + scratch.getFileName(), postgresTemplate(pg));
                yield new Db(this, url, pg.login(), () -> DerbyAttendanceStore.openJdbc(url, pg.login()), pg);
            }
        };
    }

    /** A Derby database migrated once per JVM, shut down, copied file by file to {@code target}. */
    private static Path copyOfDerbyTemplate(Path target) {
        Path template;
        synchronized (StoreEngine.class) {
            if (derbyTemplate == null) {
                try {
                    Path root = Files.createTempDirectory("faceattend-derby-template");
                    Path dir = root.resolve("db");
                    DerbyAttendanceStore.openEmbedded(dir).close(); // the last close shuts it down cleanly
                    Files.deleteIfExists(dir.resolve("derby.log"));
                    Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(root), "delete-derby-template"));
                    derbyTemplate = dir;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            template = derbyTemplate;
        }
        Path to = target.toAbsolutePath();
        try (Stream<Path> files = Files.walk(template)) {
            Files.createDirectories(to.getParent());
            for (Path from : files.toList()) {
                Files.copy(from, to.resolve(template.relativize(from).toString()), StandardCopyOption.COPY_ATTRIBUTES);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not copy the template database to " + to, e);
        }
        return to;
    }

    private static synchronized String postgresTemplate(PostgresServer pg) {
        if (postgresTemplate == null) {
            String url = pg.newDatabase("fa_template");
            DerbyAttendanceStore.openJdbc(url, pg.login()).close();
            postgresTemplate = url.substring(url.lastIndexOf('/') + 1);
        }
        return postgresTemplate;
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> all = Files.walk(root)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder: the OS cleans it up
        }
    }

    private record Db(StoreEngine engine, String url, StoreLogin login, java.util.function.Supplier<DerbyAttendanceStore> opener,
                      PostgresServer pg) implements TestDatabase {
        @Override
        public DerbyAttendanceStore open() {
            return opener.get();
        }

        @Override
        public Connection connect() throws SQLException {
            return pg != null ? pg.connect(url) : DriverManager.getConnection(url);
        }

        @Override
        public void close() {
            if (pg != null) {
                pg.dropDatabase(url);
                return;
            }
            try {
                DriverManager.getConnection(url + ";shutdown=true").close();
            } catch (SQLException e) {
                // 08006: shut down; XJ004 / 08004: never booted or already shut down by the store
            }
        }
    }

    /** Runs {@code sql} on a fresh connection (test set-up the store has no method for). */
    public static void execute(TestDatabase db, String sql) {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
