package com.faceattend.store;

import com.faceattend.spi.Problem;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Accounts of one database: Derby NATIVE users (passwords hashed by Derby in SYS.SYSUSERS) holding
 * one FaceAttend role each. Only the database owner may create users and grant roles in Derby, so
 * every change runs on an owner connection (the secret on this machine), and only after the
 * signed-in caller proved to be an administrator: Derby let them SET ROLE FA_ADMIN. Every change
 * is audited in the same transaction.
 */
public final class UserAccounts {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{2,31}");

    private final SignedInDataSource owner;
    private final Location where;
    private final String actor;

    UserAccounts(SignedInDataSource owner, Location where, String actor) {
        this.owner = owner;
        this.where = where;
        this.actor = actor;
    }

    /**
     * Turns accounts on for the database in {@code databaseDir} (not open in this JVM): writes the
     * owner secret, gives Derby's owner (APP) that password, switches on NATIVE authentication and
     * SQL authorisation (they take effect at the next boot, so the database is rebooted), creates
     * the roles and the first administrator. From then on every connection needs an account.
     */
    public static void initialise(Path databaseDir, String admin, String password) {
        initialise(databaseDir, BootSecret.none(), admin, password);
    }

    /** As {@link #initialise(Path, String, String)} on a database encrypted with {@code bootSecret}. */
    public static void initialise(Path databaseDir, BootSecret bootSecret, String admin, String password) {
        Path dir = databaseDir.toAbsolutePath().normalize();
        Location where = Location.embedded(dir);
        checkName(admin);
        PasswordRules.check(admin, password);
        if (EmbeddedDatabases.openCount(dir) > 0) {
            throw new StoreException(Problem.Kind.REFUSED, where + " is open in this program",
                    "Close it everywhere else first: setting up accounts restarts the database.");
        }
        OwnerSecret secret = OwnerSecret.of(dir);
        // A secret left by an init that stopped half-way is reused: Derby may already hold it.
        String ownerPassword = secret.read().orElseGet(secret::create);
        var base = EmbeddedDatabases.open(dir, where, bootSecret, OwnerSecret.OWNER, ownerPassword);
        try {
            SignedInDataSource ownerDs = new SignedInDataSource(base, OwnerSecret.OWNER, ownerPassword, null);
            if (StoreSignIn.isSecured(ownerDs, where)) {
                throw new StoreException(Problem.Kind.REFUSED, where + " has user accounts already",
                        "Sign in as an administrator and use `faceattend users add`.");
            }
            SchemaMigrator.migrate(SignedInDataSource.unsecured(base), where);
            try (Connection c = ownerDs.getConnection(); Statement s = c.createStatement()) {
                c.setAutoCommit(true);
                if (!derbyUserExists(c, OwnerSecret.OWNER)) {
                    // Derby's rule: the first NATIVE user is the database owner.
                    call(c, "CALL SYSCS_UTIL.SYSCS_CREATE_USER(?, ?)", OwnerSecret.OWNER, ownerPassword);
                }
                setProperty(c, "derby.authentication.native.passwordLifetimeMillis", "0"); // no expiry: we rotate by command
                setProperty(c, "derby.database.sqlAuthorization", "true");
                // Database properties only: a JVM flag must not switch authentication off again.
                setProperty(c, "derby.database.propertiesOnly", "true");
                if (!StoreSignIn.isSecured(ownerDs, where)) { // an init stopped half-way may have set it already
                    setProperty(c, "derby.authentication.provider", "NATIVE::LOCAL");
                }
            } catch (SQLException e) {
                throw StoreErrors.translate(e, where, "switch on user accounts");
            }
        } finally {
            EmbeddedDatabases.release(dir, where, OwnerSecret.OWNER, ownerPassword);
        }
        // Rebooted: authentication and SQL authorisation are on now.
        base = EmbeddedDatabases.open(dir, where, bootSecret, OwnerSecret.OWNER, ownerPassword);
        try {
            SignedInDataSource ownerDs = new SignedInDataSource(base, OwnerSecret.OWNER, ownerPassword, null);
            Database db = new Database(new ConnectionPool(ownerDs, 1, where), where);
            try {
                db.transaction("create the roles and the administrator '" + admin + "'", c -> {
                    RoleGrants.bringUpToDate(c);
                    createAccount(c, admin, StoreRole.ADMIN, password);
                    AuditSql.insert(c, Instant.now(), osUser(), "users-init", "accounts switched on, administrator " + admin);
                    return null;
                });
            } finally {
                db.close();
            }
        } finally {
            EmbeddedDatabases.release(dir, where, OwnerSecret.OWNER, ownerPassword);
        }
    }

    /** Adds an account with {@code role}; the password must follow {@link PasswordRules}. */
    public void add(String name, StoreRole role, String password) {
        checkName(name);
        Objects.requireNonNull(role, "role");
        PasswordRules.check(name, password);
        run("add the account '" + name + "'", c -> {
            if (derbyUserExists(c, name) || accountRow(c, name)) {
                throw new StoreException(Problem.Kind.REFUSED, "the account '" + name + "' exists already",
                        "Choose another name (disabled accounts keep their name, so the audit log stays unambiguous).");
            }
            createAccount(c, name, role, password);
            AuditSql.insert(c, Instant.now(), actor, "user-add", "account " + name + ", role " + role.name());
            return null;
        });
    }

