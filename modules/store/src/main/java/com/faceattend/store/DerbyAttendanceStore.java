package com.faceattend.store;

import com.faceattend.spi.AttendanceEvent;
import com.faceattend.spi.Embedding;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.apache.derby.jdbc.ClientDataSource;

/**
 * FaceAttend's attendance store: employees, their face templates, stations, attendance and
 * stranger events, and an audit trail. On Apache Derby, either embedded (one process owns the
 * database folder) or through a Derby network server (several stations share one database); or
 * on a PostgreSQL server for organisations that outgrow Derby ({@link #openJdbc}), with the same
 * schema and migrations. Derby-only features (encryption at rest, backups, FaceAttend's own
 * accounts, SYSCS maintenance) are refused on PostgreSQL with a message naming what it offers.
 *
 * <p>All methods are thread-safe; a station thread may record while a CLI or GUI thread reads.
 * Every write is one transaction. All times are stored as UTC, whatever the JVM's time zone.
 * Failures are {@link StoreException}s whose message and {@link StoreException#fix()} a user can
 * act on.
 */
public final class DerbyAttendanceStore implements AutoCloseable {
    private static final int POOL_SIZE = 4;
    private static final int MAX_CODE = 64;
    private static final int MAX_NAME = 200;
    private static final int MAX_MODEL_ID = 128;
    private static final int MAX_STATION = 128;
    /** What PostgreSQL offers instead of FaceAttend's own (Derby NATIVE) accounts. */
    public static final String POSTGRES_ACCOUNTS = "On PostgreSQL, give each person or station its own PostgreSQL role "
            + "(CREATE ROLE name LOGIN PASSWORD ...; GRANT on the FaceAttend tables) and require TLS in pg_hba.conf "
            + "(hostssl, scram-sha-256); FaceAttend signs in with --user or FACEATTEND_USER and FACEATTEND_PASSWORD.";

    private final Location location;
    private final Database db;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final List<Consumer<String>> employeeListeners = new CopyOnWriteArrayList<>();
    /** Who this store is signed in as; a database without accounts has an unsecured session. */
    private volatile StoreSignIn.Session session;

    private DerbyAttendanceStore(Location location, Database db) {
        this.location = location;
        this.db = db;
    }

    /**
     * Opens the database in {@code databaseDir}, creating it (and missing parent folders) if
     * absent, and brings its schema up to date. Only one process may open a folder at a time.
     * Refused once the database has user accounts: use {@link #openEmbedded(Path, StoreLogin)}.
     */
    public static DerbyAttendanceStore openEmbedded(Path databaseDir) {
        return openEmbedded(databaseDir, BootSecret.none(), StoreLogin.none());
    }

    /**
     * As {@link #openEmbedded(Path)}, with Derby's encryption at rest: a new database is created
     * encrypted with {@code secret} (AES-256), an existing encrypted one needs it to open. With
     * {@link BootSecret#none()} the database is plain (tests, and folders not yet encrypted).
     * {@link StoreKeys} finds the secret for a data folder.
     *
     * @throws StoreException if the database is encrypted and the secret is missing or wrong
     */
    public static DerbyAttendanceStore openEmbedded(Path databaseDir, BootSecret secret) {
        return openEmbedded(databaseDir, secret, StoreLogin.none());
    }

    /** As {@link #openEmbedded(Path, BootSecret, StoreLogin)} on a plain (unencrypted) database. */
    public static DerbyAttendanceStore openEmbedded(Path databaseDir, StoreLogin login) {
        return openEmbedded(databaseDir, BootSecret.none(), login);
    }

    /**
     * Opens the database in {@code databaseDir}, booting it with {@code secret} (see
     * {@link #openEmbedded(Path, BootSecret)}), as {@code login} (see {@link StoreLogin}): once
     * {@code faceattend users init} ran, Derby checks the password and the account's role limits
     * every statement; before that, the login is not needed and everyone works as the owner.
     *
     * @throws StoreException of kind REFUSED for a wrong password, a locked or disabled account;
     *                        STORE_UNAVAILABLE for a missing or wrong boot secret
     */
    public static DerbyAttendanceStore openEmbedded(Path databaseDir, BootSecret secret, StoreLogin login) {
        Objects.requireNonNull(databaseDir, "databaseDir");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(login, "login");
        Path dir = databaseDir.toAbsolutePath().normalize();
        Location where = Location.embedded(dir);
        StoreSignIn.Session session = StoreSignIn.embedded(dir, where, secret, login);
        DerbyAttendanceStore store;
        try {
            store = new DerbyAttendanceStore(where, new Database(new ConnectionPool(session.pool(), POOL_SIZE, where), where));
        } catch (RuntimeException e) {
            EmbeddedDatabases.release(dir, where, session.shutdownUser(), session.shutdownPassword());
            throw e;
        }
        store.session = session;
        return finishOpen(store);
    }

    /**
     * Opens {@code databaseName} on a Derby network server (started with {@code startNetworkServer}),
     * creating it on the server if absent, and brings its schema up to date. The name is a path on
     * the server machine, or relative to the server's {@code derby.system.home}.
     */
    public static DerbyAttendanceStore openNetwork(String host, int port, String databaseName) {
        return openNetwork(host, port, databaseName, StoreLogin.none());
    }

    /**
     * Like {@link #openNetwork(String, int, String)}, signed in as {@code login} where the database
     * has accounts (see {@link StoreLogin}).
     */
    public static DerbyAttendanceStore openNetwork(String host, int port, String databaseName, StoreLogin login) {
        return openNetwork(host, port, databaseName, login, ServerCredentials.none());
    }

