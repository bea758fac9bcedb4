package com.faceattend.store;

import com.faceattend.spi.Problem;
import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.flywaydb.core.api.FlywayException;

/**
 * Turns JDBC, Derby and Flyway failures into {@link StoreException}s a user can act on. Derby's
 * own text is kept only as a detail after a plain-words problem, never as the whole message.
 * Derby reports the real cause as a chained ("next") exception behind a generic one such as XJ040
 * "Failed to start database", so the whole chain is searched for the SQLStates that matter.
 */
final class StoreErrors {
    private static final String GENERIC_FIX =
            "Try again; if it keeps failing, look at derby.log next to the database folder and report the problem.";

    private StoreErrors() {
    }

    static StoreException unknownEmployee(String code) {
        return new StoreException(Problem.Kind.NOT_FOUND, "no employee with code '" + code + "'",
                "Check the code against the list of employees.");
    }

    static StoreException duplicateEmployee(String code) {
        return new StoreException(Problem.Kind.REFUSED, "an employee with code '" + code + "' already exists",
                "Pick another code, or update the existing employee instead of adding it again.");
    }

    static StoreException noConsent(String code) {
        return new StoreException(Problem.Kind.REFUSED, "employee '" + code + "' has no consent recorded, so FaceAttend will not store their face templates",
                "record the employee's consent first, then enrol again.");
    }

    static StoreException invalid(String problem, String fix) {
        return new StoreException(Problem.Kind.BAD_VALUE, problem, fix);
    }

    static StoreException lockedByOtherProcess(Location where, Throwable cause) {
        if (where.isNetwork()) {
            return new StoreException(where + " is in use by another process that opened its folder directly, "
                    + "so the network server cannot open it",
                    "Stop the FaceAttend instance that uses the database folder directly and let every station "
                            + "connect through the Derby network server (see README).", cause);
        }
        return new StoreException("the database at " + where.directory()
                + " is in use by another FaceAttend process (pid unknown)",
                "Close the other instance, or run several stations against a Derby network server (see README).", cause);
    }

    /**
     * Translates any failure that happened while {@code doing} something (worded to follow "could
     * not", e.g. "add employee 'E1'") with the database at {@code where}.
     */
    static StoreException translate(Throwable failure, Location where, String doing) {
        if (failure instanceof StoreException se) {
            return se;
        }
        Set<String> states = sqlStates(failure);
        String detail = deepestMessage(failure);
        if (where.isPostgres()) {
            StoreException pg = translatePostgres(failure, states, detail, where, doing);
            if (pg != null) {
                return pg;
            }
        }

        if (states.contains("XSDB6")) {
            return lockedByOtherProcess(where, failure);
        }
        if (states.contains("08001")) {
            return new StoreException("no Derby network server answers at " + where.server(),
                    "Start it on that machine (`startNetworkServer -h 0.0.0.0 -p " + where.port()
                            + "`, see README), check the host name and port, and that no firewall blocks the port.", failure);
        }
        if (states.contains("08004")) {
            return new StoreException("the Derby network server at " + where.server() + " refused to open database '"
                    + where.databaseName() + "' (" + detail + ")",
                    "Check the database name (it is a path on the server machine, or relative to the server's "
                            + "derby.system.home) and the server's user settings.", failure);
        }
        if (states.contains("XBM0J") || states.contains("XBM0A")) {
            return new StoreException("the folder " + where.databaseName() + " exists but is not a FaceAttend database",
                    "Point FaceAttend at an empty or new folder, or at the folder of an existing FaceAttend database.", failure);
        }
        if (isDiskFull(failure, states)) {
            return new StoreException("could not " + doing + ": the disk holding " + where
                    + " is full or cannot be written (" + detail + ")",
                    "Free some disk space (or move the database to a larger disk), check that the user running "
                            + "FaceAttend may write to the folder, then try again.", failure);
        }
        if (containsAny(states, "25502", "25503", "XSLAH", "XSDFB", "XSTB2")) {
            return new StoreException("could not " + doing + ": " + where + " is read-only",
                    "The folder is on read-only media or its files are not writable by this user; fix the "
                            + "permissions or copy the database to a writable folder.", failure);
        }
        if (states.contains("XJ004") && !where.isNetwork()) {
            return new StoreException("could not create the database at " + where.directory()
                    + ": the folder cannot be created there",
                    "Choose a folder you can write to, and check that the disk is not full.", failure);
        }
        if (states.contains("XSLAN") || states.contains("XCL47")) {
            return new StoreException(where + " was written by a newer Derby version than this FaceAttend uses (" + detail + ")",
                    "Use the FaceAttend version that last wrote this database, or a newer one.", failure);
        }
        if (states.contains("XJ040") || containsPrefix(states, "XSDG", "XSLA", "XSDB", "XCY0", "XBM0")) {
            return new StoreException(where + " could not be opened: its files look damaged (" + detail + ")",
                    "Restore the database folder from a backup. If it was copied while FaceAttend was running, "
                            + "copy it again with FaceAttend stopped.", failure);
        }
        if (containsAny(states, "40001", "40XL1", "40XL2")) {
            return new StoreException("could not " + doing + ": " + where + " is busy (another station or command holds a lock)",
                    "Try again in a moment.", failure);
        }
        if (containsPrefix(states, "08")) {
            return new StoreException("could not " + doing + ": the connection to " + where + " was lost (" + detail + ")",
                    where.isNetwork()
                            ? "Check that the Derby network server at " + where.server() + " is still running and reachable, then try again."
                            : "Restart FaceAttend; if it keeps happening, look at derby.log next to the database folder.", failure);
        }
        if (states.contains("22001")) {
            return new StoreException("could not " + doing + ": a value is too long for the database",
                    "Use shorter text (codes up to 64 characters, names up to 200).", failure);
        }
        if (states.contains("22003")) {
            return new StoreException("could not " + doing + ": a number is out of range (not finite, or too large)",
                    "This is a bug in the caller: check the scores and qualities passed to the store.", failure);
        }
        if (states.contains("23505")) {
            return new StoreException("could not " + doing + ": the same entry already exists",
                    "Check the existing entries before adding it again.", failure);
        }
        if (containsAny(states, "42500", "42502", "42504", "4251A", "4251B", "42507", "42508")) {
            return refusedByRole(failure, doing, detail);
        }
        if (states.contains("23513") && detail.toUpperCase(java.util.Locale.ROOT).contains("AUDIT_LOG_IS_APPEND_ONLY")) {
            return new StoreException(com.faceattend.spi.Problem.Kind.REFUSED, "could not " + doing
                    + ": the audit log is append-only; no account, not even the database owner, may change or delete its entries",
                    "Add a new entry that corrects the record instead.", failure);
        }
        if (containsPrefix(states, "42")) {
            return new StoreException(where + " does not have the tables FaceAttend expects (" + detail + ")",
                    "It may have been changed by hand or by another program; restore it from a backup.", failure);
        }
        if (states.isEmpty() && failure instanceof FlywayException
                && String.valueOf(failure.getMessage()).contains("non-empty schema")) {
            return new StoreException(where + " holds tables of another program, not a FaceAttend database",
                    "Point FaceAttend at an empty or new folder, or at the folder of an existing FaceAttend database.",
                    failure);
        }
        if (states.isEmpty() && failure instanceof FlywayException) {
            return new StoreException("could not bring the schema of " + where + " up to date (" + firstLine(failure.getMessage()) + ")",
                    "Use a FaceAttend version at least as new as the one that last wrote this database; if its tables "
                            + "were changed by hand, restore a backup.", failure);
        }
        return new StoreException("could not " + doing + " in " + where + " (" + detail
                + (states.isEmpty() ? "" : ", SQLState " + String.join("/", states)) + ")", GENERIC_FIX, failure);
    }

