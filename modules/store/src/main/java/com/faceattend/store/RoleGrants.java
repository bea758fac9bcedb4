package com.faceattend.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The FaceAttend roles and their GRANTs ({@code db/security/roles.sql}), compared with what the
 * database itself holds (Derby's catalog: {@code SYS.SYSROLES}, {@code SYS.SYSTABLEPERMS}) and
 * brought up to date by the database owner. Not a Flyway migration: Derby accepts CREATE ROLE only
 * once SQL authorisation is on, which takes a reboot after {@code users init} switches it on, and
 * databases without accounts (and PostgreSQL) never need them. Comparing with the catalog rather
 * than keeping a "roles version" means a database secured by an older FaceAttend (before V7–V9
 * added tables) gets exactly the grants it lacks, whichever version last migrated it.
 */
final class RoleGrants {
    static final String SCRIPT = "db/security/roles.sql";
    private static final Pattern GRANT = Pattern.compile("GRANT (.+) ON (\"[^\"]+\"|\\w+) TO (.+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern CREATE_ROLE = Pattern.compile("CREATE ROLE (\\w+)", Pattern.CASE_INSENSITIVE);

    /** One privilege of roles.sql: {@code privilege} (SELECT, ...) on {@code table} for {@code grantee}, as Derby names them. */
    record Privilege(String grantee, String privilege, String table) {
        String grantStatement() {
            return "GRANT " + privilege + " ON " + quoted(table) + " TO " + grantee;
        }

        @Override
        public String toString() {
            return privilege + " on " + table.toLowerCase(Locale.ROOT) + " for " + grantee;
        }
    }

    private RoleGrants() {
    }

    /**
     * Creates the roles and grants that roles.sql names and the database lacks, as the owner; runs
     * in the caller's transaction. Idempotent: on a database that has them all it changes nothing.
     *
     * @return what it granted or created, in words (empty when nothing was missing)
     */
    static List<String> bringUpToDate(Connection owner) throws SQLException {
        List<String> done = new ArrayList<>();
        Set<String> roles = existingRoles(owner);
        try (Statement s = owner.createStatement()) {
            for (String role : declaredRoles()) {
                if (!roles.contains(role)) {
                    s.execute("CREATE ROLE " + role);
                    done.add("role " + role);
                }
            }
            for (Privilege p : missing(owner, null)) {
                s.execute(p.grantStatement());
                done.add(p.toString());
            }
        }
        return done;
    }

    /**
     * The privileges of roles.sql that the database does not hold, for {@code role} (and PUBLIC)
     * only, or for every role when {@code role} is null. Readable by any account: Derby lets every
     * user read its catalog (but SYSUSERS), so a person's or station's sign-in can tell that the
     * owner has not upgraded the grants yet.
     */
    static List<Privilege> missing(Connection c, StoreRole role) throws SQLException {
        Set<Privilege> held = new HashSet<>();
        String sql = "SELECT p.grantee, t.tablename, p.selectpriv, p.insertpriv, p.updatepriv, p.deletepriv "
                + "FROM SYS.SYSTABLEPERMS p JOIN SYS.SYSTABLES t ON t.tableid = p.tableid "
                + "JOIN SYS.SYSSCHEMAS s ON s.schemaid = t.schemaid WHERE s.schemaname = '" + OwnerSecret.OWNER + "'";
        String[] names = {"SELECT", "INSERT", "UPDATE", "DELETE"};
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                for (int i = 0; i < names.length; i++) {
                    String flag = rs.getString(3 + i);
                    if ("y".equalsIgnoreCase(flag)) { // 'y' granted, 'Y' with grant option, 'N' not
                        held.add(new Privilege(rs.getString(1), names[i], rs.getString(2)));
                    }
                }
            }
        }
        List<Privilege> out = new ArrayList<>();
        for (Privilege p : declared()) {
            boolean concerns = role == null || p.grantee().equals(role.sqlRole()) || p.grantee().equals("PUBLIC");
            if (concerns && !held.contains(p)) {
                out.add(p);
            }
        }
        return out;
    }

    /** Every privilege roles.sql grants, one per grantee, privilege and table, in script order. */
    static List<Privilege> declared() {
        Set<Privilege> out = new LinkedHashSet<>();
        for (String statement : statements()) {
            Matcher m = GRANT.matcher(statement);
            if (!m.matches()) {
                continue;
            }
            String table = identifier(m.group(2));
            for (String privilege : m.group(1).split(",")) {
                for (String grantee : m.group(3).split(",")) {
                    out.add(new Privilege(identifier(grantee), privilege.strip().toUpperCase(Locale.ROOT), table));
                }
            }
        }
        return List.copyOf(out);
    }

    /** The roles roles.sql creates, as Derby names them (FA_ADMIN, ...). */
    static List<String> declaredRoles() {
        List<String> out = new ArrayList<>();
        for (String statement : statements()) {
            Matcher m = CREATE_ROLE.matcher(statement);
            if (m.matches()) {
                out.add(identifier(m.group(1)));
            }
        }
        return out;
    }

    /**
     * The roles that roles.sql grants {@code privilege} (SELECT, INSERT, ...) on {@code table}, for
     * refusals that name the role needed; read from the script itself so the two cannot disagree.
     */
    static List<StoreRole> rolesAllowed(String privilege, String table) {
        List<StoreRole> out = new ArrayList<>();
        for (Privilege p : declared()) {
            if (p.privilege().equalsIgnoreCase(privilege.strip()) && p.table().equalsIgnoreCase(identifier(table))) {
                StoreRole.parse(p.grantee()).filter(r -> !out.contains(r)).ifPresent(out::add);
            }
        }
        return out;
    }

    private static Set<String> existingRoles(Connection c) throws SQLException {
        Set<String> out = new HashSet<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT roleid FROM SYS.SYSROLES WHERE isdef = 'Y'")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    /** Derby's form of an SQL identifier: a quoted one as written, an unquoted one in upper case. */
    private static String identifier(String text) {
        String t = text.strip();
        return t.startsWith("\"") && t.endsWith("\"") && t.length() > 1 ? t.substring(1, t.length() - 1) : t.toUpperCase(Locale.ROOT);
    }

    private static String quoted(String identifier) {
        return identifier.equals(identifier.toUpperCase(Locale.ROOT)) ? identifier : "\"" + identifier + "\"";
    }

    private static List<String> statements() {
        try (InputStream in = RoleGrants.class.getClassLoader().getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException(SCRIPT + " is missing from the store jar");
            }
            StringBuilder sql = new StringBuilder();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.strip().startsWith("--")) {
                    sql.append(line).append('\n');
                }
            }
            return Arrays.stream(sql.toString().split(";")).map(s -> s.strip().replaceAll("\\s+", " ")).filter(s -> !s.isEmpty()).toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + SCRIPT, e);
        }
    }
}
