package com.faceattend.store;

import com.faceattend.spi.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;
import java.util.function.UnaryOperator;
import java.util.logging.Logger;

/**
 * Where the boot secret of a data folder's database comes from. Stations must start unattended,
 * so by default it is a random key file that FaceAttend writes on first start, owner-only (0600 in
 * a 0700 folder), in the user's configuration folder, apart from the data folder: a copied data
 * folder or backup is useless without it, while the station still boots alone. Instead:
 * <ul>
 * <li>{@code $FACEATTEND_DB_PASSPHRASE}: a passphrase (entered by whoever starts FaceAttend, or
 *     from a secret store), nothing on disk;</li>
 * <li>{@code $FACEATTEND_KEY_FILE}: a key file elsewhere (a USB key, a mounted secret);</li>
 * <li>{@code $FACEATTEND_KEYS_DIR} or the system property {@code faceattend.keys.dir}: another keys
 *     folder (tests use a temporary one).</li>
 * </ul>
 * The default keys folder is {@code $XDG_CONFIG_HOME/faceattend/keys} (else
 * {@code ~/.config/faceattend/keys}); the key of the database in {@code D} is
 * {@code <keys>/<id>.key}, where {@code <id>} is a random name kept next to the database in
 * {@code D.key-id} (not secret) so that a data folder can be moved.
 */
