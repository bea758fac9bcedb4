package com.faceattend.store.testdb;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.apache.derby.drda.NetworkServerControl;

/**
 * A Derby network server inside the test JVM, one per JVM, on a free loopback port: the stores
 * reach it through Derby's client driver over TCP, as stations do. Databases are absolute paths.
 */
public final class DerbyNetworkServer {
    private static DerbyNetworkServer shared;
    private final NetworkServerControl control;
    private final int port;

    private DerbyNetworkServer(NetworkServerControl control, int port) {
        this.control = control;
        this.port = port;
    }

    /** The server of this JVM, started on first use and shut down when the JVM exits. */
    public static synchronized DerbyNetworkServer shared() {
        if (shared == null) {
            try {
                int port;
                try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                    port = s.getLocalPort();
                }
                NetworkServerControl control = new NetworkServerControl(InetAddress.getByName("127.0.0.1"), port);
                control.start(new PrintWriter(new StringWriter(), true));
                for (int i = 0; ; i++) {
                    try {
                        control.ping();
                        break;
                    } catch (Exception notYet) {
                        if (i > 100) {
                            throw notYet;
                        }
                        Thread.sleep(100);
                    }
                }
                shared = new DerbyNetworkServer(control, port);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        control.shutdown();
                    } catch (Exception ignored) {
                        // the JVM is exiting
                    }
                }, "stop-test-derby-server"));
            } catch (Exception e) {
                throw new IllegalStateException("could not start the test Derby network server: " + e, e);
            }
        }
        return shared;
    }

    public int port() {
        return port;
    }

    /** The client URL of the database at {@code absolutePath} (created on first connect). */
    public String url(String absolutePath) {
        return "jdbc:derby://127.0.0.1:" + port + "/" + absolutePath;
    }
}
