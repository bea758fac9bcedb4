package com.faceattend.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.faceattend.store.testdb.PostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line on a real PostgreSQL server: {@code --db URL} for one command, {@code db use URL}
 * for every later one (the settings entry the desktop and {@code faceattend run} follow too), the
 * password from a credentials file, and Derby-only commands refused with what PostgreSQL offers.
 */
class PostgresCommandLineTest {
    @TempDir
    Path tmp;

    @Test
    void aDataFolderWorksOnPostgresThroughTheSettingsEntry() throws Exception {
        PostgresServer pg = PostgresServer.shared();
        String url = pg.newDatabase("cli");
        Path data = tmp.resolve("data");
        Path credentials = tmp.resolve("db.credentials");
        Files.writeString(credentials, "user=" + PostgresServer.USER + "\npassword=" + pg.password() + "\n");
        Files.setPosixFilePermissions(credentials, PosixFilePermissions.fromString("rw-------"));
        String creds = credentials.toString();

        Cli.Result use = Cli.run(data, "--credentials", creds, "db", "use", url);
        assertEquals(ExitCode.OK, use.exitCode(), use.toString());
        Cli.Result added = Cli.run(data, "--credentials", creds, "holiday", "add", "2026-12-24", "Christmas", "Eve");
        assertEquals(ExitCode.OK, added.exitCode(), added.toString());
        try (Connection c = pg.connect(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT name FROM holiday")) {
            assertTrue(rs.next(), "the holiday went into PostgreSQL");
            assertEquals("Christmas Eve", rs.getString(1));
        }
        assertFalse(Files.exists(data.resolve("db")), "no embedded Derby database was created");
        Cli.Result listed = Cli.run(data, "--credentials", creds, "holiday", "list", "--year", "2026");
        assertTrue(listed.out().contains("Christmas Eve"), listed.toString());

        Cli.Result encrypt = Cli.run(data, "--credentials", creds, "db", "encrypt");
        assertEquals(ExitCode.USAGE, encrypt.exitCode(), encrypt.toString());
        assertTrue(encrypt.err().contains("Derby") && encrypt.err().contains("encrypted disk"), encrypt.toString());
        assertFalse(encrypt.err().contains("Exception"), "no stack trace: " + encrypt);
        Cli.Result users = Cli.run(data, "--credentials", creds, "users", "init", "--admin", "boss");
        assertEquals(ExitCode.USAGE, users.exitCode(), users.toString());
        assertTrue(users.err().contains("CREATE ROLE"), users.toString());

        Cli.Result mysql = Cli.run(data, "--db", "jdbc:mysql://db/faceattend?password=hunter2", "holiday", "list");
        assertEquals(ExitCode.USAGE, mysql.exitCode(), mysql.toString());
        assertFalse(mysql.err().contains("hunter2"), mysql.toString());

        assertEquals(ExitCode.OK, Cli.run(data, "db", "use", "--embedded").exitCode());
        assertTrue(Cli.run(data, "db", "use").out().contains("own database"));
    }
}