    /**
     * PostgreSQL's own SQLStates (the standard ones, 23505 or 22001, are shared with Derby and
     * handled below); null where the shared translation applies.
     */
    private static StoreException translatePostgres(Throwable failure, Set<String> states, String detail, Location where,
                                                    String doing) {
        if (containsAny(states, "08001", "08006", "08004") && !containsAny(states, "28P01", "28000", "3D000")) {
            return new StoreException("no PostgreSQL server answers at " + where.server() + " (" + detail + ")",
                    "Start it on that machine (e.g. `systemctl start postgresql`), check the host name and port in the "
                            + "jdbc:postgresql:// URL, the server's listen_addresses and pg_hba.conf, and that no firewall "
                            + "blocks the port.", failure);
        }
        if (containsAny(states, "28P01", "28000")) {
            return new StoreException(Problem.Kind.REFUSED, "the PostgreSQL server at " + where.server()
                    + " refused the sign-in to database '" + where.databaseName() + "' (" + detail + ")",
                    "Check the database user and password (FACEATTEND_DB_USER and FACEATTEND_DB_PASSWORD, --db-user, "
                            + "or the credentials file) and the server's pg_hba.conf.", failure);
        }
        if (states.contains("3D000")) {
            return new StoreException("the PostgreSQL server at " + where.server() + " has no database '"
                    + where.databaseName() + "'",
                    "Create it for the FaceAttend user (`createdb -O USER " + where.databaseName()
                            + "`); FaceAttend creates its tables on first use.", failure);
        }
        if (containsAny(states, "53100", "53200")) {
            return new StoreException("could not " + doing + ": the PostgreSQL server at " + where.server()
                    + " is out of disk space or memory (" + detail + ")",
                    "Free disk space on the server (or give it more), then try again.", failure);
        }
        if (containsAny(states, "40P01", "55P03")) {
            return new StoreException("could not " + doing + ": " + where + " is busy (another station or command holds a lock)",
                    "Try again in a moment.", failure);
        }
        if (states.contains("25006")) {
            return new StoreException("could not " + doing + ": " + where + " is read-only (a standby, or "
                    + "default_transaction_read_only is on)", "Point FaceAttend at the primary server.", failure);
        }
        if (states.contains("42501")) {
            return new StoreException(Problem.Kind.REFUSED, "could not " + doing
                    + ": the PostgreSQL role signed in lacks a privilege (" + detail + ")",
                    "Ask the database administrator to GRANT it to the role FaceAttend signs in as "
                            + "(FaceAttend's own accounts and roles are Derby-only; on PostgreSQL its roles apply).",
                    failure);
        }
        if (states.contains("23514") && detail.toUpperCase(java.util.Locale.ROOT).contains("AUDIT_LOG_IS_APPEND_ONLY")) {
            return new StoreException(Problem.Kind.REFUSED, "could not " + doing
                    + ": the audit log is append-only; no account, not even the database owner, may change or delete its entries",
                    "Add a new entry that corrects the record instead.", failure);
        }
        if (containsPrefix(states, "08")) {
            return new StoreException("could not " + doing + ": the connection to " + where + " was lost (" + detail + ")",
                    "Check that the PostgreSQL server at " + where.server() + " is still running and reachable, then try again.",
                    failure);
        }
        if (containsPrefix(states, "42")) {
            return new StoreException(where + " does not have the tables FaceAttend expects (" + detail + ")",
                    "It may have been changed by hand or by another program; restore it from a backup (pg_dump).", failure);
        }
        if (containsAny(states, "40001", "22001", "22003", "23505")) {
            return null;
        }
        if (states.isEmpty() && failure instanceof FlywayException) {
            return null;
        }
        return new StoreException("could not " + doing + " in " + where + " (" + detail
                + (states.isEmpty() ? "" : ", SQLState " + String.join("/", states)) + ")",
                "Try again; if it keeps failing, look at the PostgreSQL server's log and report the problem.", failure);
    }

