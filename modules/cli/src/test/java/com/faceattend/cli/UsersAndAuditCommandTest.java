package com.faceattend.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17 on the command line: `users init` switches accounts on; from then on commands need
 * credentials, an account's role limits what it may do, and each refusal says why (exit code 2).
 */
class UsersAndAuditCommandTest {
    static final String BOSS_PW = "tall ship 77";
    static final String HR_PW = "green lamp 31";

    @TempDir
    Path tmp;

    Path secret(String name, String text, String perms) throws IOException {
        Path f = tmp.resolve(name);
        Files.writeString(f, text);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString(perms));
        return f;
    }

    @Test
    void accountsRolesAndRefusalsOnTheCommandLine() throws Exception {
        Path data = tmp.resolve("data");
        Cli.Result created = Cli.run(data, "employees", "list");
        assertEquals(ExitCode.OK, created.exitCode(), created.toString()); // no accounts yet: open to all, as before

        Cli.Result weak = Cli.run(data, "users", "init", "--admin", "boss", "--password-file", secret("weak", "short1", "rw-------").toString());
        assertEquals(ExitCode.USAGE, weak.exitCode(), weak.toString());
        assertTrue(weak.err().contains("shorter than 10 characters"), weak.toString());

        Cli.Result init = Cli.run(data, "users", "init", "--admin", "boss",
                "--password-file", secret("boss-new", BOSS_PW + "\n", "rw-------").toString());
        assertEquals(ExitCode.OK, init.exitCode(), init.toString());
        assertTrue(Files.isRegularFile(data.resolve("secrets/owner-db.secret")));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("secrets/owner-db.secret"))));

        Cli.Result anonymous = Cli.run(data, "employees", "list");
        assertEquals(ExitCode.USAGE, anonymous.exitCode(), anonymous.toString());
        assertTrue(anonymous.err().contains("has user accounts: sign in first"), anonymous.toString());

        String boss = secret("boss.cred", "user=boss\npassword=" + BOSS_PW + "\n", "rw-------").toString();
        Cli.Result add = Cli.run(data, "--credentials", boss, "users", "add", "hilda", "--role", "hr",
                "--password-file", secret("hilda-new", HR_PW, "rw-------").toString());
        assertEquals(ExitCode.OK, add.exitCode(), add.toString());

        String hilda = secret("hilda.cred", "user=hilda\npassword=" + HR_PW + "\n", "rw-------").toString();
        Cli.Result hrEmployees = Cli.run(data, "--credentials", hilda, "employees", "list");
        assertEquals(ExitCode.OK, hrEmployees.exitCode(), hrEmployees.toString());
        Cli.Result hrUsers = Cli.run(data, "--credentials", hilda, "users", "list");
        assertEquals(ExitCode.USAGE, hrUsers.exitCode(), hrUsers.toString());
        assertTrue(hrUsers.err().contains("needs the role ADMIN"), hrUsers.toString());
        Cli.Result hrAudit = Cli.run(data, "--credentials", hilda, "audit", "list");
        assertEquals(ExitCode.USAGE, hrAudit.exitCode(), hrAudit.toString());
        assertTrue(hrAudit.err().contains("needs the role ADMIN or AUDITOR"), hrAudit.toString());

        String wrong = secret("wrong.cred", "user=hilda\npassword=not the password 9\n", "rw-------").toString();
        Cli.Result wrongPw = Cli.run(data, "--credentials", wrong, "employees", "list");
        assertEquals(ExitCode.USAGE, wrongPw.exitCode(), wrongPw.toString());
        assertTrue(wrongPw.err().contains("wrong user name or password"), wrongPw.toString());

        String open = secret("open.cred", "user=boss\npassword=" + BOSS_PW + "\n", "rw-r--r--").toString();
        Cli.Result readable = Cli.run(data, "--credentials", open, "employees", "list");
        assertEquals(ExitCode.USAGE, readable.exitCode(), readable.toString());
        assertTrue(readable.err().contains("may be read or changed by other users"), readable.toString());

        Cli.Result list = Cli.run(data, "--credentials", boss, "users", "list");
        assertEquals(ExitCode.OK, list.exitCode(), list.toString());
        assertTrue(list.out().contains("hilda") && list.out().contains("hr"), list.toString());

        Cli.Result audit = Cli.run(data, "--credentials", boss, "audit", "list", "--actor", "hilda", "--json");
        assertEquals(ExitCode.OK, audit.exitCode(), audit.toString());
        var actions = new java.util.ArrayList<String>();
        audit.json().forEach(n -> actions.add(n.get("action").asText()));
        assertTrue(actions.contains("login") && actions.contains("logout") && actions.contains("login-failed"), actions.toString());
        Cli.Result userChanges = Cli.run(data, "--credentials", boss, "audit", "list", "--action", "user-*");
        assertTrue(userChanges.out().contains("account hilda, role HR"), userChanges.toString());
    }
}
