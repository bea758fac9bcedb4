package com.faceattend.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.faceattend.spi.AttendanceListenerProvider;
import com.faceattend.suite.SuiteServices;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15: {@code faceattend plugins install|list|remove} on real plugin jars compiled here; install
 * runs the contract kit and refuses a broken plugin, and what is installed is what stations find.
 */
class PluginsCommandTest {
    private static final String GOOD = """
            package com.acme.hook;
            import com.faceattend.spi.*;
            public final class HookProvider implements AttendanceListenerProvider {
                public ProviderInfo info() { return new ProviderInfo("acme-hook", "2.1.0", "ACME hook", "none", "ACME Ltd"); }
                public AttendanceListener create(ProviderSettings settings) { return event -> { }; }
            }
            """;
    private static final String THROWS = """
            package com.acme.bad;
            import com.faceattend.spi.*;
            public final class BadProvider implements AttendanceListenerProvider {
                public ProviderInfo info() { return new ProviderInfo("acme-bad", "0.1.0", "ACME bad", "none", "ACME Ltd"); }
                public AttendanceListener create(ProviderSettings settings) {
                    return event -> { throw new IllegalStateException("payroll down"); };
                }
            }
            """;

    @Test
    void installListRemoveAndTheStationsRegistryFindsIt(@TempDir Path tmp) throws IOException {
        Path data = tmp.resolve("data");
        Path jar = pluginJar(tmp.resolve("good"), "acme-hook-2.1.0.jar", "com.acme.hook.HookProvider", GOOD);

        Cli.Result empty = Cli.run(data, "plugins", "list");
        assertEquals(ExitCode.OK, empty.exitCode(), empty::toString);
        assertTrue(empty.out().contains("No plugins installed"), empty::toString);

        Cli.Result installed = Cli.run(data, "plugins", "install", jar.toString());
        assertEquals(ExitCode.OK, installed.exitCode(), installed::toString);
        assertTrue(installed.out().contains("attendance listener acme-hook 2.1.0 (ACME Ltd): contract kept"), installed::toString);
        assertTrue(Files.isRegularFile(data.resolve("plugins/acme-hook-2.1.0.jar")));

        Cli.Result listed = Cli.run(data, "plugins", "list");
        assertTrue(listed.out().contains("acme-hook-2.1.0.jar") && listed.out().contains("attendance listener")
                && listed.out().contains("acme-hook"), listed::toString);

        Cli.Result models = Cli.run(data, "models");
        assertTrue(models.out().contains("listener   acme-hook"),
                "commands that pick providers without opening the suite (models, bench, calibrate) see the plugin too: " + models);

        try (SuiteServices suite = new SuiteServices(data)) {
            List<String> ids = suite.providers().listeners().stream().map(p -> p.info().id()).toList();
            assertEquals(List.of("acme-hook", "gpio"), ids,
                    "a station on this data folder gets the installed listener, from the registry the built-in door hardware comes from");
            assertEquals(data.toAbsolutePath().resolve("plugins/acme-hook").toString(),
                    suite.plugins().listenerSettings("acme-hook").options().get(AttendanceListenerProvider.DATA_FOLDER_OPTION));
        }

        Cli.Result removed = Cli.run(data, "plugins", "remove", "acme-hook");
        assertEquals(ExitCode.OK, removed.exitCode(), removed::toString);
        assertFalse(Files.exists(data.resolve("plugins/acme-hook-2.1.0.jar")));
        Cli.Result unknown = Cli.run(data, "plugins", "remove", "acme-hook");
        assertEquals(ExitCode.NOT_FOUND, unknown.exitCode(), unknown::toString);
    }

    @Test
    void aPluginThatFailsTheContractKitIsRefusedWithTheReasonAndNothingIsCopied(@TempDir Path tmp) throws IOException {
        Path data = tmp.resolve("data");
        Path bad = pluginJar(tmp.resolve("bad"), "acme-bad.jar", "com.acme.bad.BadProvider", THROWS);
        Cli.Result r = Cli.run(data, "plugins", "install", bad.toString());
        assertEquals(ExitCode.USAGE, r.exitCode(), r::toString);
        assertTrue(r.err().contains("not installed: acme-bad.jar fails the plugin contract kit"), r::toString);
        assertTrue(r.err().contains("acme-bad breaks the contract: onEvent(PersonRecognized) threw"), r::toString);
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r);
        assertFalse(Files.exists(data.resolve("plugins/acme-bad.jar")));

        Path none = tmp.resolve("none.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(none))) {
            out.putNextEntry(new JarEntry("README.txt"));
        }
        Cli.Result empty = Cli.run(data, "plugins", "install", none.toString());
        assertEquals(ExitCode.USAGE, empty.exitCode(), empty::toString);
        assertTrue(empty.err().contains("no class files") || empty.err().contains("registers no provider"), empty::toString);

        Cli.Result missing = Cli.run(data, "plugins", "install", tmp.resolve("nowhere.jar").toString());
        assertEquals(ExitCode.BAD_INPUT, missing.exitCode(), missing::toString);
    }

    /** Compiles one provider against the SDK on this test's class path and jars it with its service file. */
    private static Path pluginJar(Path dir, String name, String providerClass, String source) throws IOException {
        Path src = dir.resolve("src").resolve(providerClass.replace('.', '/') + ".java");
        Path classes = dir.resolve("classes");
        Files.createDirectories(src.getParent());
        Files.createDirectories(classes);
        Files.writeString(src, source);
        int rc = ToolProvider.getSystemJavaCompiler().run(null, null, null,
                "-d", classes.toString(), "-cp", System.getProperty("java.class.path"), "-proc:none", src.toString());
        assertEquals(0, rc, "the plugin compiles");
        Path jar = dir.resolve(name);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar)); Stream<Path> files = Files.walk(classes)) {
            List<Path> all = new ArrayList<>(files.filter(Files::isRegularFile).toList());
            for (Path f : all) {
                out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, out);
            }
            out.putNextEntry(new JarEntry("META-INF/services/" + AttendanceListenerProvider.class.getName()));
            OutputStream o = out;
            o.write((providerClass + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return jar;
    }
}
