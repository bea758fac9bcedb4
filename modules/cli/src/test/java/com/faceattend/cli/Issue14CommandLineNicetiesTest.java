package com.faceattend.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, command-line niceties, on the real launcher's entry point in child processes whose
 * output goes to files (as under cron, systemd or {@code > log}): no carriage-return progress bars
 * or ANSI codes there; {@code --quiet} silences progress but not errors; {@code completion}
 * prints a bash script that completes the commands.
 */
class Issue14CommandLineNicetiesTest {
    @TempDir
    static Path tmp;
    private static Path people;

    /** Two faces94 people, one photo each, in the one-sub-folder-per-person layout. */
    @BeforeAll
    static void twoPeople() throws IOException {
        people = tmp.resolve("people");
        Path identities = Cli.data().resolve("faces94/identities");
        try (var dirs = Files.list(identities)) {
            for (Path person : dirs.filter(Files::isDirectory).sorted().limit(2).toList()) {
                Path photo;
                try (var photos = Files.list(person)) {
                    photo = photos.filter(p -> p.toString().endsWith(".jpg")).sorted().findFirst().orElseThrow();
                }
                Path dir = Files.createDirectories(people.resolve(person.getFileName().toString()));
                Files.copy(photo, dir.resolve(photo.getFileName())); // a temporary copy, deleted with the folder
            }
        }
    }

    @Test
    void redirectedProgressIsPlainLinesWithoutCarriageReturnsOrAnsiCodes() throws Exception {
        Run enrol = run(tmp.resolve("data-a"), "enroll", "--folder", people.toString(), "--consent");
        assertEquals(ExitCode.OK, enrol.exitCode, enrol.toString());
        assertTrue(enrol.err.contains("Enrolling: 2/2 (100 %), done"), "a plain closing progress line: " + enrol);
        assertClean(enrol);
        Run help = run(tmp.resolve("data-a"), "--help");
        assertTrue(help.out.contains("--quiet") && help.out.contains("completion"), help.toString());
        assertClean(help);
    }

    @Test
    void quietSilencesProgressButNotErrors() {
        // in-process (the same entry point, output captured): no second JVM to load the models in
        Path data = tmp.resolve("data-b");
        Cli.Result enrol = Cli.run(data, "--quiet", "enroll", "--folder", people.toString(), "--consent");
        assertEquals(ExitCode.OK, enrol.exitCode(), enrol.toString());
        assertFalse(enrol.err().contains("Enrolling"), "no progress under --quiet: " + enrol);
        assertTrue(enrol.out().contains(people.toFile().list()[0]), "the result itself is still printed: " + enrol);
        Cli.Result loud = Cli.run(data, "enroll", "--folder", people.toString(), "--consent");
        assertTrue(loud.err().contains("Enrolling: 2/2 (100 %), done"), "without --quiet the same run shows progress: " + loud);
        Cli.Result missing = Cli.run(data, "--quiet", "enroll", "--folder", tmp.resolve("no-such-folder").toString(), "--consent");
        assertTrue(missing.exitCode() != ExitCode.OK && missing.err().contains("error:") && missing.err().contains("no-such-folder"),
                "errors still show under --quiet: " + missing);
    }

    @Test
    void completionScriptIsValidBashAndCompletesCommands() throws Exception {
        Run completion = run(tmp.resolve("data-c"), "completion");
        assertEquals(ExitCode.OK, completion.exitCode, completion.toString());
        Path script = tmp.resolve("faceattend-completion.bash");
        Files.writeString(script, completion.out);
        assertEquals("", bash("bash", "-n", script.toString()).trim(), "bash -n finds no syntax error");
        String commands = bash("bash", "-c", "source " + script + "; COMP_WORDS=(faceattend en); COMP_CWORD=1; "
                + "COMP_LINE='faceattend en'; COMP_POINT=${#COMP_LINE}; _complete_faceattend faceattend en faceattend 2>/dev/null; "
                + "printf '%s\\n' \"${COMPREPLY[@]}\"");
        assertEquals(List.of("enroll"), commands.lines().toList());
        String evals = bash("bash", "-c", "source " + script + "; COMP_WORDS=(faceattend eval ''); COMP_CWORD=2; "
                + "COMP_LINE='faceattend eval '; COMP_POINT=${#COMP_LINE}; _complete_faceattend faceattend '' eval 2>/dev/null; "
                + "printf '%s\\n' \"${COMPREPLY[@]}\"");
        assertTrue(evals.lines().toList().containsAll(List.of("verify", "identify", "liveness")), evals);
    }

    private static void assertClean(Run run) {
        for (String stream : List.of(run.out, run.err)) {
            assertFalse(stream.contains("\r"), "no carriage return (progress bar redraw) in redirected output: " + run);
            assertFalse(stream.contains("\u001b"), "no ANSI escape in redirected output: " + run);
        }
    }

    private record Run(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
    }

    /** The CLI as the launcher starts it, stdout and stderr redirected to files. */
    private static Run run(Path data, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED", "-Xmx1g",
                "-cp", System.getProperty("java.class.path"), FaceAttendCli.class.getName(), "--data", data.toString()));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile(tmp, "out", ".txt");
        Path err = Files.createTempFile(tmp, "err", ".txt");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("faceattend " + String.join(" ", args) + " did not finish in 300 s");
        }
        // split on \n only: String.lines() would also split on \r, the very thing looked for
        String errText = String.join("\n", Arrays.stream(Files.readString(err, StandardCharsets.UTF_8).split("\n", -1))
                .filter(l -> !l.startsWith("WARNING: Using incubator modules")).toList());
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), errText);
    }

    private static String bash(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "bash finished");
        assertEquals(0, p.exitValue(), output);
        return output;
    }
}
