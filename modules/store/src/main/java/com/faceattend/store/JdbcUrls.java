package com.faceattend.store;

import java.net.URI;
import java.nio.file.Path;

/** Reads host, port and database out of the JDBC URLs {@link DerbyAttendanceStore#openJdbc} accepts. */
final class JdbcUrls {
    static final int DERBY_PORT = 1527;
    static final int POSTGRES_PORT = 5432;

    record Server(String host, int port, String database) {
    }

    private JdbcUrls() {
    }

    /** {@code jdbc:derby://host[:port]/name[;attributes]}, or null for an embedded URL. */
    static Server derbyServer(String url) {
        String rest = url.strip().substring("jdbc:derby:".length());
        if (!rest.startsWith("//")) {
            return null;
        }
        int semi = rest.indexOf(';');
        return parse(semi < 0 ? rest : rest.substring(0, semi), DERBY_PORT, url);
    }

    /** The folder of {@code jdbc:derby:FOLDER[;attributes]}. */
    static Path derbyFolder(String url) {
        String rest = url.strip().substring("jdbc:derby:".length());
        int semi = rest.indexOf(';');
        String folder = semi < 0 ? rest : rest.substring(0, semi);
        if (folder.isBlank() || folder.startsWith("memory:")) {
            throw StoreErrors.invalid("'" + withoutSecrets(url) + "' names no database folder",
                    "Give jdbc:derby:/path/to/db, or leave --db out for the data folder's own database.");
        }
        return Path.of(folder.startsWith("directory:") ? folder.substring("directory:".length()) : folder);
    }

    /** {@code jdbc:postgresql://host[:port]/database[?parameters]} ({@code jdbc:postgresql:database} = localhost). */
    static Server postgresServer(String url) {
        String rest = url.strip().substring("jdbc:postgresql:".length());
        int q = rest.indexOf('?');
        String main = q < 0 ? rest : rest.substring(0, q);
        if (!main.startsWith("//")) {
            if (main.isBlank()) {
                throw StoreErrors.invalid("'" + withoutSecrets(url) + "' names no database", "Give jdbc:postgresql://HOST:PORT/DATABASE.");
            }
            return new Server("localhost", POSTGRES_PORT, main);
        }
        return parse(main, POSTGRES_PORT, url);
    }

    private static Server parse(String slashed, int defaultPort, String url) {
        try {
            URI u = new URI("x:" + slashed);
            String db = u.getPath() == null ? "" : u.getPath().replaceFirst("^/", "");
            if (u.getHost() == null || db.isBlank()) {
                throw new IllegalArgumentException("host or database missing");
            }
            return new Server(u.getHost(), u.getPort() < 0 ? defaultPort : u.getPort(), db);
        } catch (java.net.URISyntaxException | IllegalArgumentException e) {
            throw StoreErrors.invalid("'" + withoutSecrets(url) + "' is not a database URL FaceAttend understands ("
                    + e.getMessage() + ")", "Give it as jdbc:postgresql://HOST:PORT/DATABASE or jdbc:derby://HOST:PORT/NAME.");
        }
    }

    /** The URL with any password parameter blanked, for messages and logs. */
    static String withoutSecrets(String url) {
        if (url == null) {
            return "";
        }
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }
}