    /** Sets a new password and unlocks the account. */
    public void setPassword(String name, String password) {
        PasswordRules.check(name, password);
        run("set the password of '" + name + "'", c -> {
            requireActive(c, name);
            call(c, "CALL SYSCS_UTIL.SYSCS_RESET_PASSWORD(?, ?)", StoreSignIn.dbName(name), password);
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE user_account SET failed_logins = 0, locked_until = NULL WHERE username = ?")) {
                ps.setString(1, StoreSignIn.dbName(name));
                ps.executeUpdate();
            }
            AuditSql.insert(c, Instant.now(), actor, "user-passwd", "account " + name + ": new password, unlocked");
            return null;
        });
    }

    /**
     * Disables an account for good: its role is revoked and its password replaced by a random one
     * nobody knows. The name stays taken, so old audit entries keep naming one person.
     */
    public void disable(String name) {
        run("disable the account '" + name + "'", c -> {
            StoreRole role = requireActive(c, name);
            if (role == StoreRole.ADMIN && activeAdmins(c) <= 1) {
                throw new StoreException(Problem.Kind.REFUSED, "'" + name + "' is the last active administrator",
                        "Add another administrator first (`faceattend users add NAME --role admin`).");
            }
            try (Statement s = c.createStatement()) {
                s.execute("REVOKE " + role.sqlRole() + " FROM " + StoreSignIn.dbName(name));
            }
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            call(c, "CALL SYSCS_UTIL.SYSCS_RESET_PASSWORD(?, ?)", StoreSignIn.dbName(name),
                    Base64.getEncoder().encodeToString(random));
            try (PreparedStatement ps = c.prepareStatement("UPDATE user_account SET disabled = TRUE WHERE username = ?")) {
                ps.setString(1, StoreSignIn.dbName(name));
                ps.executeUpdate();
            }
            AuditSql.insert(c, Instant.now(), actor, "user-disable", "account " + name + " (was " + role.name() + ")");
            return null;
        });
    }

    /** Every account, by name. */
    public List<UserAccount> list() {
        return run("list the accounts", c -> {
            List<UserAccount> out = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT username, role_name, disabled, failed_logins, locked_until, last_login, created_at "
                            + "FROM user_account ORDER BY username")) {
                while (rs.next()) {
                    out.add(new UserAccount(rs.getString(1).toLowerCase(java.util.Locale.ROOT),
                            StoreRole.valueOf(rs.getString(2)), rs.getBoolean(3), rs.getInt(4),
                            UtcTime.get(rs, "locked_until"), UtcTime.get(rs, "last_login"), UtcTime.get(rs, "created_at")));
                }
            }
            return out;
        });
    }

    private <T> T run(String doing, Database.Work<T> work) {
        Database db = new Database(new ConnectionPool(owner, 1, where), where);
        try {
            return db.transaction(doing, work);
        } finally {
            db.close();
        }
    }

    private static void createAccount(Connection c, String name, StoreRole role, String password) throws SQLException {
        call(c, "CALL SYSCS_UTIL.SYSCS_CREATE_USER(?, ?)", StoreSignIn.dbName(name), password);
        try (Statement s = c.createStatement()) {
            s.execute("GRANT " + role.sqlRole() + " TO " + StoreSignIn.dbName(name));
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO user_account (username, role_name, created_at) VALUES (?, ?, ?)")) {
            ps.setString(1, StoreSignIn.dbName(name));
            ps.setString(2, role.name());
            UtcTime.set(ps, 3, Instant.now());
            ps.executeUpdate();
        }
    }

    private static StoreRole requireActive(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT role_name, disabled FROM user_account WHERE username = ?")) {
            ps.setString(1, StoreSignIn.dbName(name));
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new StoreException(Problem.Kind.NOT_FOUND, "there is no account '" + name + "'",
                            "See `faceattend users list` for the accounts.");
                }
                if (rs.getBoolean(2)) {
                    throw new StoreException(Problem.Kind.REFUSED, "the account '" + name + "' is disabled",
                            "Disabled accounts stay disabled; add a new account instead.");
                }
                return StoreRole.valueOf(rs.getString(1));
            }
        }
    }

    private static int activeAdmins(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT COUNT(*) FROM user_account WHERE role_name = 'ADMIN' AND NOT disabled")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static boolean accountRow(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM user_account WHERE username = ?")) {
            ps.setString(1, StoreSignIn.dbName(name));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static boolean derbyUserExists(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM SYS.SYSUSERS WHERE username = ?")) {
            ps.setString(1, StoreSignIn.dbName(name));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static void call(Connection c, String sql, String a, String b) throws SQLException {
        try (CallableStatement cs = c.prepareCall(sql)) {
            cs.setString(1, a);
            cs.setString(2, b);
            cs.execute();
        }
    }

    private static void setProperty(Connection c, String key, String value) throws SQLException {
        call(c, "CALL SYSCS_UTIL.SYSCS_SET_DATABASE_PROPERTY(?, ?)", key, value);
    }

    static void checkName(String name) {
        if (name == null || !NAME.matcher(name).matches() || name.equalsIgnoreCase(OwnerSecret.OWNER)) {
            throw new StoreException(Problem.Kind.BAD_VALUE, "'" + name + "' cannot be an account name",
                    "Use 3 to 32 lower-case letters, digits or '_', starting with a letter (not 'app', the database owner).");
        }
    }

    private static String osUser() {
        return System.getProperty("user.name", "unknown");
    }
}
