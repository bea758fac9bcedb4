package com.faceattend.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Connections for one account: Derby checks the user name and password on every connection; then
 * the tables' schema (APP, the owner's) becomes the default, since Derby's default schema is the
 * user's own, and the account's role is set, since Derby starts every session without one. Both
 * the pool and the schema check on open take their connections from here, so the credentials live
 * in one place. {@code user == null} is a database without accounts (everyone is its owner).
 */
final class SignedInDataSource extends ForwardingDataSource {
    private final String user;
    private final String password;
    private final StoreRole role;

    SignedInDataSource(DataSource base, String user, String password, StoreRole role) {
        super(base);
        this.user = user;
        this.password = password;
        this.role = role;
    }

    static SignedInDataSource unsecured(DataSource base) {
        return new SignedInDataSource(base, null, null, null);
    }

    String user() {
        return user;
    }

    String password() {
        return password;
    }

    StoreRole role() {
        return role;
    }

    @Override
    public Connection getConnection() throws SQLException {
        if (user == null) {
            return base.getConnection();
        }
        Connection c = base.getConnection(user, password);
        try {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(true); // SET ROLE is refused inside an open transaction
            try (Statement s = c.createStatement()) {
                if (!OwnerSecret.OWNER.equalsIgnoreCase(user)) {
                    s.execute("SET SCHEMA " + OwnerSecret.OWNER);
                }
                if (role != null) {
                    s.execute("SET ROLE " + role.sqlRole());
                }
            }
            c.setAutoCommit(auto);
            return c;
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    @Override
    public Connection getConnection(String username, String pw) throws SQLException {
        throw new SQLFeatureNotSupportedException("connections are opened for the signed-in account only");
    }
}
