package com.faceattend.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * How a station reaches a {@code faceattend server} ({@link SecureNetworkServer}): its one server
 * account and TLS. Apart from FaceAttend's own accounts ({@link StoreLogin}), which sign a person in
 * to the database behind it. A station finds them in its keys folder: the server's
 * {@code server-user.pass}, copied there by whoever sets the station up.
 */
public final class ServerCredentials {
    private static final ServerCredentials NONE = new ServerCredentials(null, null, false);
    private final String user;
    private final String password;
    private final boolean tls;

    private ServerCredentials(String user, String password, boolean tls) {
        this.user = user;
        this.password = password;
        this.tls = tls;
    }

    /** A plain Derby network server: no server account, no TLS (a trusted network only). */
    public static ServerCredentials none() {
        return NONE;
    }

    /** The server account {@value SecureNetworkServer#USER} with {@code password}, over TLS. */
    public static ServerCredentials tls(String password) {
        return new ServerCredentials(SecureNetworkServer.USER, Objects.requireNonNull(password, "password"), true);
    }

    /**
     * The credentials in {@code keysFolder}: the server password file ({@code server-user.pass})
     * when there is one (then TLS), else {@link #none()}.
     *
     * @throws StoreException if the file is there but readable by others or unreadable
     */
    public static ServerCredentials inKeysFolder(Path keysFolder) {
        Path file = SecureNetworkServer.userPasswordFile(keysFolder);
        if (!Files.exists(file)) {
            return NONE;
        }
        OwnerOnlyFiles.requireOwnerOnly(file, "the database server's password file");
        try {
            return tls(Files.readString(file, StandardCharsets.US_ASCII).strip());
        } catch (IOException e) {
            throw new StoreException("cannot read the database server's password file " + file + " (" + e + ")",
                    "Copy server-user.pass from the server's keys folder again, readable only by you (chmod 600).", e);
        }
    }

    public boolean present() {
        return user != null;
    }

    void applyTo(org.apache.derby.jdbc.ClientDataSource ds) {
        if (user != null) {
            ds.setUser(user);
            ds.setPassword(password);
        }
        if (tls) {
            try {
                ds.setSsl("basic");
            } catch (Exception e) {
                throw new IllegalStateException("Derby's client refused its own SSL mode 'basic'", e);
            }
        }
    }

    @Override
    public String toString() {
        return present() ? "ServerCredentials[" + user + ", TLS]" : "ServerCredentials[none]";
    }
}
