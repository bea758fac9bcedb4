package com.faceattend.store.testdb;

import com.faceattend.store.DerbyAttendanceStore;
import com.faceattend.store.StoreLogin;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * The engines the store and report tests run on: embedded Derby, the Derby network server and a
 * real PostgreSQL server. {@link #fresh} gives an empty database on the engine; a parameterised
 * test takes {@code @EnumSource(StoreEngine.class)}.
 */
public enum StoreEngine {
    DERBY_EMBEDDED, DERBY_NETWORK, POSTGRESQL;

    /** One empty database on an engine: open the store on it (as often as needed) or connect by JDBC. */
    public interface TestDatabase {
        /** Opens the store on this database (the schema is created on the first open). */
        DerbyAttendanceStore open();

        /** A plain JDBC connection, for bulk test data and for checks the store has no method for. */
        Connection connect() throws SQLException;

        /** The JDBC URL; for PostgreSQL its user and password are {@link #login()}'s. */
        String url();

        StoreLogin login();
    }

    /** An empty database on this engine; Derby keeps its files under {@code scratch}. */
    public TestDatabase fresh(Path scratch) {
        return switch (this) {
            case DERBY_EMBEDDED -> {
                Path dir = scratch.resolve("db").toAbsolutePath();
                yield new Db("jdbc:derby:" + dir, StoreLogin.none(), () -> DerbyAttendanceStore.openEmbedded(dir), null);
            }
            case DERBY_NETWORK -> {
                String url = DerbyNetworkServer.shared().url(scratch.resolve("netdb").toAbsolutePath().toString());
                yield new Db(url, StoreLogin.none(), () -> DerbyAttendanceStore.openJdbc(url, StoreLogin.none()), null);
            }
            case POSTGRESQL -> {
                PostgresServer pg = PostgresServer.shared();
                String url = pg.newDatabase("fa_" + scratch.getFileName());
                yield new Db(url, pg.login(), () -> DerbyAttendanceStore.openJdbc(url, pg.login()), pg);
            }
        };
    }

    private record Db(String url, StoreLogin login, java.util.function.Supplier<DerbyAttendanceStore> opener,
                      PostgresServer pg) implements TestDatabase {
        @Override
        public DerbyAttendanceStore open() {
            return opener.get();
        }

        @Override
        public Connection connect() throws SQLException {
            return pg != null ? pg.connect(url) : DriverManager.getConnection(url);
        }
    }
}
