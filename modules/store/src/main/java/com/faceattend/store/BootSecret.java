package com.faceattend.store;

import java.util.Objects;

/**
 * The secret Derby needs to boot an encrypted database (its {@code bootPassword}), or
 * {@link #none()} for a plain one. Encrypted databases use Derby's own encryption at rest: AES in
 * CBC mode with a 256-bit key that Derby generates and keeps, wrapped by this secret, in the
 * database folder; so rotating the secret ({@link StoreEncryption#rekey}) does not rewrite the data.
 *
 * <p>The secret never appears in {@link #toString()} or in error messages; only its
 * {@link #origin()} (for example "the key file /home/u/.config/faceattend/keys/1b2c.key") does.
 */
public final class BootSecret {
    /** Derby's attributes for a new encrypted database, before the boot password. */
    static final String ENCRYPTION = "dataEncryption=true;encryptionAlgorithm=AES/CBC/NoPadding;encryptionKeyLength=256";
    private static final int MIN_LENGTH = 8; // Derby refuses shorter boot passwords
    private static final BootSecret NONE = new BootSecret(null, "no secret (a plain database)");

    private final String password;
    private final String origin;

    private BootSecret(String password, String origin) {
        this.password = password;
        this.origin = origin;
    }

    /** No encryption: the plain databases of tests and of data folders not yet encrypted. */
    public static BootSecret none() {
        return NONE;
    }

    /**
     * A boot password, from {@code origin} (worded for messages: "the key file /x/y.key",
     * "$FACEATTEND_DB_PASSPHRASE").
     *
     * @throws StoreException if Derby could not use it (shorter than 8 characters, or holding ';'
     *                        or '=' which Derby's connection attributes cannot carry)
     */
    public static BootSecret password(String password, String origin) {
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(origin, "origin");
        if (password.length() < MIN_LENGTH || password.indexOf(';') >= 0 || password.indexOf('=') >= 0
                || !password.strip().equals(password)) {
            throw StoreErrors.invalid("the database secret from " + origin
                            + " is unusable: it needs at least 8 characters, no ';' or '=', and no leading or trailing blanks",
                    "Choose a longer passphrase without ';' or '=' (a key file FaceAttend writes itself always fits).");
        }
        return new BootSecret(password, origin);
    }

    /** Whether this secret encrypts (false only for {@link #none()}). */
    public boolean encrypts() {
        return password != null;
    }

    /** Where the secret came from, in words; never the secret itself. */
    public String origin() {
        return origin;
    }

    /** Connection attributes that create a new database encrypted with this secret, or boot it. */
    String creationAttributes() {
        return encrypts() ? ENCRYPTION + ";" + bootAttributes() : "";
    }

    /** Connection attributes that boot an existing encrypted database. */
    String bootAttributes() {
        return encrypts() ? "bootPassword=" + password : "";
    }

    /** Attributes that change the boot password of a booted-by-this-connection database to {@code next}'s. */
    String rotationAttributes(BootSecret next) {
        return bootAttributes() + ";newBootPassword=" + next.password;
    }

    /** Whether both are the same password (used to refuse a rotation that changes nothing). */
    boolean samePasswordAs(BootSecret other) {
        return Objects.equals(password, other.password);
    }

    @Override
    public String toString() {
        return "BootSecret[" + origin + "]";
    }
}
