package com.faceattend.store;

import java.nio.file.Path;

/** Where a store's database lives, and on which engine, worded for error messages. */
record Location(Path directory, String host, int port, String databaseName, Dialect dialect) {

    static Location embedded(Path directory) {
        return new Location(directory, null, 0, directory.toString(), Dialect.DERBY);
    }

    static Location network(String host, int port, String databaseName) {
        return new Location(null, host, port, databaseName, Dialect.DERBY);
    }

    static Location postgres(String host, int port, String databaseName) {
        return new Location(null, host, port, databaseName, Dialect.POSTGRESQL);
    }

    /** Whether the database is reached through a server (Derby network server or PostgreSQL). */
    boolean isNetwork() {
        return directory == null;
    }

    boolean isPostgres() {
        return dialect == Dialect.POSTGRESQL;
    }

    String server() {
        return host + ":" + port;
    }

    @Override
    public String toString() {
        if (isPostgres()) {
            return "database '" + databaseName + "' on the PostgreSQL server at " + server();
        }
        return isNetwork()
                ? "database '" + databaseName + "' on the Derby network server at " + server()
                : "the database at " + directory;
    }
}
