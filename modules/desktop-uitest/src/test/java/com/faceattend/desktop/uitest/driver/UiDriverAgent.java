package com.faceattend.desktop.uitest.driver;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.logging.Handler;
import java.util.logging.Logger;

/**
 * The UI test's hands inside the suite: a Java agent that the test alone adds to the launcher
 * ({@code -J-javaagent:driver.jar=PORTFILE}); the product never contains it. It listens on a
 * loopback port (written to PORTFILE) for one command per line, tab-separated, and answers
 * {@code ok<TAB>result} or {@code error<TAB>message}. Components are found by their stable
 * {@code setName} names (or a button's text), and are operated as a person would: real mouse
 * clicks through {@link java.awt.Robot} at the component's place on the screen, text put into a
 * field after clicking it, items picked from an opened combo list. Only JDK classes are used, so
 * the agent needs nothing from the platform's module class loaders.
 */
public final class UiDriverAgent {
    private UiDriverAgent() {
    }

    public static void premain(String portFile) {
        // No AWT here: the platform sets its look and feel before the first window, after this returns.
        Thread t = new Thread(() -> serve(Path.of(portFile)), "faceattend-ui-driver");
        t.setDaemon(true);
        t.start();
        Thread flusher = new Thread(UiDriverAgent::flushLogOften, "faceattend-ui-driver-log");
        flusher.setDaemon(true);
        flusher.start();
    }

    /**
     * The platform writes messages.log from a queue it flushes 5 s after the last record (and later
     * while records keep coming); the test waits on lines of that log, so here it is flushed every
     * 100 ms. This changes when lines reach the file, not what the suite logs.
     */
    private static void flushLogOften() {
        while (true) {
            try {
                Thread.sleep(100);
                for (Handler h : Logger.getLogger("").getHandlers()) {
                    h.flush();
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // a handler being replaced while the platform starts: the next round flushes it
            }
        }
    }

    private static void serve(Path portFile) {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Path part = portFile.resolveSibling(portFile.getFileName() + ".part");
            Files.writeString(part, Integer.toString(server.getLocalPort()));
            Files.move(part, portFile, StandardCopyOption.ATOMIC_MOVE); // never read half-written
            Commands commands = new Commands();
            while (true) {
                try (Socket s = server.accept();
                        BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
                        PrintWriter out = new PrintWriter(new OutputStreamWriter(s.getOutputStream(), StandardCharsets.UTF_8), true)) {
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        out.println(answer(commands, line));
                    }
                } catch (IOException e) {
                    // the test went away; wait for the next connection
                }
            }
        } catch (IOException e) {
            System.err.println("ui driver: cannot listen: " + e);
        }
    }

    private static String answer(Commands commands, String line) {
        try {
            return "ok\t" + escape(commands.run(line.split("\t", -1)));
        } catch (Exception | AssertionError e) {
            return "error\t" + escape(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** One answer is one line: newlines travel as \n, tabs inside values as \t. */
    static String escape(String s) {
        return s == null ? "" : s.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "");
    }
}
