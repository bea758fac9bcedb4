package com.faceattend.store;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Connections of a {@code faceattend server}'s account: Derby would give them the account's own
 * (empty) schema, but the tables live in the owner's schema {@value OwnerSecret#OWNER}, where the
 * server created them.
 */
final class OwnerSchemaDataSource implements DataSource {
    private final DataSource base;

    OwnerSchemaDataSource(DataSource base) {
        this.base = base;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return inOwnerSchema(base.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return inOwnerSchema(base.getConnection(username, password));
    }

    private static Connection inOwnerSchema(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SET SCHEMA " + OwnerSecret.OWNER);
            return c;
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return base.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        base.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        base.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return base.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return base.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("not a wrapper for " + iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }
}
