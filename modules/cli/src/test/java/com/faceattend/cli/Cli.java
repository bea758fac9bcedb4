package com.faceattend.cli;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/** Runs the real command line in-process and captures what a user would see. */
final class Cli {
    record Result(int exitCode, String out, String err) {
        JsonNode json() {
            try {
                return new ObjectMapper().readTree(out);
            } catch (Exception e) {
                throw new AssertionError("not JSON: " + out + "\nstderr: " + err, e);
            }
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
    }

    private Cli() {
    }

    static Result run(Path dataDir, String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--data";
        all[1] = dataDir.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = FaceAttendCli.execute(new PrintWriter(out, true), new PrintWriter(err, true), all);
        return new Result(code, out.toString(), err.toString());
    }

    /** Enrols Alex Lacamoire (code ALEX) from his reference still, as a user would; fails the test if it does not work. */
    static void enrolAlex(Path dataDir) {
        Path ref = data().resolve("video-and-small/video/ref_alex_lacamoire.png");
        Result r = run(dataDir, "enroll", "--code", "ALEX", "--name", "Alex Lacamoire", "--consent", "--quiet", ref.toString());
        if (r.exitCode() != ExitCode.OK) {
            fail("enrolment failed: " + r);
        }
    }

    static Path data() {
        String prop = System.getProperty("faceattend.data");
        Path dir = prop != null ? Path.of(prop) : Path.of("../../../shared/data");
        if (!Files.isDirectory(dir)) {
            fail("shared face data not found at " + dir.toAbsolutePath()
                    + ": these tests need ../shared/data beside the repository (set -Dfaceattend.data=DIR)");
        }
        return dir.toAbsolutePath();
    }
}
