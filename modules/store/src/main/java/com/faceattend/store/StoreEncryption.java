package com.faceattend.store;

import com.faceattend.spi.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Properties;
import org.apache.derby.jdbc.EmbeddedDataSource;

/**
 * Derby's encryption at rest for embedded databases: whether a folder is encrypted, encrypting an
 * existing plain one in place (after a backup), and rotating the boot secret. Each runs on a
 * database no process has open, because Derby applies these attributes only when it boots one.
 */
public final class StoreEncryption {
    private StoreEncryption() {
    }

    /** Whether the database in {@code dir} exists and is encrypted (Derby notes it in service.properties). */
    public static boolean isEncrypted(Path dir) {
        Path props = dir.resolve("service.properties");
        if (!Files.isRegularFile(props)) {
            return false;
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(props)) {
            p.load(in);
        } catch (IOException e) {
            return false; // let booting report what is wrong with it
        }
        return Boolean.parseBoolean(p.getProperty("dataEncryption", "false").strip());
    }

    /** Whether a database exists in {@code dir} at all. */
    public static boolean exists(Path dir) {
        return Files.isRegularFile(dir.resolve("service.properties"));
    }

    /** Refuses to boot an encrypted database without a secret, with a message better than Derby's. */
    static void checkSecretFits(Path dir, Location where, BootSecret secret) {
        if (!secret.encrypts() && isEncrypted(dir)) {
            throw new StoreException(where + " is encrypted, and no secret to open it was given",
                    "Give its key: FaceAttend reads the key file named by $" + StoreKeys.KEY_FILE_ENV
                            + " (default: the keys folder in ~/.config/faceattend, see README), or the passphrase in $"
                            + StoreKeys.PASSPHRASE_ENV + ".");
        }
    }

    /** A boot failure in words: a wrong secret is named as such, not as a damaged database. */
    static StoreException translateBootFailure(SQLException e, Location where, BootSecret secret, String doing) {
        if (StoreErrors.hasState(e, "XBM06")) {
            return new StoreException(where + " is encrypted and " + secret.origin() + " does not open it",
                    "Use the key file or passphrase this database was encrypted with (a restored backup needs the key "
                            + "of the time it was taken); without it the data cannot be read.", e);
        }
        return StoreErrors.translate(e, where, doing);
    }

    /**
     * Encrypts the plain database in {@code dir} in place with {@code secret}: first a consistent
     * backup by Derby ({@code SYSCS_BACKUP_DATABASE}) into {@code backupParent}, then Derby's own
     * re-encryption (booting it once with {@code dataEncryption=true}), which rewrites every table
     * and index and starts a new transaction log. The backup is NOT encrypted: keep it offline or
     * delete it once the encrypted database has been checked.
     *
     * @return the backup's folder
     */
    public static Path encrypt(Path dir, BootSecret secret, Path backupParent) {
        Path db = dir.toAbsolutePath().normalize();
        Location where = Location.embedded(db);
        Objects.requireNonNull(backupParent, "backupParent");
        if (!secret.encrypts()) {
            throw new IllegalArgumentException("encrypting needs a secret");
        }
        requireClosedHere(db, where);
        if (!exists(db)) {
            throw new StoreException(Problem.Kind.NOT_FOUND, "there is no database at " + db + " to encrypt",
                    "Check the data folder; a new data folder is encrypted from the start anyway.");
        }
        if (isEncrypted(db)) {
            throw new StoreException(Problem.Kind.REFUSED, where + " is already encrypted",
                    "Nothing to do; to change its secret use `faceattend db rekey`.");
        }
        Path backup = backupParent.toAbsolutePath().normalize().resolve(db.getFileName());
        if (Files.exists(backup)) {
            throw new StoreException(Problem.Kind.REFUSED, "the backup folder " + backup + " already exists",
                    "Move it away or choose another backup folder.");
        }
        synchronized (EmbeddedDatabases.LOCK) {
            EmbeddedDatabases.redirectDerbyLog(db);
            OwnerOnlyFiles.applyToDerby();
            OwnerOnlyFiles.restrictFolder(backupParent);
            EmbeddedDataSource plain = new EmbeddedDataSource();
            plain.setDatabaseName(db.toString());
            try (Connection c = plain.getConnection();
                    CallableStatement backupCall = c.prepareCall("CALL SYSCS_UTIL.SYSCS_BACKUP_DATABASE(?)")) {
                backupCall.setString(1, backupParent.toAbsolutePath().normalize().toString());
                backupCall.execute();
            } catch (SQLException e) {
                EmbeddedDatabases.shutdownQuietly(db);
                throw StoreErrors.translate(e, where, "back up the database before encrypting it");
            }
            EmbeddedDatabases.shutdown(db, where);
            bootOnce(db, where, secret, secret.creationAttributes(), "encrypt the database");
        }
        if (!isEncrypted(db)) {
            throw new StoreException(where + " did not report itself encrypted after encryption",
                    "Restore it from the backup at " + backup + " and report the problem.");
        }
        return backup;
    }

    /**
     * Changes the boot secret of the encrypted database in {@code dir} from {@code current} to
     * {@code next} (Derby's {@code newBootPassword}): Derby re-wraps its data key, so this takes
     * a moment whatever the size of the database. The caller stores {@code next} first, so a
     * crash between the two steps leaves a secret that opens the database (see {@link StoreKeys#rotate}).
     */
    public static void rekey(Path dir, BootSecret current, BootSecret next) {
        Path db = dir.toAbsolutePath().normalize();
        Location where = Location.embedded(db);
        requireClosedHere(db, where);
        if (!isEncrypted(db)) {
            throw new StoreException(Problem.Kind.REFUSED, where + " is not encrypted, so it has no secret to rotate",
                    "Encrypt it first with `faceattend db encrypt`.");
        }
        if (!next.encrypts() || current.samePasswordAs(next)) {
            throw new IllegalArgumentException("the new secret must differ from the current one");
        }
        synchronized (EmbeddedDatabases.LOCK) {
            EmbeddedDatabases.redirectDerbyLog(db);
            bootOnce(db, where, current, current.rotationAttributes(next), "change the database secret");
        }
    }

    /** Whether {@code secret} boots the (closed) encrypted database in {@code db}. */
    static boolean opensWith(Path db, BootSecret secret) {
        Location where = Location.embedded(db);
        synchronized (EmbeddedDatabases.LOCK) {
            try {
                bootOnce(db, where, secret, secret.bootAttributes(), "open the database");
                return true;
            } catch (StoreException e) {
                return false;
            }
        }
    }

    private static void bootOnce(Path db, Location where, BootSecret secret, String attributes, String doing) {
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName(db.toString());
        ds.setConnectionAttributes(attributes);
        try {
            ds.getConnection().close();
        } catch (SQLException e) {
            throw translateBootFailure(e, where, secret, doing);
        }
        EmbeddedDatabases.shutdown(db, where);
    }

    private static void requireClosedHere(Path db, Location where) {
        if (EmbeddedDatabases.openCount(db) > 0) {
            throw new StoreException(Problem.Kind.REFUSED, where + " is open in this program",
                    "Close FaceAttend's station and windows on this data folder first.");
        }
    }
}
