package com.faceattend.store;

import com.faceattend.spi.Problem;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Opens an embedded database for a {@link StoreLogin}: boots it, applies schema migrations as the
 * owner, checks the account (disabled, locked out), lets Derby check the password, sets the
 * account's role, and records sign-ins and failures in the audit log. A database without accounts
 * opens as before, for everyone.
 */
final class StoreSignIn {
    /** Failed sign-ins in a row after which an account is locked for {@link #LOCK_TIME}. */
    static final int MAX_FAILURES = 5;
    static final Duration LOCK_TIME = Duration.ofMinutes(15);
    private static final Logger LOG = Logger.getLogger(StoreSignIn.class.getName());

    /**
     * A signed-in store's connections. {@code owner} is null where this machine lacks the owner
     * secret; {@code account} null means the database has no accounts (or the owner signed in).
     */
    record Session(SignedInDataSource pool, SignedInDataSource owner, boolean secured, String account, StoreRole role) {
        String shutdownUser() {
            return owner == null ? null : owner.user();
        }

        String shutdownPassword() {
            return owner == null ? null : owner.password();
        }
    }

    private StoreSignIn() {
    }

    static Session embedded(Path dir, Location where, BootSecret bootSecret, StoreLogin login) {
        OwnerSecret secret = OwnerSecret.of(dir);
        String ownerPassword = secret.read().orElse(null);
        DataSource base;
        try {
            // The first boot never names a person: a database created now must be owned by APP,
            // the owner `users init` later gives a password.
            base = EmbeddedDatabases.open(dir, where, bootSecret, ownerPassword == null ? null : OwnerSecret.OWNER, ownerPassword);
        } catch (EmbeddedDatabases.SignInRefused e) {
            if (ownerPassword != null) {
                throw new StoreException(Problem.Kind.REFUSED, "the owner secret " + secret + " does not open " + where,
                        "It belongs to another database, or was replaced; restore the matching secret file from your backup.", e);
            }
            if (login.kind() != StoreLogin.Kind.USER) {
                throw needsSignIn(where);
            }
            try {
                base = EmbeddedDatabases.open(dir, where, bootSecret, login.user(), login.password());
            } catch (EmbeddedDatabases.SignInRefused wrong) {
                throw wrongCredentials(login, wrong); // not counted: only the owner may write the count
            }
        }
        SignedInDataSource owner = ownerPassword == null ? null
                : new SignedInDataSource(base, OwnerSecret.OWNER, ownerPassword, null);
        try {
            return signIn(base, owner, where, login, secret);
        } catch (RuntimeException e) {
            EmbeddedDatabases.release(dir, where, owner == null ? null : owner.user(), ownerPassword);
            throw e;
        }
    }

    private static Session signIn(DataSource base, SignedInDataSource owner, Location where, StoreLogin login,
            OwnerSecret secret) {
        boolean secured = isSecured(owner != null ? owner : login.kind() == StoreLogin.Kind.USER
                ? new SignedInDataSource(base, login.user(), login.password(), null) : SignedInDataSource.unsecured(base), where);
        if (!secured) {
            if (login.kind() == StoreLogin.Kind.USER) {
                LOG.info(() -> where + " has no user accounts yet: opened without signing in as " + login.user());
            }
            SignedInDataSource all = SignedInDataSource.unsecured(base);
            SchemaMigrator.migrate(all, where);
            return new Session(all, owner, false, null, null);
        }
        if (owner != null) {
            // The owner migrates, on whichever sign-in this machine (the one holding the owner
            // secret) makes; the grants follow, so tables added since `users init` are usable.
            SchemaMigrator.migrate(owner, where);
            upgradeGrants(owner, where, login.kind() == StoreLogin.Kind.USER ? login.user() : System.getProperty("user.name"));
        }
        return switch (login.kind()) {
            case NONE -> throw needsSignIn(where);
            case OWNER -> {
                if (owner == null) {
                    throw new StoreException(Problem.Kind.REFUSED, "this machine does not hold the owner secret of " + where
                            + " (" + secret + ")", "Sign in with your own account instead.");
                }
                yield new Session(owner, owner, true, null, null);
            }
            case USER -> signInUser(base, owner, where, login);
        };
    }