public final class StoreKeys {
    public static final String KEY_FILE_ENV = "FACEATTEND_KEY_FILE";
    public static final String KEYS_DIR_ENV = "FACEATTEND_KEYS_DIR";
    public static final String KEYS_DIR_PROPERTY = "faceattend.keys.dir";
    public static final String PASSPHRASE_ENV = "FACEATTEND_DB_PASSPHRASE";
    /** The next passphrase for {@code faceattend db rekey} when the database uses a passphrase. */
    public static final String NEW_PASSPHRASE_ENV = "FACEATTEND_NEW_DB_PASSPHRASE";
    private static final Logger LOG = Logger.getLogger(StoreKeys.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path dbDir;
    private final Path keyFile;
    private final String passphrase;
    private final String newPassphrase;

    private StoreKeys(Path dbDir, Path keyFile, String passphrase, String newPassphrase) {
        this.dbDir = dbDir;
        this.keyFile = keyFile;
        this.passphrase = passphrase;
        this.newPassphrase = newPassphrase;
    }

    /** The keys of the database in {@code dbDir}, from this process's environment. */
    public static StoreKeys forDatabase(Path dbDir) {
        return forDatabase(dbDir, System::getenv);
    }

    /** As {@link #forDatabase(Path)} with {@code env} for the environment (tests). */
    public static StoreKeys forDatabase(Path dbDir, UnaryOperator<String> env) {
        Path db = Objects.requireNonNull(dbDir, "dbDir").toAbsolutePath().normalize();
        String explicitFile = blankToNull(env.apply(KEY_FILE_ENV));
        Path file = explicitFile != null ? Path.of(explicitFile).toAbsolutePath().normalize()
                : keysFolder(env).resolve(keyId(db) + ".key");
        return new StoreKeys(db, file, blankToNull(env.apply(PASSPHRASE_ENV)), blankToNull(env.apply(NEW_PASSPHRASE_ENV)));
    }

    /** The folder of key files: also where the network server's keystore and the erasure-record key live. */
    public static Path keysFolder(UnaryOperator<String> env) {
        String property = blankToNull(System.getProperty(KEYS_DIR_PROPERTY));
        if (property != null) {
            return Path.of(property).toAbsolutePath().normalize();
        }
        String dir = blankToNull(env.apply(KEYS_DIR_ENV));
        if (dir != null) {
            return Path.of(dir).toAbsolutePath().normalize();
        }
        String xdg = blankToNull(env.apply("XDG_CONFIG_HOME"));
        Path config = xdg != null ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return config.resolve("faceattend").resolve("keys").toAbsolutePath().normalize();
    }

    /** The key file this database uses (meaningless when a passphrase is given). */
    public Path keyFile() {
        return keyFile;
    }

    /** The folder holding the key file: other secrets of this installation go there too. */
    public Path secretsFolder() {
        return keyFile.getParent();
    }

    public boolean usesPassphrase() {
        return passphrase != null;
    }

    /**
     * The secret to open the database with: the passphrase if given; none for an existing plain
     * database (encrypt it with {@code faceattend db encrypt}); the key file for an encrypted one;
     * and for a new database a key file, created now if absent.
     */
    public BootSecret forOpening() {
        if (passphrase != null) {
            return BootSecret.password(passphrase, "$" + PASSPHRASE_ENV);
        }
        if (StoreEncryption.exists(dbDir) && !StoreEncryption.isEncrypted(dbDir)) {
            LOG.warning(() -> "the database at " + dbDir + " is not encrypted; run `faceattend db encrypt` to encrypt it");
            return BootSecret.none();
        }
        if (StoreEncryption.exists(dbDir)) {
            finishInterruptedRotation();
            return readKey();
        }
        return Files.exists(keyFile) ? readKey() : createKey();
    }

    /** The secret to encrypt the existing plain database with: the passphrase, else a new (or given) key file. */
    public BootSecret forEncrypting() {
        if (passphrase != null) {
            return BootSecret.password(passphrase, "$" + PASSPHRASE_ENV);
        }
        return Files.exists(keyFile) ? readKey() : createKey();
    }

    /**
     * Rotates the secret of the encrypted database ({@code faceattend db rekey}). With a key file:
     * the new key is written beside the old one ({@code .next}) first, then the database is
     * re-keyed, then the new key replaces the old file atomically; if anything stops in between,
     * the next open finds the one that works. With a passphrase: the new one comes from
     * {@code $FACEATTEND_NEW_DB_PASSPHRASE}.
     *
     * @return where the new secret is, in words
     */
    public String rotate() {
        if (!StoreEncryption.isEncrypted(dbDir)) {
            throw new StoreException(Problem.Kind.REFUSED, "the database at " + dbDir + " is not encrypted, so it has no secret to rotate",
                    "Encrypt it first with `faceattend db encrypt`.");
        }
        BootSecret current = forOpening();
        if (passphrase != null) {
            if (newPassphrase == null || newPassphrase.equals(passphrase)) {
                throw new StoreException(Problem.Kind.BAD_VALUE, "no new passphrase given",
                        "Set $" + NEW_PASSPHRASE_ENV + " to the new passphrase (and $" + PASSPHRASE_ENV + " to the current one).");
            }
            StoreEncryption.rekey(dbDir, current, BootSecret.password(newPassphrase, "$" + NEW_PASSPHRASE_ENV));
            return "the passphrase from $" + NEW_PASSPHRASE_ENV + " (use it from now on)";
        }
        Path next = nextKeyFile();
        OwnerOnlyFiles.writeSecret(next, newKeyText());
        BootSecret nextSecret = readKey(next);
        StoreEncryption.rekey(dbDir, current, nextSecret);
        promote(next);
        return "the key file " + keyFile;
    }

    private Path nextKeyFile() {
        return keyFile.resolveSibling(keyFile.getFileName() + ".next");
    }

    /** A rotation stopped after writing the new key: keep whichever key opens the database. */
    private void finishInterruptedRotation() {
        Path next = nextKeyFile();
        if (!Files.exists(next)) {
            return;
        }
        if (Files.exists(keyFile) && StoreEncryption.opensWith(dbDir, readKey())) {
            deleteQuietly(next);
        } else if (StoreEncryption.opensWith(dbDir, readKey(next))) {
            promote(next);
        }
    }

    private void promote(Path next) {
        try {
            Files.move(next, keyFile, java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new StoreException("the database now needs the key in " + next + ", which could not replace " + keyFile + " (" + e + ")",
                    "Move " + next + " to " + keyFile + " yourself, keeping it private (chmod 600).", e);
        }
    }

    private BootSecret createKey() {
        OwnerOnlyFiles.writeSecret(keyFile, newKeyText());
        LOG.info(() -> "created the database key file " + keyFile);
        return readKey();
    }

    private BootSecret readKey() {
        return readKey(keyFile);
    }

    private BootSecret readKey(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new StoreException("the database at " + dbDir + " is encrypted and its key file "
                    + file + " is missing",
                    "Restore the key file from where you keep its copy, or point $" + KEY_FILE_ENV + " at it "
                            + "(or give the passphrase in $" + PASSPHRASE_ENV + " if it was encrypted with one).");
        }
        OwnerOnlyFiles.requireOwnerOnly(file, "the database key file");
        try {
            return BootSecret.password(Files.readString(file, StandardCharsets.US_ASCII).strip(), "the key file " + file);
        } catch (IOException e) {
            throw new StoreException("cannot read the database key file " + file + " (" + e + ")",
                    "Check that it belongs to the user running FaceAttend.", e);
        }
    }

    /** 256 random bits as hex: Derby derives the key-wrapping key from it. */
    private static byte[] newKeyText() {
        byte[] bits = new byte[32];
        RANDOM.nextBytes(bits);
        return (HexFormat.of().formatHex(bits) + "\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** The random, non-secret name of this database's key, kept next to the database folder. */
    private static String keyId(Path db) {
        Path idFile = db.resolveSibling(db.getFileName() + ".key-id");
        try {
            if (Files.isRegularFile(idFile)) {
                String id = Files.readString(idFile, StandardCharsets.US_ASCII).strip();
                if (id.matches("[0-9a-f]{32}")) {
                    return id;
                }
            }
            byte[] bits = new byte[16];
            RANDOM.nextBytes(bits);
            String id = HexFormat.of().formatHex(bits);
            Files.createDirectories(db.getParent());
            Files.writeString(idFile, id + "\n", StandardCharsets.US_ASCII);
            return id;
        } catch (IOException e) {
            throw new StoreException("cannot read or write " + idFile + " (" + e + ")",
                    "Check that the data folder " + db.getParent() + " is writable by the user running FaceAttend.", e);
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a stale .next file is retried on the next open
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
