package com.faceattend.store;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Runs units of database work on pooled connections: each {@link #transaction} either commits
 * completely or leaves nothing behind, and any failure leaves as a {@link StoreException}.
 */
final class Database implements AutoCloseable {
    /** A unit of work on one connection. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    // A deadlock victim's transaction has been rolled back completely, so running it again is safe.
    private static final int DEADLOCK_ATTEMPTS = 3;

    private final ConnectionPool pool;
    private final Location location;

    Database(ConnectionPool pool, Location location) {
        this.pool = pool;
        this.location = location;
    }

    Location location() {
        return location;
    }

    /**
     * Runs {@code work} in one transaction. {@code doing} words the action for error messages
     * ("add employee 'E1'").
     */
    <T> T transaction(String doing, Work<T> work) {
        for (int attempt = 1; ; attempt++) {
            Connection connection = borrow(doing);
            boolean broken = false;
            try {
                connection.setAutoCommit(false);
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException e) {
                broken = !rollback(connection) || isConnectionError(e);
                if (attempt < DEADLOCK_ATTEMPTS && location.dialect().isRetryable(StoreErrors.sqlStates(e))) {
                    continue;
                }
                throw StoreErrors.translate(e, location, doing);
            } catch (RuntimeException | Error e) {
                broken = !rollback(connection);
                throw e;
            } finally {
                pool.release(connection, broken);
            }
        }
    }

    /**
     * Runs {@code work} with auto-commit on: for system procedures that must run outside a
     * transaction. {@code work} must be safe to run again: a deadlock victim is retried, as a
     * transaction is (a table compression deadlocks with a station compiling a query on that table
     * while it follows the change sequence).
     */
    <T> T autoCommit(String doing, Work<T> work) {
        for (int attempt = 1; ; attempt++) {
            Connection connection = borrow(doing);
            boolean broken = false;
            try {
                connection.setAutoCommit(true);
                return work.run(connection);
            } catch (SQLException e) {
                broken = isConnectionError(e);
                if (attempt < DEADLOCK_ATTEMPTS && StoreErrors.hasState(e, "40001")) {
                    continue;
                }
                throw StoreErrors.translate(e, location, doing);
            } finally {
                pool.release(connection, broken);
            }
        }
    }

    private Connection borrow(String doing) {
        try {
            return pool.borrow();
        } catch (SQLException e) {
            throw StoreErrors.translate(e, location, doing);
        }
    }

    private static boolean rollback(Connection connection) {
        try {
            if (!connection.isClosed()) {
                connection.rollback();
                return true;
            }
        } catch (SQLException ignored) {
            // treated as a broken connection by the caller
        }
        return false;
    }

    private static boolean isConnectionError(SQLException e) {
        return StoreErrors.sqlStates(e).stream().anyMatch(s -> s.startsWith("08"));
    }

    @Override
    public void close() {
        pool.close();
    }
}
