package com.faceattend.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.apache.derby.jdbc.EmbeddedDataSource;

/**
 * Opening, reference-counting and shutting down embedded Derby databases in this JVM. Derby boots
 * a database once per JVM and every connection shares it, so two stores on the same folder in one
 * process share the booted database; only the last {@link #release} shuts it down, otherwise
 * closing one store would pull the database out from under the other.
 */
final class EmbeddedDatabases {
    /** Guards {@link #openCounts}, and serialises boot and shutdown of embedded databases. */
    static final Object LOCK = new Object();
    private static final Logger LOG = Logger.getLogger(EmbeddedDatabases.class.getName());
    private static final Map<Path, Integer> openCounts = new HashMap<>();

    private EmbeddedDatabases() {
    }

    /** Boots (creating if absent) the database in {@code dir} and counts one more user of it. */
    static EmbeddedDataSource open(Path dir, Location where, BootSecret secret) {
        return open(dir, where, secret, null, null);
    }

    /**
     * Like {@link #open(Path, Location, BootSecret)}, connecting as {@code user} (null: none) for the
     * boot: once a database has accounts (see {@link StoreSignIn}), Derby refuses a connection without them.
     */
    static EmbeddedDataSource open(Path dir, Location where, BootSecret secret, String user, String password) {
        synchronized (LOCK) {
            prepareDirectory(dir, where);
            redirectDerbyLog(dir);
            OwnerOnlyFiles.applyToDerby();
            boolean exists = Files.isRegularFile(dir.resolve("service.properties"));
            if (!openCounts.containsKey(dir)) {
                StoreEncryption.checkSecretFits(dir, where, secret);
            }
            EmbeddedDataSource create = dataSource(dir);
            create.setCreateDatabase("create");
            // A new database is created encrypted with the secret; an existing one only needs it to boot.
            create.setConnectionAttributes(exists ? secret.bootAttributes() : secret.creationAttributes());
            try {
                // boots the database, creating it if absent
                (user == null ? create.getConnection() : create.getConnection(user, password)).close();
            } catch (SQLException e) {
                if (StoreErrors.hasState(e, "08004")) {
                    throw new SignInRefused(e);
                }
                throw StoreEncryption.translateBootFailure(e, where, secret, "open the database");
            }
            if (!exists) {
                OwnerOnlyFiles.restrictFolder(dir);
            }
            openCounts.merge(dir, 1, Integer::sum);
            // Later connections do not carry "create": if the folder disappears while we run, we
            // want an error, not a silently recreated empty database.
            return dataSource(dir);
        }
    }

    /** Counts one user less; the last one shuts the database down cleanly so other processes can open it. */
    static void release(Path dir, Location where) {
        release(dir, where, null, null);
    }

    /**
     * Like {@link #release(Path, Location)}; the shutdown connects as {@code owner} (null: none),
     * since once a database has accounts only its owner may shut it down. Without the owner's
     * secret the database stays booted until this JVM ends (Derby recovers it cleanly at the next boot).
     */
    static void release(Path dir, Location where, String owner, String password) {
        synchronized (LOCK) {
            int left = openCounts.merge(dir, -1, Integer::sum);
            if (left > 0) {
                return;
            }
            openCounts.remove(dir);
            shutdown(dir, where, owner, password);
        }
    }

    /** Shuts a booted database down after a failure, keeping the first failure as the one reported. */
    static void shutdownQuietly(Path dir) {
        try {
            shutdown(dir, Location.embedded(dir));
        } catch (StoreException ignored) {
            // the original failure is what the caller reports
        }
    }

    static void shutdown(Path dir, Location where) {
        shutdown(dir, where, null, null);
    }

    /** How many stores in this JVM have {@code dir} open. */
    static int openCount(Path dir) {
        synchronized (LOCK) {
            return openCounts.getOrDefault(dir, 0);
        }
    }

    static void shutdown(Path dir, Location where, String owner, String password) {
        EmbeddedDataSource ds = dataSource(dir);
        ds.setShutdownDatabase("shutdown");
        try {
            // Derby answers a shutdown request with an exception, never gets here
            (owner == null ? ds.getConnection() : ds.getConnection(owner, password)).close();
        } catch (SQLException e) {
            if (StoreErrors.hasState(e, "08004") || StoreErrors.hasState(e, "2850H")) {
                LOG.fine(() -> "left " + dir + " booted: only its owner may shut it down");
                return;
            }
            if (!"08006".equals(e.getSQLState())) { // 08006 = "Database ... shutdown.", the success answer
                throw StoreErrors.translate(e, where, "close the database");
            }
        }
    }