    /**
     * Like {@link #openNetwork(String, int, String, StoreLogin)}, on a {@code faceattend server}
     * reached with {@code server}'s account and TLS.
     */
    public static DerbyAttendanceStore openNetwork(String host, int port, String databaseName, StoreLogin login,
                                                   ServerCredentials server) {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(databaseName, "databaseName");
        Objects.requireNonNull(login, "login");
        Location where = Location.network(host, port, databaseName);
        ClientDataSource create = clientDataSource(host, port, databaseName);
        server.applyTo(create);
        create.setCreateDatabase("create");
        try {
            // reachable, and the database exists now
            (login.kind() == StoreLogin.Kind.USER ? create.getConnection(login.user(), login.password()) : create.getConnection()).close();
        } catch (SQLException e) {
            if (StoreErrors.hasState(e, "08004") && String.valueOf(e.getMessage()).contains("authentication")) {
                throw login.kind() == StoreLogin.Kind.USER ? StoreSignIn.wrongCredentials(login, e) : StoreSignIn.needsSignIn(where);
            }
            throw StoreErrors.translate(e, where, "connect");
        }
        ClientDataSource pooled = clientDataSource(host, port, databaseName);
        server.applyTo(pooled);
        StoreSignIn.Session session = StoreSignIn.network(server.present() ? new OwnerSchemaDataSource(pooled) : pooled, where, login);
        if (!session.secured()) {
            // without accounts every client is the owner; with them only the server's machine migrates
            SchemaMigrator.migrate(session.pool(), where);
        }
        DerbyAttendanceStore store = new DerbyAttendanceStore(where, new Database(new ConnectionPool(session.pool(), POOL_SIZE, where), where));
        store.session = session;
        return finishOpen(store);
    }

    /**
     * Opens the store a JDBC URL names, creating its tables if absent:
     * <ul>
     *   <li>{@code jdbc:postgresql://HOST[:PORT]/DATABASE}: a PostgreSQL server (the database must
     *       exist; {@code createdb -O USER faceattend}). {@code login} carries the PostgreSQL user and
     *       password; without one the driver's defaults apply (a {@code user=} in the URL, ~/.pgpass);</li>
     *   <li>{@code jdbc:derby://HOST[:PORT]/NAME}: a Derby network server, as {@link #openNetwork};</li>
     *   <li>{@code jdbc:derby:FOLDER}: an embedded, unencrypted Derby database, as {@link #openEmbedded(Path, StoreLogin)}.</li>
     * </ul>
     * Example: {@code openJdbc("jdbc:postgresql://db.example:5432/faceattend", StoreLogin.user("fa", pw))}.
     *
     * @throws StoreException BAD_VALUE for a URL of another engine or a malformed one
     */
    public static DerbyAttendanceStore openJdbc(String jdbcUrl, StoreLogin login) {
        Objects.requireNonNull(login, "login");
        Dialect dialect = Dialect.ofUrl(jdbcUrl);
        if (dialect == null) {
            throw StoreErrors.invalid("'" + JdbcUrls.withoutSecrets(jdbcUrl) + "' is not a database FaceAttend can use",
                    "Give jdbc:postgresql://HOST:PORT/DATABASE, jdbc:derby://HOST:PORT/NAME or jdbc:derby:FOLDER.");
        }
        if (dialect == Dialect.POSTGRESQL) {
            return openPostgres(jdbcUrl.strip(), login);
        }
        JdbcUrls.Server derby = JdbcUrls.derbyServer(jdbcUrl);
        return derby == null ? openEmbedded(JdbcUrls.derbyFolder(jdbcUrl), login)
                : openNetwork(derby.host(), derby.port(), derby.database(), login);
    }

    private static DerbyAttendanceStore openPostgres(String url, StoreLogin login) {
        JdbcUrls.Server server = JdbcUrls.postgresServer(url);
        Location where = Location.postgres(server.host(), server.port(), server.database());
        if (login.kind() == StoreLogin.Kind.OWNER) {
            throw Dialect.derbyOnly(where, "signing in as the database owner with the data folder's owner secret",
                    "Sign in as a PostgreSQL role (--user or FACEATTEND_USER and FACEATTEND_PASSWORD).");
        }
        org.postgresql.ds.PGSimpleDataSource ds = new org.postgresql.ds.PGSimpleDataSource();
        try {
            ds.setURL(url);
        } catch (IllegalArgumentException e) {
            throw StoreErrors.invalid("'" + JdbcUrls.withoutSecrets(url) + "' is not a valid PostgreSQL URL (" + e.getMessage() + ")",
                    "Give it as jdbc:postgresql://HOST:PORT/DATABASE.");
        }
        ds.setLoginTimeout(15); // seconds; an unreachable host should fail, not hang a station
        ds.setConnectTimeout(15);
        ds.setApplicationName("FaceAttend");
        if (login.kind() == StoreLogin.Kind.USER) {
            ds.setUser(login.user());
            ds.setPassword(login.password());
        }
        try {
            ds.getConnection().close();
        } catch (SQLException e) {
            throw StoreErrors.translate(e, where, "connect");
        }
        // PostgreSQL checks the password and the role's privileges itself: no FaceAttend accounts here
        SignedInDataSource all = SignedInDataSource.unsecured(ds);
        SchemaMigrator.migrate(all, where);
        DerbyAttendanceStore store = new DerbyAttendanceStore(where, new Database(new ConnectionPool(all, POOL_SIZE, where), where));
        store.session = new StoreSignIn.Session(all, null, false, null, null);
        return finishOpen(store);
    }

    /** Whether this store is on PostgreSQL (Derby-only operations are refused there). */
    public boolean isPostgres() {
        return location.isPostgres();
    }

