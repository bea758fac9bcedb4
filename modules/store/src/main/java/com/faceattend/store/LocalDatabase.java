package com.faceattend.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.derby.jdbc.EmbeddedDataSource;

/**
 * A small embedded Derby database of this machine's own (a station's event journal), protected
 * like the attendance store: encrypted when new with its own key from {@link StoreKeys} (the same
 * key files, passphrase or key-file settings), owner-only files. The caller owns the schema; it
 * gets plain connections. Close it to shut the database down cleanly.
 *
 * @since issue 13
 */
public final class LocalDatabase implements AutoCloseable {
    private final Path dir;
    private final Location where;
    private final EmbeddedDataSource dataSource;
    private final AtomicBoolean closed = new AtomicBoolean();

    private LocalDatabase(Path dir, Location where, EmbeddedDataSource dataSource) {
        this.dir = dir;
        this.where = where;
        this.dataSource = dataSource;
    }

    /**
     * Opens (creating, encrypted) the database in {@code dir}.
     *
     * @throws StoreException STORE_UNAVAILABLE when the key is missing or wrong, or the folder is
     *                        in use by another process
     */
    public static LocalDatabase open(Path dir) {
        Path db = Objects.requireNonNull(dir, "dir").toAbsolutePath().normalize();
        Location where = Location.embedded(db);
        BootSecret secret = StoreKeys.forDatabase(db).forOpening();
        return new LocalDatabase(db, where, EmbeddedDatabases.open(db, where, secret));
    }

    /** A new connection (auto-commit on, as JDBC hands it out); the caller closes it. */
    public Connection connect() {
        if (closed.get()) {
            throw new IllegalStateException(where + " is closed");
        }
        try {
            return dataSource.getConnection();
        } catch (SQLException e) {
            throw StoreErrors.translate(e, where, "connect");
        }
    }

    /** A failure of this database in a user's words, with a fix. */
    public StoreException translate(SQLException e, String doing) {
        return StoreErrors.translate(e, where, doing);
    }

    public Path directory() {
        return dir;
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            EmbeddedDatabases.release(dir, where);
        }
    }

    @Override
    public String toString() {
        return where.toString();
    }
}
