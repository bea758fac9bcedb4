package com.faceattend.store;

import java.util.Objects;

/**
 * Whom a store connects as. Until {@code faceattend users init} a database has no accounts and
 * every open runs as its owner, as before; from then on Derby requires a user name and password on
 * every connection, and a store is opened for one person's (or station's) account, with that
 * account's role set on each connection.
 */
public final class StoreLogin {
    enum Kind { NONE, USER, OWNER }

    private final Kind kind;
    private final String user;
    private final String password;

    private StoreLogin(Kind kind, String user, String password) {
        this.kind = kind;
        this.user = user;
        this.password = password;
    }

    /** No credentials: fine for a database without accounts, refused once accounts exist. */
    public static StoreLogin none() {
        return new StoreLogin(Kind.NONE, null, null);
    }

    /** A person's or station's account. */
    public static StoreLogin user(String name, String password) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(password, "password");
        return new StoreLogin(Kind.USER, name.strip(), password);
    }

    /**
     * The database owner, whose password is the secret file {@code faceattend users init} wrote
     * (see {@link OwnerSecret}): for maintenance on this machine (migrations, benchmarks), never for people.
     */
    public static StoreLogin owner() {
        return new StoreLogin(Kind.OWNER, null, null);
    }

    /**
     * The account in a credentials file: {@code user=NAME} and {@code password=SECRET} lines
     * (properties format), for unattended starts. Refused unless only its owner may read it: a
     * password others could read may already be known, and using it would hide that.
     */
    public static StoreLogin fromFile(java.nio.file.Path file) {
        try {
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                var perms = java.nio.file.Files.getPosixFilePermissions(file);
                if (perms.stream().anyMatch(p -> p.name().startsWith("GROUP_") || p.name().startsWith("OTHERS_"))) {
                    throw new StoreException(com.faceattend.spi.Problem.Kind.REFUSED, "the credentials file " + file
                            + " may be read or changed by other users",
                            "Make it private with `chmod 600 " + file + "` (and change the password if others could read it).");
                }
            }
            java.util.Properties p = new java.util.Properties();
            try (var r = java.nio.file.Files.newBufferedReader(file)) {
                p.load(r);
            }
            String user = p.getProperty("user");
            String password = p.getProperty("password");
            if (user == null || user.isBlank() || password == null) {
                throw new StoreException(com.faceattend.spi.Problem.Kind.BAD_INPUT, "the credentials file " + file
                        + " lacks user= or password=", "Write two lines into it: user=NAME and password=SECRET.");
            }
            return user(user, password);
        } catch (java.io.IOException e) {
            throw new StoreException(com.faceattend.spi.Problem.Kind.BAD_INPUT, "cannot read the credentials file " + file
                    + " (" + e.getMessage() + ")", "Check the path and that you may read it.", e);
        }
    }

    Kind kind() {
        return kind;
    }

    String user() {
        return user;
    }

    String password() {
        return password;
    }

    @Override
    public String toString() {
        return switch (kind) {
            case NONE -> "no account";
            case OWNER -> "the database owner";
            case USER -> "account '" + user + "'";
        };
    }
}
