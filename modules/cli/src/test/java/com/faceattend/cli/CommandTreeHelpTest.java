package com.faceattend.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
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

    /**
     * Issue 14: no help calls a default "null" (an option without a fixed default says in words what
     * happens without it, e.g. "default: the configured detector"). Renders every command's usage.
     */
    @Test
    void noHelpShowsANullDefault() {
        List<String> found = new ArrayList<>();
        collectNullDefaults(FaceAttendCli.commandLine(), found);
        assertEquals(List.of(), found, "help texts that show a default as null");
    }

    /**
     * picocli formats every help line with String.format: a lone "%" ("5 %") fails, and the help
     * then prints "[picocli WARN] Could not format …" on stderr (through its tracer, which a test
     * cannot capture, so each line is formatted here as picocli does).
     */
    @Test
    void everyHelpLineIsAValidFormat() {
        List<String> broken = new ArrayList<>();
        collectBadFormats(FaceAttendCli.commandLine(), broken);
        assertEquals(List.of(), broken, "help lines with a lone % (write %% for a percent sign)");
    }

    private static void collectBadFormats(CommandLine cmd, List<String> broken) {
        CommandSpec spec = cmd.getCommandSpec();
        List<String> lines = new ArrayList<>(List.of(spec.usageMessage().description()));
        lines.addAll(List.of(spec.usageMessage().header()));
        lines.addAll(List.of(spec.usageMessage().footer()));
        spec.options().forEach(o -> lines.addAll(List.of(o.description())));
        spec.positionalParameters().forEach(p -> lines.addAll(List.of(p.description())));
        spec.argGroups().forEach(g -> {
            if (g.heading() != null) {
                lines.add(g.heading());
            }
        });
        for (String line : lines) {
            try {
                String.format(line);
            } catch (java.util.IllegalFormatException e) {
                broken.add(spec.qualifiedName() + ": " + line);
            }
        }
        cmd.getSubcommands().forEach((name, sub) -> {
            if (sub.getCommandSpec().name().equals(name)) {
                collectBadFormats(sub, broken);
            }
        });
    }

    private static final java.util.regex.Pattern NULL_DEFAULT =
            java.util.regex.Pattern.compile("(?i)default\\b[^.;)]*?\\bnull\\b");

    private static void collectNullDefaults(CommandLine cmd, List<String> found) {
        // one line per option, whatever the wrapping: a default may sit on the line after its description
        String usage = cmd.getUsageMessage(CommandLine.Help.Ansi.OFF).replaceAll("\\s+", " ");
        java.util.regex.Matcher m = NULL_DEFAULT.matcher(usage);
        while (m.find()) {
            int from = Math.max(0, m.start() - 60);
            found.add(cmd.getCommandSpec().qualifiedName() + ": ..." + usage.substring(from, m.end()));
        }
        cmd.getSubcommands().forEach((name, sub) -> {
            if (sub.getCommandSpec().name().equals(name)) {
                collectNullDefaults(sub, found);
            }
        });
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
