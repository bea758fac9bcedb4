package com.faceattend.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * A handful of reusable connections. Derby's embedded connections are cheap but not free (each
 * one compiles its own statements), and over the network each one is a socket, so a station
 * thread and a CLI/GUI reader share a few instead of opening one per call. A caller that finds
 * all of them busy waits; broken connections are dropped and replaced on demand.
 */
final class ConnectionPool implements AutoCloseable {
    private static final long BORROW_WAIT_SECONDS = 120;
    private static final long CLOSE_WAIT_SECONDS = 30;

    private final DataSource dataSource;
    private final int size;
    private final Semaphore permits;
    private final Deque<Connection> idle = new ArrayDeque<>();
    private final Location location;
    private volatile boolean closed;

    ConnectionPool(DataSource dataSource, int size, Location location) {
        this.dataSource = dataSource;
        this.size = size;
        this.permits = new Semaphore(size, true);
        this.location = location;
    }

    /** A connection for the caller's exclusive use until {@link #release}. */
    Connection borrow() throws SQLException {
        if (closed) {
            throw new IllegalStateException("the attendance store is closed");
        }
        try {
            if (!permits.tryAcquire(BORROW_WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new StoreException(location + " is busy: all " + size + " connections stayed in use for "
                        + BORROW_WAIT_SECONDS + " s", "Try again in a moment; if it keeps happening, restart FaceAttend.");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting for a connection to " + location,
                    "Nothing was written; try again.", e);
        }
        Connection pooled;
        synchronized (idle) {
            pooled = idle.pollFirst();
        }
        if (pooled != null) {
            return pooled;
        }
        try {
            return dataSource.getConnection();
        } catch (SQLException | RuntimeException e) {
            permits.release();
            throw e;
        }
    }

    /** Gives a connection back; {@code broken} ones (or any after {@link #close}) are closed. */
    void release(Connection connection, boolean broken) {
        try {
            if (broken || closed) {
                closeQuietly(connection);
            } else {
                synchronized (idle) {
                    idle.addFirst(connection);
                }
            }
        } finally {
            permits.release();
        }
    }

    /** Waits briefly for borrowed connections to come back, then closes every connection. */
    @Override
    public void close() {
        closed = true;
        boolean drained = false;
        try {
            drained = permits.tryAcquire(size, CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            synchronized (idle) {
                idle.forEach(ConnectionPool::closeQuietly);
                idle.clear();
            }
        } finally {
            if (drained) {
                permits.release(size);
            }
        }
    }

    static void closeQuietly(Connection connection) {
        try {
            if (!connection.isClosed() && !connection.getAutoCommit()) {
                connection.rollback(); // Derby refuses to close a connection with an open transaction
            }
        } catch (SQLException ignored) {
            // closing anyway
        }
        try {
            connection.close();
        } catch (SQLException ignored) {
            // nothing more to do with a connection we are discarding
        }
    }
}
