package com.faceattend.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code faceattend server}'s Derby network server in its own JVM (its settings are JVM-wide),
 * reached with plain JDBC as any other tool would: without TLS or without the password it refuses.
 * Derby only by nature (the server is Derby's).
 */
class SecureNetworkServerTest {
    @TempDir
    Path tmp;

    @Test
    void onlyTlsClientsWithThePasswordGetIn() throws Exception {
        int port = freePort();
        Path secrets = tmp.resolve("secrets");
        Path db = tmp.resolve("data/db");
        Path log = tmp.resolve("server.log");
        Process server = ChildJvm.start(log, "serve", db.toString(), secrets.toString(), String.valueOf(port), "tls");
        try {
            assertTrue(ChildJvm.awaitLine(server, log, "SERVING", 120), () -> read(log));
            String password = Files.readString(SecureNetworkServer.userPasswordFile(secrets)).strip();
            String url = "jdbc:derby://127.0.0.1:" + port + "/" + db;

            SQLException plain = assertThrows(SQLException.class,
                    () -> DriverManager.getConnection(url + ";user=faceattend;password=" + password).close());
            assertTrue(plain.getSQLState().startsWith("08"), "no TLS: refused at the connection (" + plain.getSQLState() + " " + plain.getMessage() + ")");

            SQLException anonymous = assertThrows(SQLException.class,
                    () -> DriverManager.getConnection(url + ";ssl=basic").close());
            assertEquals("08004", anonymous.getSQLState(), "no password: refused by authentication");

            SQLException wrong = assertThrows(SQLException.class,
                    () -> DriverManager.getConnection(url + ";ssl=basic;user=faceattend;password=guess").close());
            assertEquals("08004", wrong.getSQLState());

            try (Connection c = DriverManager.getConnection(url + ";ssl=basic;user=faceattend;password=" + password);
                    Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM app.employee")) {
                assertTrue(rs.next());
                assertEquals(0, rs.getInt(1), "TLS and the password: in, on the migrated (encrypted) database");
            }
            assertTrue(StoreEncryption.isEncrypted(db));
            if (OwnerOnlyFiles.posix()) {
                assertEquals(OwnerOnlyFiles.FILE, Files.getPosixFilePermissions(secrets.resolve(SecureNetworkServer.KEYSTORE)));
            }
        } finally {
            server.destroy();
            server.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void refusesToServeWithoutTlsBeyondLoopback() throws Exception {
        String address = InetAddress.getLocalHost().getHostAddress();
        Path log = tmp.resolve("refused.log");
        Process server = ChildJvm.start(log, "serve", tmp.resolve("db").toString(), tmp.resolve("s").toString(),
                String.valueOf(freePort()), "plain", address.startsWith("127.") ? "0.0.0.0" : address);
        assertTrue(server.waitFor(120, TimeUnit.SECONDS));
        String out = read(log);
        assertTrue(out.contains("REFUSED: refusing to serve the database without TLS on "), out);
        assertTrue(!Files.exists(tmp.resolve("db")), "nothing created");
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static String read(Path log) {
        try {
            return Files.exists(log) ? Files.readString(log) : "(no output)";
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }
}