    /** Derby refused the credentials (or their absence) of a boot connection. */
    static final class SignInRefused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SignInRefused(SQLException cause) {
            super(cause.getMessage(), cause);
        }
    }

    static EmbeddedDataSource dataSource(Path dir) {
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName(dir.toString());
        return ds;
    }

    /**
     * Derby writes derby.log into the working directory unless told otherwise, which litters
     * wherever the user ran a command. Put it next to the database instead, unless the
     * application already chose. Derby reads this once, when the engine boots, so the first
     * database opened in a JVM decides.
     */
    static void redirectDerbyLog(Path dir) {
        Path parent = dir.getParent();
        if (parent == null
                || System.getProperty("derby.stream.error.file") != null
                || System.getProperty("derby.stream.error.method") != null
                || System.getProperty("derby.stream.error.field") != null) {
            return;
        }
        System.setProperty("derby.stream.error.file", parent.resolve("derby.log").toString());
    }

    /** Plain-words checks Derby would otherwise report obscurely. */
    private static void prepareDirectory(Path dir, Location where) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new StoreException(dir + " is a file, not a database folder",
                    "Point FaceAttend at a folder (new or holding a FaceAttend database), not at a file.");
        }
        if (Files.isDirectory(dir) && isUnfinishedCreation(dir)) {
            // Killed during the first start: Derby writes service.properties last, and hands out no
            // connection before it exists, so such a folder holds no table or row of ours. Refusing
            // it as "not a FaceAttend database" would refuse it forever; create it afresh instead.
            LOG.warning(() -> "the database folder " + dir + " is a database whose creation never finished "
                    + "(FaceAttend was stopped during its first start); creating it again");
            deleteTree(dir, where);
        }
        if (Files.isDirectory(dir) && isEmpty(dir)) {
            // Derby refuses to create a database in an existing folder, even an empty one
            // (users often mkdir it first); an empty folder holds nothing to lose.
            try {
                Files.delete(dir);
            } catch (IOException e) {
                throw new StoreException("cannot use the empty folder " + dir + " for the database (" + e + ")",
                        "Check that you may write to it and to its parent folder.", e);
            }
        }
        Path parent = dir.getParent();
        if (parent != null && !Files.isDirectory(dir)) {
            try {
                Files.createDirectories(parent);
            } catch (IOException e) {
                throw new StoreException("cannot create the folder " + parent + " for " + where + " (" + e + ")",
                        "Choose a folder you can write to, and check that the disk is not full.", e);
            }
            if (!Files.isWritable(parent)) {
                throw new StoreException("cannot create " + where + ": the folder " + parent + " is not writable",
                        "Choose a folder you can write to, or fix its permissions.");
            }
        }
    }

    /** What Derby puts in a database folder before service.properties, and nothing else. */
    private static final Set<String> DERBY_CREATION_ENTRIES = Set.of("db.lck", "dbex.lck", "log", "seg0", "tmp",
            "README_DO_NOT_TOUCH_FILES.txt");

    /**
     * A folder Derby began to create a database in but never finished: no service.properties,
     * only Derby's own entries, and no live process holding its lock.
     */
    static boolean isUnfinishedCreation(Path dir) {
        if (Files.exists(dir.resolve("service.properties"))) {
            return false;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            List<String> names = entries.map(p -> p.getFileName().toString()).toList();
            if (names.isEmpty() || !DERBY_CREATION_ENTRIES.containsAll(names)) {
                return false;
            }
        } catch (IOException e) {
            return false;
        }
        return !lockedByLiveProcess(dir.resolve("dbex.lck"));
    }

    /** Derby holds an OS file lock on dbex.lck while a process has the database booted. */
    private static boolean lockedByLiveProcess(Path lockFile) {
        if (!Files.exists(lockFile)) {
            return false;
        }
        try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = ch.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true; // this JVM holds it
        } catch (IOException e) {
            return true; // cannot tell: leave it alone and let Derby report
        }
    }

    private static void deleteTree(Path dir, Location where) {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new StoreException("cannot clear the unfinished database in " + dir + " (" + e + ")",
                    "Delete the folder " + dir + " yourself (it holds no data: its creation never finished) "
                            + "and start again.", e);
        }
    }

    private static boolean isEmpty(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            return false; // let Derby report what is wrong with it
        }
    }
}
