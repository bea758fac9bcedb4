package com.faceattend.desktop.uitest;

import com.faceattend.desktop.uitest.driver.UiDriverAgent;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * The test's side of {@link UiDriverAgent}: packs the agent from this module's test classes into a
 * jar (so it exists only in the test, never in the suite's distribution), hands the launcher the
 * option that loads it, and sends it commands. Every method waits for what it operates, up to a
 * minute, and fails with what the suite showed instead.
 */
final class UiDriver implements AutoCloseable {
    private static final String PACKAGE = UiDriverAgent.class.getPackageName().replace('.', '/') + "/";
    private final Socket socket;
    private final BufferedReader in;
    private final PrintWriter out;

    private UiDriver(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        this.out = new PrintWriter(new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8), true);
    }

    /** The launcher option that loads the agent; it writes its port to {@code portFile}. */
    static String launchOption(Path work, Path portFile) throws IOException {
        Path jar = work.resolve("ui-driver.jar");
        if (!Files.exists(jar)) {
            pack(jar);
        }
        Files.deleteIfExists(portFile);
        return "-J-javaagent:" + jar + "=" + portFile;
    }

    private static void pack(Path jar) throws IOException {
        Path classes;
        try {
            classes = Path.of(UiDriverAgent.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        m.getMainAttributes().put(new Attributes.Name("Premain-Class"), UiDriverAgent.class.getName());
        try (OutputStream o = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(o, m);
                Stream<Path> files = Files.walk(classes.resolve(PACKAGE))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                j.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, j);
                j.closeEntry();
            }
        }
    }

    /** Connects once the agent in {@code suite} has written its port. */
    static UiDriver connect(SuiteProcess suite, Path portFile) throws Exception {
        for (int i = 0; i < 600 && !Files.exists(portFile); i++) {
            if (!suite.isAlive()) {
                throw new AssertionError("the suite exited before its UI driver started");
            }
            Thread.sleep(100);
        }
        int port = Integer.parseInt(Files.readString(portFile).strip());
        return new UiDriver(new Socket(InetAddress.getLoopbackAddress(), port));
    }

    /** Sends one command and returns its answer; a refused command fails the test with the driver's message. */
    String send(String... command) throws IOException {
        long t0 = System.nanoTime();
        out.println(String.join("\t", command));
        String line = in.readLine();
        SuiteProcess.reportSlow(t0, List.of(command).toString());
        if (line == null) {
            throw new AssertionError("the suite closed the UI driver's connection during " + List.of(command));
        }
        int tab = line.indexOf('\t');
        String answer = unescape(line.substring(tab + 1));
        if (!line.startsWith("ok\t")) {
            throw new AssertionError("UI step " + List.of(command) + " failed: " + answer);
        }
        return answer;
    }

    private static String unescape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                b.append(n == 'n' ? '\n' : n);
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    void click(String locator) throws IOException {
        send("click", locator);
    }

    void type(String locator, String text) throws IOException {
        send("type", locator, text);
    }

    void check(String locator, boolean on) throws IOException {
        send("check", locator, Boolean.toString(on));
    }

    void pick(String locator, String item) throws IOException {
        send("pick", locator, item);
    }

    void tab(String locator, String titleStart) throws IOException {
        send("tab", locator, titleStart);
    }

    void row(String locator, String cellText) throws IOException {
        send("row", locator, cellText);
    }

    void choose(Path file) throws IOException {
        send("choose", file.toAbsolutePath().toString());
    }

    /** Opens and activates a window by its window-system id (e.g. {@code TodayTopComponent}). */
    void open(String topComponentId) throws IOException {
        send("open", topComponentId);
    }

    /** The name of the look and feel the suite runs with (e.g. "FlatLaf Dark"). */
    String look() throws IOException {
        return send("look");
    }

    void waitFor(String locator) throws IOException {
        send("wait", locator);
    }

    void waitGone(String locator) throws IOException {
        send("gone", locator);
    }

    String text(String locator) throws IOException {
        return send("text", locator);
    }

    String waitText(String locator, String regex, int seconds) throws IOException {
        return send("waittext", locator, regex, Integer.toString(seconds));
    }

    /** The rows of a table's model, each a list of its cells' text. */
    List<List<String>> table(String locator) throws IOException {
        String all = send("table", locator);
        List<List<String>> rows = new ArrayList<>();
        if (!all.isEmpty()) {
            all.lines().forEach(l -> rows.add(List.of(l.split("\u001f", -1))));
        }
        return rows;
    }

    void screenshot(Path png) throws IOException {
        send("shot", png.toAbsolutePath().toString());
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
