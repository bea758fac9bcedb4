package com.faceattend.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** Issue 12: every command and subcommand answers --help and -h with its usage, and names its defaults. */
class CommandTreeHelpTest {
    @TempDir
    Path data;

    @Test
    void everyCommandAnswersHelpWithUsage() {
        List<List<String>> paths = new ArrayList<>();
        walk(FaceAttendCli.commandLine(), new ArrayList<>(), paths);
        assertTrue(paths.size() > 30, "the whole tree is walked: " + paths);
        for (List<String> path : paths) {
            for (String flag : List.of("--help", "-h")) {
                List<String> args = new ArrayList<>(path);
                args.add(flag);
                Cli.Result r = Cli.run(data, args.toArray(String[]::new));
                assertEquals(ExitCode.OK, r.exitCode(), () -> String.join(" ", args) + ": " + r);
                assertTrue(r.out().contains("Usage: faceattend " + String.join(" ", path)), () -> String.join(" ", args) + ": " + r);
                assertTrue(r.err().isEmpty(), () -> String.join(" ", args) + ": " + r);
            }
        }
    }

    /** Each option that has a default shows it: picocli appends it, or the text names it (e.g. "default: 2m"). */
    @Test
    void everyDefaultIsNamedInTheHelp() {
        List<String> silent = new ArrayList<>();
        checkDefaults(FaceAttendCli.commandLine(), silent);
        assertEquals(List.of(), silent, "options whose default the help does not name");
    }

    private static void walk(CommandLine cmd, List<String> path, List<List<String>> out) {
        out.add(List.copyOf(path));
        cmd.getSubcommands().forEach((name, sub) -> {
            if (!sub.getCommandSpec().name().equals(name)) {
                return; // an alias
            }
            path.add(name);
            walk(sub, path, out);
            path.remove(path.size() - 1);
        });
    }

    private static void checkDefaults(CommandLine cmd, List<String> silent) {
        for (OptionSpec o : cmd.getCommandSpec().options()) {
            boolean flag = o.type() == boolean.class || o.type() == Boolean.class;
            if (flag || o.usageHelp() || o.versionHelp() || o.required() || o.hidden()) {
                continue;
            }
            String text = String.join(" ", o.description()).toLowerCase(java.util.Locale.ROOT);
            boolean shown = o.defaultValueString() != null && o.showDefaultValue() != CommandLine.Help.Visibility.NEVER
                    && cmd.getCommandSpec().usageMessage().showDefaultValues();
            if (!shown && !text.contains("default") && o.initialValue() != null && !(o.initialValue() instanceof java.util.Collection<?>)) {
                silent.add(cmd.getCommandSpec().qualifiedName() + " " + o.longestName());
            }
        }
        cmd.getSubcommands().values().forEach(sub -> checkDefaults(sub, silent));
    }
}
