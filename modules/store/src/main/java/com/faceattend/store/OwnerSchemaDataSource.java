package com.faceattend.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Connections of a {@code faceattend server}'s account: Derby would give them the account's own
 * (empty) schema, but the tables live in the owner's schema {@value OwnerSecret#OWNER}, where the
 * server created them.
 */
final class OwnerSchemaDataSource extends ForwardingDataSource {

    OwnerSchemaDataSource(DataSource base) {
        super(base);
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
}
