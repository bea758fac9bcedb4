package com.faceattend.cli;

import com.faceattend.engine.providers.PluginFolder;
import com.faceattend.spi.AttendanceListenerProvider;
import com.faceattend.spi.Problem;
import com.faceattend.spi.ProviderSettings;
import com.faceattend.spi.contract.PluginJarContract;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code faceattend plugins list|install JAR|remove ID}: the plugin jars in the data folder's
 * {@code plugins/}, which the CLI and headless stations load at start. A thin layer over
 * {@link PluginFolder}; install runs the SDK's contract kit first and refuses a jar that fails it.
 */
@Command(name = "plugins", description = "List, install and remove plugin jars in the data folder's plugins/ "
        + "(loaded by the command line and headless stations at start).",
        subcommands = {PluginsCommand.ListPlugins.class, PluginsCommand.Install.class, PluginsCommand.Remove.class})
final class PluginsCommand {
    @ParentCommand
    FaceAttendCli app;

    PluginFolder folder() {
        return new PluginFolder(app.dataDir());
    }

    /** The loader that holds the SDK and the built-in providers, under which plugins are loaded. */
    static ClassLoader host() {
        return PluginsCommand.class.getClassLoader();
    }

    @Command(name = "list", description = "List the installed plugin jars and the providers each registers.")
    static final class ListPlugins implements Callable<Integer> {
        @ParentCommand
        PluginsCommand parent;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PluginFolder folder = parent.folder();
            List<PluginFolder.Entry> entries = folder.entries(host());
            if (folder.jars().isEmpty()) {
                out.println("No plugins installed in " + folder.folder() + " (faceattend plugins install JAR).");
            }
            for (Path jar : folder.jars()) {
                out.println(jar.getFileName());
                entries.stream().filter(e -> e.jar().equals(jar.getFileName().toString())).forEach(e -> out.printf(
                        "  %-20s %-22s %-8s %s (%s)%n", e.kind(), e.info().id(), e.info().version(), e.info().displayName(), e.info().vendor()));
            }
            out.flush();
            return ExitCode.OK;
        }
    }

    @Command(name = "install",
            description = "Check a plugin jar with the SDK's contract kit and, if it passes, copy it into plugins/.")
    static final class Install implements Callable<Integer> {
        @ParentCommand
        PluginsCommand parent;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "JAR", description = "The plugin jar (e.g. target/my-plugin-1.0.0.jar).")
        Path jar;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            List<String> report = new ArrayList<>();
            Path installed = parent.folder().install(jar, candidate -> report.addAll(check(candidate)));
            report.forEach(line -> out.println("  " + line));
            out.println("installed " + installed.getFileName() + " in " + installed.getParent()
                    + "; stations and commands started from now on load it");
            out.flush();
            return ExitCode.OK;
        }

        /**
         * The contract kit on the jar. A listener is checked with a scratch folder and no options of
         * the user's, so its check never posts test events to a real endpoint.
         */
        private static List<String> check(Path candidate) {
            Path scratch;
            try {
                scratch = Files.createTempDirectory("faceattend-plugin-check");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot make a scratch folder for the contract check", e);
            }
            try {
                return PluginJarContract.verify(candidate, host(), new ProviderSettings(1,
                        Map.of(AttendanceListenerProvider.DATA_FOLDER_OPTION, scratch.toString())));
            } catch (AssertionError broken) {
                throw new Problem(Problem.Kind.REFUSED, "not installed: " + candidate.getFileName()
                        + " fails the plugin contract kit: " + broken.getMessage(),
                        "fix the plugin (its own mvn verify runs the same kit: ContractKit in faceattend-plugin-testkit) and install it again");
            } catch (RuntimeException | LinkageError unusable) {
                throw new Problem(Problem.Kind.REFUSED, "not installed: " + candidate.getFileName()
                        + " cannot be loaded as a FaceAttend plugin: " + unusable,
                        "build it against the FaceAttend SDK (faceattend-plugin-parent) and install the jar mvn package makes", unusable);
            } finally {
                deleteTree(scratch);
            }
        }

        private static void deleteTree(Path dir) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(f);
                }
            } catch (IOException ignored) {
                // a scratch folder in the temp directory; the OS clears what is left
            }
        }
    }

    @Command(name = "remove",
            description = "Remove an installed plugin jar (its settings and data stay for a reinstall).")
    static final class Remove implements Callable<Integer> {
        @ParentCommand
        PluginsCommand parent;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "ID", description = "The jar's file name, or the id of a provider it registers (see plugins list).")
        String id;

        @Override
        public Integer call() {
            Path removed = parent.folder().remove(id, host());
            spec.commandLine().getOut().println("removed " + removed.getFileName() + " from " + removed.getParent());
            return ExitCode.OK;
        }
    }
}