    private static Session signInUser(DataSource base, SignedInDataSource owner, Location where, StoreLogin login) {
        String account = login.user();
        if (owner != null) {
            refuseIfDisabledOrLocked(owner, where, account);
        }
        StoreRole role;
        try (Connection c = base.getConnection(account, login.password())) {
            role = grantedRole(c, account);
        } catch (SQLException e) {
            if (StoreErrors.hasState(e, "08004")) {
                if (owner != null) {
                    recordFailure(owner, where, account);
                }
                throw wrongCredentials(login, e);
            }
            throw StoreErrors.translate(e, where, "sign in as '" + account + "'");
        }
        SignedInDataSource pool = new SignedInDataSource(base, account, login.password(), role);
        if (owner == null) {
            requireUpgraded(pool, where, role);
        }
        Database db = new Database(new ConnectionPool(owner != null ? owner : pool, 1, where), where);
        db.transaction("record the sign-in of '" + account + "'", c -> {
            if (owner != null) {
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE user_account SET failed_logins = 0, locked_until = NULL, last_login = ? WHERE username = ?")) {
                    UtcTime.set(ps, 1, Instant.now());
                    ps.setString(2, dbName(account));
                    ps.executeUpdate();
                }
            }
            AuditSql.insert(c, Instant.now(), account, "login", "role " + role.name());
            return null;
        });
        db.close();
        return new Session(pool, owner, true, account, role);
    }

    /**
     * Signs in on a Derby network server. There is no owner secret on a station, so failures are
     * refused without being counted, and the schema must already be current (the server's machine
     * migrates it).
     */
    static Session network(DataSource base, Location where, StoreLogin login) {
        if (login.kind() != StoreLogin.Kind.USER) {
            SignedInDataSource all = SignedInDataSource.unsecured(base);
            if (isSecured(all, where)) {
                throw needsSignIn(where);
            }
            return new Session(all, null, false, null, null);
        }
        String account = login.user();
        SignedInDataSource plain = new SignedInDataSource(base, account, login.password(), null);
        if (!isSecured(plain, where)) {
            // no accounts in the database, but the server may still want its password (faceattend
            // server): every connection carries the credentials, and works in the tables' schema
            return new Session(plain, null, false, null, null);
        }
        StoreRole role;
        try (Connection c = base.getConnection(account, login.password())) {
            role = grantedRole(c, account);
        } catch (SQLException e) {
            if (StoreErrors.hasState(e, "08004")) {
                throw wrongCredentials(login, e);
            }
            throw StoreErrors.translate(e, where, "sign in as '" + account + "'");
        }
        SignedInDataSource pool = new SignedInDataSource(base, account, login.password(), role);
        requireUpgraded(pool, where, role); // a station never holds the owner secret: it cannot migrate
        Database db = new Database(new ConnectionPool(pool, 1, where), where);
        try {
            db.transaction("record the sign-in of '" + account + "'", c -> {
                AuditSql.insert(c, Instant.now(), account, "login", "role " + role.name());
                return null;
            });
        } finally {
            db.close();
        }
        return new Session(pool, null, true, account, role);
    }

    /**
     * Creates the roles and grants of {@code roles.sql} that the database lacks (a database secured
     * before V7–V9 has none on their tables), audited; one catalog query when nothing is missing.
     */
    static void upgradeGrants(SignedInDataSource owner, Location where, String actor) {
        Database db = new Database(new ConnectionPool(owner, 1, where), where);
        try {
            List<String> done = db.transaction("bring the role grants up to date", c -> {
                List<String> granted = RoleGrants.bringUpToDate(c);
                if (!granted.isEmpty()) {
                    AuditSql.insert(c, Instant.now(), actor, "roles-upgrade", granted.size() + " grants added for this version's "
                            + "tables: " + String.join(", ", granted));
                }
                return granted;
            });
            if (!done.isEmpty()) {
                LOG.info(() -> where + ": " + done.size() + " role grants added for this FaceAttend version's tables");
            }
        } finally {
            db.close();
        }
    }

    /**
     * Refuses an account that may not migrate (no owner secret here) on a database that needs a
     * schema update or lacks grants its role needs, naming what is missing and who can fix it:
     * otherwise the account would fail later, on the first write to a new table.
     */
    static void requireUpgraded(SignedInDataSource pool, Location where, StoreRole role) {
        boolean schemaCurrent = SchemaMigrator.isCurrent(pool);
        List<RoleGrants.Privilege> lacking;
        try (Connection c = pool.getConnection()) {
            lacking = RoleGrants.missing(c, role);
        } catch (SQLException e) {
            throw StoreErrors.translate(e, where, "check the grants of the role " + role.name());
        }
        if (schemaCurrent && lacking.isEmpty()) {
            return;
        }
        String what = !schemaCurrent ? "a schema update" : "new grants for the role " + role.name() + " ("
                + String.join(", ", lacking.stream().limit(4).map(RoleGrants.Privilege::toString).toList())
                + (lacking.size() > 4 ? " and " + (lacking.size() - 4) + " more" : "") + ")";
        throw new StoreException(Problem.Kind.REFUSED, where + " needs " + what + " for this FaceAttend version, which only "
                + "the database owner may apply", OWNER_UPGRADES);
    }

    /** Who brings a secured database up to date, and how: any sign-in on the machine holding the owner secret. */
    static final String OWNER_UPGRADES = "Ask the database owner to restart `faceattend server` with this FaceAttend version "
            + "(its start updates the schema and the role grants), or without a server to open the database once with this "
            + "version on the machine that holds the owner secret (where `faceattend users init` ran), e.g. "
            + "`faceattend users list` signed in as an administrator.";

    /** The one FaceAttend role granted to the connection's user. */
    static StoreRole grantedRole(Connection c, String account) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT roleid FROM SYS.SYSROLES WHERE grantee = CURRENT_USER AND isdef = 'N'")) {
            while (rs.next()) {
                var role = StoreRole.parse(rs.getString(1));
                if (role.isPresent()) {
                    return role.get();
                }
            }
        }
        throw new StoreException(Problem.Kind.REFUSED, "the account '" + account + "' holds no FaceAttend role (it was disabled)",
                "Ask an administrator for an account (`faceattend users add`).");
    }

    private static void refuseIfDisabledOrLocked(SignedInDataSource owner, Location where, String account) {
        try (Connection c = owner.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT disabled, locked_until FROM user_account WHERE username = ?")) {
            ps.setString(1, dbName(account));
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return; // unknown: Derby refuses it next
                }
                if (rs.getBoolean(1)) {
                    throw new StoreException(Problem.Kind.REFUSED, "the account '" + account + "' is disabled",
                            "Ask an administrator for a new account (`faceattend users add`).");
                }
                Instant until = UtcTime.get(rs, "locked_until");
                if (until != null && until.isAfter(Instant.now())) {
                    throw new StoreException(Problem.Kind.REFUSED, "the account '" + account + "' is locked until " + until
                            + " after " + MAX_FAILURES + " wrong passwords in a row",
                            "Wait until then, or ask an administrator to set a new password (`faceattend users passwd "
                                    + account + "`), which unlocks it.");
                }
            }
        } catch (SQLException e) {
            throw StoreErrors.translate(e, where, "check the account '" + account + "'");
        }
    }

    /** Counts a wrong password, locks the account at the limit, and audits the failure. */
    private static void recordFailure(SignedInDataSource owner, Location where, String account) {
        Database db = new Database(new ConnectionPool(owner, 1, where), where);
        try {
            db.transaction("record a failed sign-in of '" + account + "'", c -> {
                Instant now = Instant.now();
                int failures = 0;
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE user_account SET failed_logins = failed_logins + 1 WHERE username = ?")) {
                    ps.setString(1, dbName(account));
                    ps.executeUpdate();
                }
                try (PreparedStatement ps = c.prepareStatement("SELECT failed_logins FROM user_account WHERE username = ?")) {
                    ps.setString(1, dbName(account));
                    try (ResultSet rs = ps.executeQuery()) {
                        failures = rs.next() ? rs.getInt(1) : 0;
                    }
                }
                boolean lock = failures >= MAX_FAILURES;
                if (lock) {
                    try (PreparedStatement ps = c.prepareStatement("UPDATE user_account SET locked_until = ? WHERE username = ?")) {
                        UtcTime.set(ps, 1, now.plus(LOCK_TIME));
                        ps.setString(2, dbName(account));
                        ps.executeUpdate();
                    }
                }
                AuditSql.insert(c, now, account, "login-failed", "wrong user name or password"
                        + (failures > 0 ? ", " + failures + " in a row" : ", unknown account")
                        + (lock ? ", locked for " + LOCK_TIME.toMinutes() + " minutes" : ""));
                return null;
            });
        } finally {
            db.close();
        }
    }

    /** Whether Derby requires accounts on this database (NATIVE authentication stored in it). */
    static boolean isSecured(DataSource ds, Location where) {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "VALUES SYSCS_UTIL.SYSCS_GET_DATABASE_PROPERTY('derby.authentication.provider')")) {
            return rs.next() && rs.getString(1) != null && rs.getString(1).startsWith("NATIVE");
        } catch (SQLException e) {
            if (StoreErrors.hasState(e, "42504")) {
                return true; // only a database with SQL authorisation keeps the procedure from an account
            }
            throw StoreErrors.translate(e, where, "open the database");
        }
    }

    /** Derby's form of an account name (an SQL identifier: upper case). */
    static String dbName(String account) {
        return account.strip().toUpperCase(java.util.Locale.ROOT);
    }

    static StoreException needsSignIn(Location where) {
        return new StoreException(Problem.Kind.REFUSED, where + " has user accounts: sign in first",
                "Give your user name and password (the desktop asks; the command line reads FACEATTEND_USER and "
                        + "FACEATTEND_PASSWORD, --credentials FILE, or prompts).");
    }

    static StoreException wrongCredentials(StoreLogin login, Throwable cause) {
        return new StoreException(Problem.Kind.REFUSED, "wrong user name or password for " + login,
                "Check both and try again; after " + MAX_FAILURES + " wrong passwords in a row the account is locked for "
                        + LOCK_TIME.toMinutes() + " minutes.", cause);
    }
}