    /**
     * Refuses a Derby-only operation on PostgreSQL with a message naming what PostgreSQL offers
     * instead; does nothing on Derby. For callers that offer such operations (the CLI's {@code db}
     * and {@code users} commands, the desktop's settings).
     *
     * @param operation what the caller was about to do, in words ("encrypting the database")
     * @throws StoreException REFUSED on PostgreSQL
     */
    public void requireDerby(String operation, String insteadOnPostgres) {
        if (location.isPostgres()) {
            throw Dialect.derbyOnly(location, operation, insteadOnPostgres);
        }
    }

    /**
     * Wraps a migrated database and finishes any biometric wipe a crash left pending (see
     * {@link BiometricScrubber#markPending}); if that fails now, the record stays for the next open.
     */
    private static DerbyAttendanceStore opened(Location where, Database db) {
        return finishOpen(new DerbyAttendanceStore(where, db));
    }

    private static DerbyAttendanceStore finishOpen(DerbyAttendanceStore store) {
        try {
            store.scrubPending();
        } catch (StoreException e) {
            java.util.logging.Logger.getLogger(DerbyAttendanceStore.class.getName()).warning(
                    "a pending wipe of deleted face data could not be finished yet: " + e.getMessage());
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        return store;
    }

    private static ClientDataSource clientDataSource(String host, int port, String databaseName) {
        ClientDataSource ds = new ClientDataSource();
        ds.setServerName(host);
        ds.setPortNumber(port);
        ds.setDatabaseName(databaseName);
        ds.setLoginTimeout(15); // seconds; an unreachable host should fail, not hang a station
        return ds;
    }

    /**
     * Wipes deleted face data from the database files. Derby lets only the tables' owner compress
     * them, so with accounts this runs on an owner connection (this machine holds the owner
     * secret); without one the wipe stays pending until the owner's machine opens the database.
     */
    void scrubPending() {
        StoreSignIn.Session s = session;
        if (s == null || s.account() == null) {
            BiometricScrubber.scrubPending(db);
            return;
        }
        if (s.owner() == null) {
            Logger.getLogger(DerbyAttendanceStore.class.getName()).info(
                    "deleted face data will be wiped from the files when the database's own machine opens it");
            return;
        }
        Database owner = new Database(new ConnectionPool(s.owner(), 1, location), location);
        try {
            BiometricScrubber.scrubPending(owner);
        } finally {
            owner.close();
        }
    }

    // ---------------------------------------------------------------- accounts

    /** Whether the database has user accounts (then every connection is signed in and role-limited). */
    public boolean hasAccounts() {
        return session != null && session.secured();
    }

    /** The signed-in account, or empty without accounts or as the owner. */
    public Optional<String> account() {
        return session == null ? Optional.empty() : Optional.ofNullable(session.account());
    }

    /** The signed-in account's role, or empty where every role applies (no accounts yet, or the owner). */
    public Optional<StoreRole> role() {
        return session == null ? Optional.empty() : Optional.ofNullable(session.role());
    }

    /**
     * The accounts of this database, for an administrator (or the owner) on a machine holding the
     * owner secret.
     *
     * @throws StoreException REFUSED naming the role needed
     */
    public UserAccounts userAccounts() {
        requireDerby("managing FaceAttend user accounts", POSTGRES_ACCOUNTS);
        if (!hasAccounts()) {
            throw new StoreException(com.faceattend.spi.Problem.Kind.REFUSED, location + " has no user accounts yet",
                    "Create the first administrator with `faceattend users init`.");
        }
        if (session.role() != null && session.role() != StoreRole.ADMIN) {
            throw new StoreException(com.faceattend.spi.Problem.Kind.REFUSED, "managing user accounts needs the role "
                    + StoreRole.ADMIN.name() + "; '" + session.account() + "' has the role " + session.role().name(),
                    "Sign in as an administrator.");
        }
        if (session.owner() == null) {
            throw new StoreException(com.faceattend.spi.Problem.Kind.REFUSED, "user accounts can only be managed on the machine "
                    + "holding the database owner's secret (" + OwnerSecret.of(location.directory()) + ")",
                    "Run the command there.");
        }
        return new UserAccounts(session.owner(), location, actor());
    }

    /** The embedded database's folder, or null when connected to a network server. */
    public Path databaseDir() {
        return location.directory();
    }

    /** Where the database is, in words ("the database at /var/faceattend/db"). */
    public String describeLocation() {
        return location.toString();
    }

    // ---------------------------------------------------------------- change notices

    /**
     * Calls {@code listener} with an employee's code after every committed change, made through
     * this store object, to what recognition needs of them: templates added, (de)activated, renamed,
     * consent recorded, deleted. Running stations in this process follow it to update their gallery
     * at once (see {@link #loadTemplates(String, String)}). Listeners run on the changing thread;
     * one that fails is logged and does not undo the change.
     */
    public void addEmployeeListener(Consumer<String> listener) {
        employeeListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void removeEmployeeListener(Consumer<String> listener) {
        employeeListeners.remove(listener);
    }

    private void employeeChanged(String code) {
        for (Consumer<String> l : employeeListeners) {
            try {
                l.accept(code);
            } catch (RuntimeException e) {
                Logger.getLogger(DerbyAttendanceStore.class.getName()).log(Level.WARNING, "employee listener failed for " + code, e);
            }
        }
    }

    // ---------------------------------------------------------------- employees

    /**
     * Adds an employee, active. {@code department} and {@code consentRecordedAt} may be null.
     *
     * @throws StoreException if the code is taken
     */
    public Employee addEmployee(String code, String name, String department, Instant consentRecordedAt) {
        checkText("employee code", code, MAX_CODE);
        checkText("employee name", name, MAX_NAME);
        if (department != null) {
            checkText("department", department, MAX_NAME);
        }
        String actor = osUser();
        return db.transaction("add employee '" + code + "'", c -> {
            Instant now = Instant.now();
            Employee added;
            try {
                added = EmployeeSql.insert(c, code, name, department, consentRecordedAt, now);
            } catch (SQLException e) {
                if (StoreErrors.hasState(e, "23505")) {
                    throw StoreErrors.duplicateEmployee(code);
                }
                throw e;
            }
            AuditSql.insert(c, now, actor, "add-employee", "code " + code
                    + (consentRecordedAt == null ? ", no consent yet" : ", consent recorded at " + consentRecordedAt));
            return added;
        });
    }

    public Optional<Employee> findEmployee(String code) {
        Objects.requireNonNull(code, "code");
        return db.transaction("look up employee '" + code + "'", c -> EmployeeSql.find(c, code));
    }

    /**
     * @throws StoreException "no employee with code 'X'" when there is none
     */
    public Employee requireEmployee(String code) {
        return findEmployee(code).orElseThrow(() -> StoreErrors.unknownEmployee(code));
    }

    /** Employees ordered by code; inactive ones only if asked. */
    public List<Employee> listEmployees(boolean includeInactive) {
        return db.transaction("list employees", c -> EmployeeSql.list(c, includeInactive));
    }

    /** Records the employee's consent to biometric enrolment (audited; actor = OS user). */
    public void recordConsent(String code, Instant at) {
        recordConsent(code, at, osUser());
    }

    /** Records the employee's consent to biometric enrolment, audited under {@code actor}. */
    public void recordConsent(String code, Instant at, String actor) {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(at, "at");
        db.transaction("record consent of '" + code + "'", c -> {
            Employee e = EmployeeSql.require(c, code);
            EmployeeSql.setConsent(c, e.id(), at);
            AuditSql.insert(c, Instant.now(), actor, "consent", "code " + code + ", consent recorded at " + at);
            GalleryChangeSql.record(c, code, GalleryChange.Kind.CONSENT_RECORDED, Instant.now());
            return null;
        });
        employeeChanged(code);
    }

    /**
     * Records that the employee withdrew consent to biometric attendance: in one transaction their
     * face templates are deleted, the consent is cleared and a scrub of the template bytes is marked
     * pending; then the bytes are wiped from the files (resumed at the next open if this process dies
     * first). The employee and their attendance records stay; running stations stop recognising
     * them at once. Enrolling them again needs consent recorded again.
     *
     * @return how many face templates were erased
     */
    public int withdrawConsent(String code, String actor) {
        Objects.requireNonNull(code, "code");
        int erased = db.transaction("withdraw consent of '" + code + "'", c -> {
            Employee e = EmployeeSql.require(c, code);
            int templates = TemplateSql.deleteForEmployee(c, e.id());
            EmployeeSql.setConsent(c, e.id(), null);
            BiometricScrubber.markPending(c, "FACE_TEMPLATE");
            AuditSql.insert(c, Instant.now(), actor, "consent-withdrawn", "code " + code + ", " + templates + " face templates erased");
            GalleryChangeSql.record(c, code, GalleryChange.Kind.CONSENT_WITHDRAWN, Instant.now());
            return templates;
        });
        employeeChanged(code);
        scrubPending();
        return erased;
    }

    /** (De)activates an employee; inactive ones are not recognised (audited; actor = OS user). */
    public void setActive(String code, boolean active) {
        setActive(code, active, osUser());
    }

    /** (De)activates an employee, audited under {@code actor}. */
    public void setActive(String code, boolean active, String actor) {
        Objects.requireNonNull(code, "code");
        db.transaction((active ? "activate" : "deactivate") + " '" + code + "'", c -> {
            Employee e = EmployeeSql.require(c, code);
            EmployeeSql.setActive(c, e.id(), active);
            AuditSql.insert(c, Instant.now(), actor, active ? "activate" : "deactivate", "code " + code);
            GalleryChangeSql.record(c, code, active ? GalleryChange.Kind.ACTIVATED : GalleryChange.Kind.DEACTIVATED, Instant.now());
            return null;
        });
        employeeChanged(code);
    }

    /** Changes an employee's name and department (null = none), audited with the old values. */
    public void updateEmployee(String code, String name, String department, String actor) {
        Objects.requireNonNull(code, "code");
        checkText("employee name", name, MAX_NAME);
        String dept = department == null || department.isBlank() ? null : department.strip();
        if (dept != null && dept.length() > MAX_NAME) {
            throw StoreErrors.invalid("the department is longer than " + MAX_NAME + " characters", "Shorten the department.");
        }
        db.transaction("update '" + code + "'", c -> {
            Employee e = EmployeeSql.require(c, code);
            EmployeeSql.rename(c, e.id(), name.strip(), dept);
            AuditSql.insert(c, Instant.now(), actor, "update", "code " + code + ": name '" + e.name() + "' -> '" + name.strip()
                    + "', department '" + e.department() + "' -> '" + dept + "'");
            GalleryChangeSql.record(c, code, GalleryChange.Kind.UPDATED, Instant.now());
            return null;
        });
        employeeChanged(code);
    }

    /**
     * Erases an employee with their face templates and attendance events, in one transaction,
     * and audits it (code and counts only). Then rewrites the template table and retires old
     * transaction-log files so the deleted templates are gone from the files on disk, not just
     * marked free (the right to erasure covers the bytes, not only the rows).
     *
     * @throws StoreException if there is no such employee, or, after the erasure itself, if the
     *                        files could not be wiped yet (then {@link #compactBiometricData()} finishes it)
     */
    public void deleteEmployee(String code, String actor) {
        deleteEmployee(code, actor, null);
    }

    /** {@link #deleteEmployee(String, String)}, with {@code alsoRecord} run in the erasure's transaction. */
    void deleteEmployee(String code, String actor, ErasureHook alsoRecord) {
        eraseEmployeeRows(code, actor, alsoRecord);
        try {
            scrubPending();
        } catch (StoreException e) {
            throw new StoreException("employee '" + code + "' was deleted, but their old face templates could not yet "
                    + "be wiped from the database files: " + e.getMessage(),
                    "Close other programs using the database, then compact it (this finishes the wipe; it also resumes "
                            + "by itself at the next start). " + e.fix(), e);
        }
    }

    /**
     * The transaction of {@link #deleteEmployee}: rows gone and a pending scrub recorded, together.
     * Package-private so the crash test can stop a process exactly between it and the scrub.
     */
    void eraseEmployeeRows(String code, String actor) {
        eraseEmployeeRows(code, actor, null);
    }

    /** Work done in the same transaction as an erasure (the signed erasure record). */
    @FunctionalInterface
    interface ErasureHook {
        void erased(Connection c, Instant at, int templates, int events) throws SQLException;
    }

    private void eraseEmployeeRows(String code, String actor, ErasureHook alsoRecord) {
        Objects.requireNonNull(code, "code");
        for (int attempt = 1; ; attempt++) {
            try {
                eraseEmployeeRowsOnce(code, actor, alsoRecord);
                return;
            } catch (StoreException e) {
                // a running station recorded a pass of this person between this transaction's DELETE
                // of their passes and of the person (foreign key, SQLState 23503): erase again
                if (attempt >= ERASE_ATTEMPTS || !StoreErrors.sqlStates(e).contains("23503")) {
                    throw e;
                }
            }
        }
    }

    /** Tries of an erasure that a station's concurrent pass of the same person interrupted. */
    private static final int ERASE_ATTEMPTS = 5;

    private void eraseEmployeeRowsOnce(String code, String actor, ErasureHook alsoRecord) {
        db.transaction("delete employee '" + code + "'", c -> {
            Employee e = EmployeeSql.require(c, code);
            int templates = TemplateSql.deleteForEmployee(c, e.id());
            int events = AttendanceSql.deleteForEmployee(c, e.id());
            EmployeeSql.delete(c, e.id());
            BiometricScrubber.markPending(c, "FACE_TEMPLATE");
            Instant now = Instant.now();
            AuditSql.insert(c, now, actor, "delete-employee",
                    "code " + code + ", " + templates + " face templates and " + events + " attendance events erased");
            if (alsoRecord != null) {
                alsoRecord.erased(c, now, templates, events);
            }
            GalleryChangeSql.record(c, code, GalleryChange.Kind.EMPLOYEE_DELETED, Instant.now());
            return null;
        });
        employeeChanged(code);
    }

    /**
     * Rewrites the tables that hold biometric data and retires old transaction-log files, so
     * that deleted templates and purged stranger embeddings no longer exist on disk. Normally
     * done by {@link #deleteEmployee} and {@link #purgeExpired}; call it to finish one that failed.
     */
    public void compactBiometricData() {
        BiometricScrubber.scrub(db, "FACE_TEMPLATE", "STRANGER_EVENT");
        scrubPending();
    }

    // ---------------------------------------------------------------- templates

    /**
     * Stores face templates for an employee, all or none, and audits the enrolment. All
     * templates must come from one model and have one dimension; qualities must be finite.
     * Templates the employee already has (same model and vector) are not stored again.
     *
     * @return how many new templates were stored
     * @throws StoreException if the employee is unknown or has no consent recorded, or the
     *                        templates mix models or do not fit the dimension already stored
     */
    public int addTemplates(String employeeCode, List<TemplateToSave> templates, String actor) {
        Objects.requireNonNull(employeeCode, "employeeCode");
        Objects.requireNonNull(templates, "templates");
        if (templates.isEmpty()) {
            return 0;
        }
        String modelId = checkTemplates(templates);
        int saved = db.transaction("enrol face templates for '" + employeeCode + "'", c -> {
            int added = insertTemplates(c, EmployeeSql.require(c, employeeCode), modelId, templates, actor);
            GalleryChangeSql.record(c, employeeCode, GalleryChange.Kind.ENROLMENT, Instant.now());
            return added;
        });
        employeeChanged(employeeCode);
        return saved;
    }

    /**
     * Enrols a person in one transaction: adds the employee if the code is new (with {@code name}
     * and {@code department}), records consent at {@code consentAt} if none is recorded yet, and
     * stores the templates the employee does not already have. A crash leaves either all of it or
     * nothing; enrolling the same photos again stores nothing new.
     *
     * @param name name of a new employee; ignored for an existing one
     * @return how many new templates were stored
     */
    public int enrol(String code, String name, String department, Instant consentAt, List<TemplateToSave> templates,
                     String actor) {
        checkText("employee code", code, MAX_CODE);
        Objects.requireNonNull(consentAt, "consentAt");
        Objects.requireNonNull(templates, "templates");
        if (templates.isEmpty()) {
            throw StoreErrors.invalid("no face template to enrol for '" + code + "'",
                    "Give at least one photo that passes the checks.");
        }
        String modelId = checkTemplates(templates);
        String dept = department == null || department.isBlank() ? null : department;
        if (dept != null) {
            checkText("department", dept, MAX_NAME);
        }
        int saved = db.transaction("enrol '" + code + "'", c -> {
            Instant now = Instant.now();
            Employee e = EmployeeSql.find(c, code).orElse(null);
            if (e == null) {
                String newName = name == null || name.isBlank() ? code : name;
                checkText("employee name", newName, MAX_NAME);
                e = EmployeeSql.insert(c, code, newName, dept, consentAt, now);
                AuditSql.insert(c, now, actor, "add-employee", "code " + code + ", consent recorded at " + consentAt);
            } else if (!e.hasConsent()) {
                EmployeeSql.setConsent(c, e.id(), consentAt);
                AuditSql.insert(c, now, actor, "consent", "code " + code + ", consent recorded at " + consentAt);
                e = EmployeeSql.require(c, code);
            }
            int added = insertTemplates(c, e, modelId, templates, actor);
            GalleryChangeSql.record(c, code, GalleryChange.Kind.ENROLMENT, Instant.now());
            return added;
        });
        employeeChanged(code);
        return saved;
    }

    private static int insertTemplates(Connection c, Employee e, String modelId, List<TemplateToSave> templates,
                                       String actor) throws SQLException {
        if (!e.hasConsent()) {
            throw StoreErrors.noConsent(e.code());
        }
        int dimension = templates.get(0).embedding().dimension();
        for (int stored : TemplateSql.dimensionsOf(c, modelId)) {
            if (stored != dimension) {
                throw StoreErrors.invalid("templates of model '" + modelId + "' in this database have " + stored
                                + " dimensions, the new ones have " + dimension,
                        "The model file changed but kept its id; give the new model its own id, or re-enrol "
                                + "everyone after removing the old templates.");
            }
        }
        Instant now = Instant.now();
        int added = TemplateSql.insertNew(c, e.id(), templates, now);
        int known = templates.size() - added;
        AuditSql.insert(c, now, actor, "enrol", "code " + e.code() + ", " + added + " face templates of model " + modelId
                + (known == 0 ? "" : " (" + known + " already enrolled, not stored again)"));
        return added;
    }

    /** Checks what can be checked without the database; returns the one model id. */
    private static String checkTemplates(List<TemplateToSave> templates) {
        TemplateToSave first = Objects.requireNonNull(templates.get(0), "template");
        String modelId = first.embedding().modelId();
        int dimension = first.embedding().dimension();
        if (modelId.isBlank() || modelId.length() > MAX_MODEL_ID) {
            throw StoreErrors.invalid("the model id '" + modelId + "' is empty or longer than " + MAX_MODEL_ID
                    + " characters", "Check the embedder's configuration.");
        }
        if (dimension > VectorCodec.MAX_DIMENSION) {
            throw StoreErrors.invalid("embeddings with " + dimension + " dimensions are too large to store (at most "
                    + VectorCodec.MAX_DIMENSION + ")", "Use an embedder with smaller embeddings.");
        }
        for (TemplateToSave t : templates) {
            Embedding emb = Objects.requireNonNull(t, "template").embedding();
            if (!emb.modelId().equals(modelId)) {
                throw StoreErrors.invalid("one enrolment mixes templates of models '" + modelId + "' and '"
                        + emb.modelId() + "'", "Enrol with one embedder at a time.");
            }
            if (emb.dimension() != dimension) {
                throw StoreErrors.invalid("one enrolment mixes " + dimension + "- and " + emb.dimension()
                        + "-dimensional templates of model '" + modelId + "'", "Enrol with one embedder at a time.");
            }
            if (!Float.isFinite(t.quality())) {
                // Derby's REAL refuses NaN but PostgreSQL's stores it: refuse it here, the same on every engine
                throw StoreErrors.invalid("a face template of model '" + modelId + "' has the quality " + t.quality()
                        + " (it must be a finite number)", "This is a bug in the quality check; enrol again after fixing it.");
            }
            for (float v : emb.vector()) {
                if (!Float.isFinite(v)) {
                    throw StoreErrors.invalid("a face template of model '" + modelId + "' contains NaN or infinity",
                            "This is a bug in the embedder; enrol again after fixing it.");
                }
            }
        }
        return modelId;
    }

    /** All templates of {@code modelId} belonging to active employees. */
    public List<StoredTemplate> loadTemplates(String modelId) {
        Objects.requireNonNull(modelId, "modelId");
        return db.transaction("load face templates of model '" + modelId + "'", c -> TemplateSql.loadActive(c, modelId));
    }

    /** The templates of {@code modelId} of one employee; none when they are inactive or unknown. */
    public List<StoredTemplate> loadTemplates(String modelId, String employeeCode) {
        Objects.requireNonNull(modelId, "modelId");
        Objects.requireNonNull(employeeCode, "employeeCode");
        return db.transaction("load face templates of '" + employeeCode + "'", c -> TemplateSql.loadActive(c, modelId, employeeCode));
    }

    /**
     * @throws StoreException if there is no such employee
     */
    public int countTemplates(String employeeCode) {
        Objects.requireNonNull(employeeCode, "employeeCode");
        return db.transaction("count face templates of '" + employeeCode + "'",
                c -> TemplateSql.count(c, EmployeeSql.require(c, employeeCode).id()));
    }

    /** Template counts per model id, over all employees (active or not), ordered by model id. */
    public Map<String, Integer> templateCountsByModel() {
        return db.transaction("count face templates", TemplateSql::countsByModel);
    }

    // ---------------------------------------------------------------- stations

    /** The id of the station called {@code name}, creating it if new. */
    public long ensureStation(String name) {
        checkText("station name", name, MAX_STATION);
        return db.transaction("register station '" + name + "'", c -> StationSql.ensure(c, name, Instant.now()));
    }

    // ---------------------------------------------------------------- attendance

    /**
     * Records a recognised pass. The station is created on first use; the employee is looked up
     * by code (the name in the event is ignored).
     *
     * @throws StoreException if the employee code is unknown
     */
    public void recordAttendance(AttendanceEvent.PersonRecognized e) {
        Objects.requireNonNull(e, "event");
        Objects.requireNonNull(e.time(), "event time");
        Objects.requireNonNull(e.direction(), "event direction");
        checkText("station name", e.station(), MAX_STATION);
        Objects.requireNonNull(e.employeeCode(), "employee code");
        db.transaction("record attendance of '" + e.employeeCode() + "'", c -> {
            Employee employee = EmployeeSql.require(c, e.employeeCode());
            long station = StationSql.ensure(c, e.station(), Instant.now());
            try {
                AttendanceSql.insert(c, employee.id(), station, e);
            } catch (SQLException fk) {
                if (StoreErrors.hasState(fk, "23503")) {
                    throw StoreErrors.unknownEmployee(e.employeeCode()); // deleted by another process meanwhile
                }
                throw fk;
            }
            return null;
        });
    }

    /**
     * Records a pass a station made with the globally unique {@code eventId} (a UUID, migration V7),
     * once: a replay of the same id (the station forwarding again after a crash) finds it stored and
     * changes nothing. One transaction.
     *
     * @return true when stored now, false when the event id was stored already
     * @throws StoreException if the employee code is unknown or the id is not a UUID
     */
    public boolean recordAttendance(AttendanceEvent.PersonRecognized e, String eventId) {
        Objects.requireNonNull(e, "event");
        Objects.requireNonNull(e.time(), "event time");
        Objects.requireNonNull(e.direction(), "event direction");
        checkText("station name", e.station(), MAX_STATION);
        Objects.requireNonNull(e.employeeCode(), "employee code");
        String id = EventIds.check(eventId);
        try {
            return db.transaction("record attendance of '" + e.employeeCode() + "' (event " + id + ")", c -> {
                if (AttendanceSql.hasEventId(c, id)) {
                    return false;
                }
                Employee employee = EmployeeSql.require(c, e.employeeCode());
                long station = StationSql.ensure(c, e.station(), Instant.now());
                AttendanceSql.insert(c, employee.id(), station, e, id);
                return true;
            });
        } catch (StoreException failure) {
            if (EventIds.isDuplicateEventId(failure)) {
                return false; // a concurrent delivery of the same event won
            }
            throw failure;
        }
    }

    /**
     * Records several passes from one station's journal in one transaction, each once (as
     * {@link #recordAttendance(AttendanceEvent.PersonRecognized, String)}): a station draining its
     * backlog pays one commit for the lot instead of one per pass. All or nothing: when one pass is
     * refused (its employee was deleted meanwhile), none is stored and the caller delivers them one
     * by one to find it.
     *
     * @return how many were stored now (the others were stored already)
     * @throws StoreException if an employee code is unknown or an id is not a UUID
     */
    public int recordAttendance(List<StationPass> passes) {
        Objects.requireNonNull(passes, "passes");
        for (StationPass p : passes) {
            Objects.requireNonNull(p.event().time(), "event time");
            Objects.requireNonNull(p.event().direction(), "event direction");
            checkText("station name", p.event().station(), MAX_STATION);
            Objects.requireNonNull(p.event().employeeCode(), "employee code");
            EventIds.check(p.eventId());
        }
        if (passes.isEmpty()) {
            return 0;
        }
        return db.transaction("record " + passes.size() + " passes", c -> {
            Map<String, Long> stations = new java.util.HashMap<>();
            Map<String, Long> employees = new java.util.HashMap<>();
            int stored = 0;
            for (StationPass p : passes) {
                if (AttendanceSql.hasEventId(c, p.eventId())) {
                    continue;
                }
                Long employee = employees.get(p.event().employeeCode());
                if (employee == null) {
                    employee = EmployeeSql.require(c, p.event().employeeCode()).id();
                    employees.put(p.event().employeeCode(), employee);
                }
                Long station = stations.get(p.event().station());
                if (station == null) {
                    station = StationSql.ensure(c, p.event().station(), Instant.now());
                    stations.put(p.event().station(), station);
                }
                AttendanceSql.insert(c, employee, station, p.event(), p.eventId());
                stored++;
            }
            return stored;
        });
    }

    /**
     * Passes with {@code fromInclusive <= time < toExclusive}, oldest first; all employees, or
     * only {@code employeeCodeOrNull}.
     *
     * @throws StoreException if an employee code is given and unknown
     */
    public List<AttendanceRecord> listAttendance(Instant fromInclusive, Instant toExclusive, String employeeCodeOrNull) {
        Objects.requireNonNull(fromInclusive, "fromInclusive");
        Objects.requireNonNull(toExclusive, "toExclusive");
        return db.transaction("list attendance", c -> {
            Long employeeId = employeeCodeOrNull == null ? null : EmployeeSql.require(c, employeeCodeOrNull).id();
            return AttendanceSql.list(c, fromInclusive, toExclusive, employeeId);
        });
    }

    /**
     * The employee's latest pass at or after {@code since}, so the engine can alternate IN and OUT.
     *
     * @throws StoreException if the employee code is unknown
     */
    public Optional<AttendanceRecord> lastAttendance(String employeeCode, Instant since) {
        Objects.requireNonNull(employeeCode, "employeeCode");
        Objects.requireNonNull(since, "since");
        return db.transaction("read last attendance of '" + employeeCode + "'", c ->
                Optional.ofNullable(AttendanceSql.last(c, EmployeeSql.require(c, employeeCode).id(), since)));
    }

    /**
     * When the employee was last recorded at {@code station} at or after {@code since}: a
     * restarted station asks this so its cooldown survives the restart.
     */
    public Optional<Instant> lastRecordedAt(String employeeCode, String station, Instant since) {
        Objects.requireNonNull(employeeCode, "employeeCode");
        Objects.requireNonNull(station, "station");
        Objects.requireNonNull(since, "since");
        return db.transaction("read last attendance of '" + employeeCode + "' at " + station,
                c -> AttendanceSql.lastAt(c, employeeCode, station, since));
    }

    public long countAttendance() {
        return db.transaction("count attendance", AttendanceSql::count);
    }

    // ---------------------------------------------------------------- strangers

    /**
     * Records a visit by someone who matched nobody. Their embedding (and model id) is kept so
     * later visits of the same stranger can be grouped, but only until {@code expiresAt}:
     * {@link #purgeExpired} then erases the record. With {@code expiresAt == null} the embedding is
     * not stored at all; only the time, station and best similarity are kept.
     */
    public void recordStranger(AttendanceEvent.StrangerSeen e, Instant expiresAt) {
        Objects.requireNonNull(e, "event");
        Objects.requireNonNull(e.time(), "event time");
        checkText("station name", e.station(), MAX_STATION);
        Embedding kept = expiresAt == null ? null : e.embedding();
        if (kept != null && (kept.modelId().length() > MAX_MODEL_ID || kept.dimension() > VectorCodec.MAX_DIMENSION)) {
            throw StoreErrors.invalid("the stranger's embedding is too large to store",
                    "Use an embedder with at most " + VectorCodec.MAX_DIMENSION + " dimensions.");
        }
        db.transaction("record a stranger", c -> {
            long station = StationSql.ensure(c, e.station(), Instant.now());
            StrangerSql.insert(c, station, e.time(), e.bestSimilarity(), kept, expiresAt);
            return null;
        });
    }

    /** Stranger visits with {@code from <= time < to}, oldest first. */
    public List<StrangerRecord> listStrangers(Instant from, Instant to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        return db.transaction("list strangers", c -> StrangerSql.list(c, from, to));
    }

    /**
     * Erases stranger visits whose expiry is at or before {@code now}, embeddings included, and
     * wipes them from the database files.
     *
     * @return how many were erased
     */
    public int purgeExpired(Instant now) {
        Objects.requireNonNull(now, "now");
        int purged = db.transaction("purge expired strangers", c -> {
            int n = StrangerSql.deleteExpired(c, now);
            if (n > 0) {
                BiometricScrubber.markPending(c, "STRANGER_EVENT");
                AuditSql.insert(c, Instant.now(), osUser(), "purge-strangers", n + " stranger visits expired by " + now);
            }
            return n;
        });
        if (purged > 0) {
            scrubPending();
        }
        return purged;
    }

    // ---------------------------------------------------------------- audit

    /** Appends to the audit trail. Keep biometric data out of {@code detail}. */
    public void audit(String actor, String action, String detail) {
        checkText("audit action", action, AuditSql.MAX_ACTION);
        db.transaction("write the audit log", c -> {
            AuditSql.insert(c, Instant.now(), actor, action, detail);
            return null;
        });
    }

    /** The newest {@code limit} audit entries, newest first. */
    public List<AuditEntry> listAudit(int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return db.transaction("read the audit log", c -> AuditSql.latest(c, limit));
    }

    /** The audit entries {@code query} selects, newest first (needs a role that may read the log). */
    public List<AuditEntry> listAudit(AuditQuery query) {
        Objects.requireNonNull(query, "query");
        if (query.limit() <= 0) {
            return List.of();
        }
        return db.transaction("read the audit log", c -> AuditSql.query(c, query));
    }

    /**
     * The transaction runner, for the feature stores in this package (schedules, alerts) that keep
     * their own tables in the same database. Package-private: callers outside the store use those
     * classes, never raw SQL.
     */
    Database database() {
        return db;
    }

    // ---------------------------------------------------------------- lifecycle

    /**
     * Closes the connections; for an embedded database also shuts it down cleanly (once the last
     * store on that folder in this JVM closes), so another process can open it next.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        StoreSignIn.Session s = session;
        if (s != null && s.account() != null) {
            try {
                audit(s.account(), "logout", null);
            } catch (StoreException e) {
                Logger.getLogger(DerbyAttendanceStore.class.getName()).warning("could not audit the sign-out: " + e.getMessage());
            }
        }
        db.close();
        if (!location.isNetwork()) {
            EmbeddedDatabases.release(location.directory(), location,
                    s == null ? null : s.shutdownUser(), s == null ? null : s.shutdownPassword());
        }
        // Network mode: the database stays up on the server for the other stations.
    }

    @Override
    public String toString() {
        return "DerbyAttendanceStore[" + location + "]";
    }

    private static void checkText(String what, String value, int max) {
        if (value == null || value.isBlank()) {
            throw StoreErrors.invalid("the " + what + " is empty", "Give a " + what + ".");
        }
        if (value.length() > max) {
            throw StoreErrors.invalid("the " + what + " '" + value + "' is longer than " + max + " characters",
                    "Use a shorter " + what + ".");
        }
    }

    /**
     * Who to name in the audit trail when the caller did not say: the signed-in account, else the
     * operating-system user.
     */
    private String osUser() {
        return actor();
    }

    private String actor() {
        StoreSignIn.Session s = session;
        return s != null && s.account() != null ? s.account() : System.getProperty("user.name", "unknown");
    }
}
