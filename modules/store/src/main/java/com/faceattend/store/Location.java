package com.faceattend.store;

import java.nio.file.Path;

/** Where a store's database lives, worded for error messages. */
record Location(Path directory, String host, int port, String databaseName) {

    static Location embedded(Path directory) {
        return new Location(directory, null, 0, directory.toString());
    }

    static Location network(String host, int port, String databaseName) {
        return new Location(null, host, port, databaseName);
    }

    boolean isNetwork() {
        return directory == null;
    }

    String server() {
        return host + ":" + port;
    }

    @Override
    public String toString() {
        return isNetwork()
                ? "database '" + databaseName + "' on the Derby network server at " + server()
                : "the database at " + directory;
    }
}