    private static final java.util.regex.Pattern PERMISSION = java.util.regex.Pattern.compile(
            "User '([^']+)' does not have (\\w+) permission on (?:column '[^']*' of )?table '[^']*'\\.'([^']+)'.*",
            java.util.regex.Pattern.DOTALL);

    /** Derby refused an operation the account's role does not allow: name the role that would. */
    private static StoreException refusedByRole(Throwable failure, String doing, String detail) {
        var m = PERMISSION.matcher(detail);
        String needed = "";
        if (m.matches()) {
            var roles = RoleGrants.rolesAllowed(m.group(2), m.group(3));
            needed = roles.isEmpty() ? "; no role may do this"
                    : "; this needs the role " + String.join(" or ", roles.stream().map(Enum::name).toList());
        }
        return new StoreException(com.faceattend.spi.Problem.Kind.REFUSED, "could not " + doing
                + ": your account's role does not allow it (" + detail + ")" + needed,
                "Sign in with an account that has the role needed, or ask an administrator.", failure);
    }

    static boolean hasState(Throwable failure, String state) {
        return sqlStates(failure).contains(state);
    }

    /** All SQLStates in the cause chain and in each SQLException's "next" chain, outermost first. */
    static Set<String> sqlStates(Throwable failure) {
        Set<String> states = new LinkedHashSet<>();
        for (Throwable t : chain(failure)) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                states.add(sql.getSQLState());
            }
        }
        return states;
    }

    private static boolean isDiskFull(Throwable failure, Set<String> states) {
        if (containsAny(states, "XSDG1", "XSLA0", "XSLA4", "XSLAE", "XSDFI", "XBM0B", "XSDF1")) {
            return true;
        }
        for (Throwable t : chain(failure)) {
            String m = t.getMessage();
            if (t instanceof IOException && m != null
                    && (m.contains("No space left") || m.contains("Disk quota") || m.contains("not enough space"))) {
                return true;
            }
        }
        return false;
    }

    /** The innermost message: Derby's outer exceptions only say "see the next exception". */
    private static String deepestMessage(Throwable failure) {
        List<Throwable> all = chain(failure);
        for (int i = all.size() - 1; i >= 0; i--) {
            String m = all.get(i).getMessage();
            if (m != null && !m.isBlank() && !m.contains("see the next exception")) {
                return firstLine(m);
            }
        }
        return failure.getClass().getSimpleName();
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        String trimmed = s.strip();
        int nl = trimmed.indexOf('\n');
        return nl < 0 ? trimmed : trimmed.substring(0, nl).strip();
    }

    /** Causes and SQLException next-chains, flattened breadth-first; guards against cycles. */
    private static List<Throwable> chain(Throwable failure) {
        List<Throwable> out = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> todo = new ArrayDeque<>();
        todo.add(failure);
        while (!todo.isEmpty() && out.size() < 64) {
            Throwable t = todo.poll();
            if (!seen.add(t)) {
                continue;
            }
            out.add(t);
            if (t instanceof SQLException sql && sql.getNextException() != null) {
                todo.add(sql.getNextException());
            }
            if (t.getCause() != null) {
                todo.add(t.getCause());
            }
        }
        return out;
    }

    private static boolean containsAny(Set<String> states, String... wanted) {
        for (String w : wanted) {
            if (states.contains(w)) {
                return true;
            }
        }
        return false;
    }

    private static boolean containsPrefix(Set<String> states, String... prefixes) {
        for (String s : states) {
            for (String p : prefixes) {
                if (s.startsWith(p)) {
                    return true;
                }
            }
        }
        return false;
    }
}
