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
