package com.faceattend.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Creates the FaceAttend roles and their GRANTs ({@code db/security/roles.sql}) as the database
 * owner. Not a Flyway migration: Derby accepts CREATE ROLE only once SQL authorisation is on,
 * which takes a reboot after {@code users init} switches it on, and databases without accounts
 * never need them.
 */
final class RoleGrants {
    static final String SCRIPT = "db/security/roles.sql";

    private RoleGrants() {
    }

    /** Applies the roles script unless the roles exist already; runs in the caller's transaction. */
    static void ensure(Connection owner) throws SQLException {
        try (PreparedStatement ps = owner.prepareStatement("SELECT COUNT(*) FROM SYS.SYSROLES WHERE roleid = ? AND isdef = 'Y'")) {
            ps.setString(1, StoreRole.ADMIN.sqlRole());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next() && rs.getInt(1) > 0) {
                    return;
                }
            }
        }
        try (Statement s = owner.createStatement()) {
            for (String statement : statements()) {
                s.execute(statement);
            }
        }
    }

    /**
     * The roles that roles.sql grants {@code privilege} (SELECT, INSERT, ...) on {@code table}, for
     * refusals that name the role needed; read from the script itself so the two cannot disagree.
     */
    static java.util.List<StoreRole> rolesAllowed(String privilege, String table) {
        java.util.List<StoreRole> out = new java.util.ArrayList<>();
        var grant = java.util.regex.Pattern.compile("GRANT (.+) ON (\\w+) TO (.+)", java.util.regex.Pattern.CASE_INSENSITIVE);
        for (String statement : statements()) {
            var m = grant.matcher(statement);
            if (m.matches() && m.group(2).equalsIgnoreCase(table)
                    && java.util.Arrays.stream(m.group(1).split(",")).anyMatch(p -> p.strip().equalsIgnoreCase(privilege))) {
                for (String role : m.group(3).split(",")) {
                    StoreRole.parse(role).filter(r -> !out.contains(r)).ifPresent(out::add);
                }
            }
        }
        return out;
    }

    private static java.util.List<String> statements() {
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
            return java.util.Arrays.stream(sql.toString().split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + SCRIPT, e);
        }
    }
}
